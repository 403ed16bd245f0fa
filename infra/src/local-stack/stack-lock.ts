import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@salla-analytics/core-library';

/**
 * One local stack per data directory: the embedded engines own their folders exclusively, so a
 * second `pnpm start` must stop early with a clear sentence instead of failing deep inside an engine.
 */
export function acquireStackLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'stack.pid');
  const existing = readPid(file);
  if (existing !== null && existing !== process.pid && isAlive(existing)) {
    throw new AppError(
      'CONFLICT',
      `The local stack is already running (process ${existing}, data in ${dir}); stop it with Ctrl-C first or set SALLA_ANALYTICS_DATA_DIR to use another folder`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  };
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
