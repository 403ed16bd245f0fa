import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '@salla-analytics/core-library';

export interface PipelineProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for a clean exit (SIGKILL after the grace period). */
  stop(): Promise<void>;
}

/** Path of the pipeline service's executable (its package's built `dist/bin/server.js`). */
export function pipelineServerPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@salla-analytics/data-pipeline-service/package.json')), 'dist/bin/server.js');
}

/**
 * Runs the pipeline service as its own process (so it can be killed and restarted on its own),
 * with JSON logs appended to `logFile`, and waits until it answers /health.
 */
export async function startPipelineProcess(options: {
  env: Record<string, string>;
  port: number;
  logFile: string;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}): Promise<PipelineProcess> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  // Opt-in node flags for the pipeline process only (e.g. PIPELINE_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeFlags = (process.env.PIPELINE_NODE_FLAGS ?? '').split(/\s+/).filter((flag) => flag.length > 0);
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, pipelineServerPath()], {
    env: { ...process.env, ...options.env, PIPELINE_PORT: String(options.port) },
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
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new AppError('INTERNAL', `The pipeline service exited while starting: ${stderr.trim().split('\n').pop() ?? 'no output'}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new AppError('TIMEOUT', `The pipeline service did not answer on ${url} within 60 s (log: ${options.logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
