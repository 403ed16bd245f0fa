import { spawn } from 'node:child_process';

export interface ExecOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs a command to completion and resolves with its stdout; rejects with the command, its exit
 * code and the tail of its output when it fails or runs past its time limit.
 */
export function exec(command: string, args: string[], options: ExecOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else {
        const why = signal ? `was killed (${signal}${signal === 'SIGKILL' ? ', time limit' : ''})` : `exited with ${code}`;
        reject(new Error(`${command} ${args.join(' ')} ${why} in ${options.cwd}:\n${output.slice(-6000)}`));
      }
    });
  });
}

/**
 * The environment for a nested tool run: this process's, without what a parent pnpm, turbo or
 * vitest put there (registry and store settings, task hashes, NODE_ENV=test), so the nested run
 * behaves as it would from a shell.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|turbo_|vitest|__vitest)/i.test(key)) continue;
    if (['NODE_ENV', 'NODE_OPTIONS', 'INIT_CWD', 'TEST', 'PNPM_SCRIPT_SRC_DIR'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...extra };
}
