import { type ChildProcess, spawn } from 'node:child_process';

// The embedded engine in its own OS process, so a test can take ClickHouse away (the port refuses
// connections) and bring it back on the same data directory, as an operator restart would.
const SERVE = `
import { startEmbeddedClickHouse } from '@salla-analytics/olap-repository';
const server = await startEmbeddedClickHouse({ dataPath: process.argv[1], port: Number(process.argv[2]) });
process.stdout.write('listening\\n');
process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
`;

export interface ClickHouseProcess {
  url: string;
  /** Stops the engine cleanly (the port then refuses connections). */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
}

export async function startClickHouseProcess(dataPath: string, port: number): Promise<ClickHouseProcess> {
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--input-type=module', '-e', SERVE, dataPath, String(port)], { cwd: import.meta.dirname });
      let output = '';
      proc.stdout?.on('data', (chunk) => {
        output += chunk;
        if (output.includes('listening')) resolve();
      });
      proc.stderr?.on('data', (chunk) => (output += chunk));
      proc.once('exit', (code) => reject(new Error(`ClickHouse process exited (${code}) before listening: ${output}`)));
      child = proc;
    });
  const stop = async () => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return { url: `http://127.0.0.1:${port}`, stop, start };
}
