import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MERCHANT_A, MERCHANT_B, startTestStack, type TestStack } from '../../test/support/test-stack';
import { inheritedEnv } from './e2e-env';
import getPort from 'get-port';

export interface RunningApp {
  baseURL: string;
  stack: TestStack;
  stop(): Promise<void>;
}

const APP_DIR = join(import.meta.dirname, '..', '..');

/**
 * The production build (`next build` output) served by `next start` on a free port, on real
 * engines with the demo store (merchant A) and a second store (merchant B).
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(join(APP_DIR, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `pnpm --filter @salla-analytics/pwa-main build` first');
  }
  const stack = await startTestStack([MERCHANT_A, MERCHANT_B]);
  const port = await getPort();
  const next = join(APP_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: APP_DIR,
    env: { ...inheritedEnv(), ...stack.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await stack.stop();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stack.stop();
      throw new Error(`next start exited (${child.exitCode}):\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseURL}/login`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, stack, stop };
}

export { MERCHANT_A, MERCHANT_B };
