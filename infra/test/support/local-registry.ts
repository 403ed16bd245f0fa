import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import getPort from 'get-port';

/** What the registry says about one package (the parts the release test reads). */
export interface Packument {
  'dist-tags': Record<string, string>;
  versions: Record<
    string,
    {
      version: string;
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      dist: { tarball: string };
    }
  >;
}

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  token: string;
  /** Writes an npm userconfig holding the token (and the extra lines) and returns its path. */
  writeUserconfig(path: string, extraLines?: string[]): string;
  /** The package's document, or null when the registry does not know it. */
  packument(name: string): Promise<Packument | null>;
  /** The file names in a published tarball (`package/...`). */
  tarballFiles(name: string, version: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * A throwaway Verdaccio on loopback (a free port, storage in `dir`), closed to the outside: no
 * uplinks, so nothing is proxied to or from the public registry, and `@salla-analytics/*` can be
 * read and published only with a token. One user is created through the registry's own API
 * (`max_users: 1`), which is all the publishing flow needs.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const port = await getPort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks: {}',
      'packages:',
      "  '@salla-analytics/*':",
      '    access: $authenticated',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      "  '**':",
      '    access: $authenticated',
      '    publish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: json, level: warn }',
      '',
    ].join('\n'),
  );
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const log = openSync(join(dir, 'verdaccio.log'), 'a');
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', log, log],
  });
  try {
    await waitForPing(url, child);
    const token = await createUser(url);
    return registryHandle(url, token, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode} before it answered`);
    const ok = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('verdaccio did not answer /-/ping within 30 s');
}

async function createUser(url: string): Promise<string> {
  const name = 'release-bot';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${Math.random().toString(36).slice(2)}` }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`verdaccio refused to create a user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

function registryHandle(url: string, token: string, child: ChildProcess): LocalRegistry {
  const auth = { authorization: `Bearer ${token}` };
  const hostKey = url.replace(/^https?:/, '');
  return {
    url,
    token,
    writeUserconfig(path, extraLines = []) {
      writeFileSync(path, [...extraLines, `${hostKey}:_authToken=${token}`, ''].join('\n'), { mode: 0o600 });
      return path;
    },
    async packument(name) {
      const response = await fetch(`${url}${name.replace('/', '%2f')}`, { headers: auth });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET ${name}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Packument;
    },
    async tarballFiles(name, version) {
      const doc = await this.packument(name);
      const tarball = doc?.versions[version]?.dist.tarball;
      if (!tarball) throw new Error(`${name}@${version} is not on the registry`);
      const response = await fetch(tarball, { headers: auth });
      if (!response.ok) throw new Error(`GET ${tarball}: ${response.status}`);
      return listTarGz(Buffer.from(await response.arrayBuffer()));
    },
    stop: () => stopChild(child),
  };
}

/** Names of the regular files in a .tgz (ustar, as npm and pnpm pack it). */
function listTarGz(gzipped: Buffer): string[] {
  const tar = gunzipSync(gzipped);
  const names: string[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    if (type === '0' || type === '') names.push(name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names.sort();
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
