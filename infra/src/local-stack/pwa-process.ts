import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '@salla-analytics/core-library';

export interface PwaProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit (SIGKILL after the grace period). */
  stop(): Promise<void>;
}

/** Folder of the PWA package (its `next build` output lives in `.next/`). */
export function pwaAppDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@salla-analytics/pwa-main/package.json'));
}

/**
 * Serves the PWA's production build (`next start`) as its own process, with its logs appended
 * to `logFile`, and waits until the login page answers. `env` carries the engines' URLs
 * (DATABASE_URL, CLICKHOUSE_URL, …); DEPLOYMENT_ENV=local keeps the demo login available.
 */
export async function startPwaProcess(options: {
  env: Record<string, string>;
  port: number;
  host?: string;
  logFile: string;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}): Promise<PwaProcess> {
  const appDir = pwaAppDir();
  if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) {
    throw new AppError('INTERNAL', 'The PWA is not built: run "pnpm turbo run build --filter=@salla-analytics/pwa-main..." first');
  }
  const host = options.host ?? '127.0.0.1';
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const next = join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [next, 'start', '-p', String(options.port), '-H', host], {
    cwd: appDir,
    env: {
      ...process.env,
      DEPLOYMENT_ENV: 'local',
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
      NODE_ENV: 'production',
      PWA_PORT: String(options.port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.pipe(log, { end: false });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    log.write(chunk);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      log.end();
      options.onExit?.(code, signal);
      resolve();
    }),
  );
  const url = `http://${host}:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new AppError('INTERNAL', `The PWA exited while starting: ${stderr.trim().split('\n').pop() ?? 'no output'}`);
    const ready = await fetch(`${url}/login`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new AppError('TIMEOUT', `The PWA did not answer on ${url} within 60 s (log: ${options.logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
