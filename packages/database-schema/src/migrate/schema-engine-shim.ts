import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { explainPanic, type SchemaEngineInstance, schemaEngineVersion } from './load-schema-engine.js';
import { pgConfigFromUrl } from './pg-connection-config.js';
import { type OpenSchemaEngine, openSchemaEngine, type SchemaFile } from './with-schema-engine.js';

/**
 * A stand-in for Prisma's native `schema-engine` binary, which the prisma CLI downloads at run time
 * (impossible here). The CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY and talks to it exactly
 * as to the binary:
 *
 *   schema-engine --datasource '{"url":...}' [--datamodels <file>]...        JSON-RPC 2.0 on stdio
 *   schema-engine --datasource '{"url":...}' cli <can-connect-to-database|create-database|drop-database>
 *   schema-engine --version
 *
 * Requests are newline-delimited JSON-RPC on stdin, answers on stdout, logs as JSON lines on
 * stderr. One WASM engine serves all requests of a process, as the native binary does (the CLI
 * starts one engine per command).
 */

type Args = { datasourceUrl?: string; datamodels: string[]; cli?: string; version: boolean };
type RpcRequest = { id: number | string; method: string; params?: Record<string, unknown> };
type RpcMessage = Partial<RpcRequest> & { result?: unknown; error?: unknown };

const ENGINE_METHODS = new Set([
  'applyMigrations',
  'createMigration',
  'dbExecute',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'diff',
  'ensureConnectionValidity',
  'evaluateDataLoss',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
]);

export async function runSchemaEngineShim(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()} (wasm shim)\n`);
    return 0;
  }
  if (args.cli) return runCliCommand(args.cli, requireUrl(args));
  await serveJsonRpc(args);
  return 0;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { datamodels: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datasource') args.datasourceUrl = (JSON.parse(argv[++i] ?? '{}') as { url?: string }).url;
    else if (arg === '--datamodels') args.datamodels.push(argv[++i] ?? '');
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === 'cli') args.cli = argv[++i];
  }
  return args;
}

function requireUrl(args: Args): string {
  if (!args.datasourceUrl) throw new Error('schema-engine shim: no datasource url (set DATABASE_URL)');
  return args.datasourceUrl;
}

/** A log line in the shape the CLI parses from the native engine's stderr. */
function logError(errorCode: string, message: string): void {
  const line = {
    level: 'ERROR',
    target: 'schema_engine::logger',
    fields: { message, error_code: errorCode },
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

// ---------------------------------------------------------------------------------------------
// `cli` sub-commands: the CLI uses them to check the database exists and create it if it does not.

async function runCliCommand(command: string, url: string): Promise<number> {
  // The CLI drops the first stderr line of a `cli` run (the native engine's start-up banner).
  const banner = {
    level: 'INFO',
    target: 'schema_engine',
    fields: { message: `Starting schema engine CLI (${command})` },
  };
  process.stderr.write(`${JSON.stringify(banner)}\n`);
  const config = pgConfigFromUrl(url);
  const name = config.database ?? 'postgres';
  try {
    await databaseCommand(command, url);
    return 0;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '3D000') logError('P1003', `Database \`${name}\` does not exist`);
    else if (e.code === '42P04') logError('P1009', `Database \`${name}\` already exists`);
    else if (e.code === 'ECONNREFUSED')
      logError('P1001', `Can't reach database server at ${config.host}:${config.port}`);
    else logError('P1000', e.message ?? String(error));
    return 1;
  }
}

/** Checks, creates or drops the database named in `url`, through the server's `postgres` database. */
async function databaseCommand(command: string, url: string): Promise<void> {
  const config = pgConfigFromUrl(url);
  const name = ident(config.database ?? 'postgres');
  const maintenance = { ...config, database: 'postgres' };
  if (command === 'can-connect-to-database') await withClient(config, async () => undefined);
  else if (command === 'create-database')
    await withClient(maintenance, (c) => c.query(`CREATE DATABASE ${name}`));
  else if (command === 'drop-database')
    await withClient(maintenance, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  else throw new Error(`schema-engine shim: unsupported cli command "${command}"`);
}

async function withClient<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------
// JSON-RPC over stdio.

async function serveJsonRpc(args: Args): Promise<void> {
  const schemaFiles: SchemaFile[] = await Promise.all(
    args.datamodels.map(async (path) => ({ path, content: await readFile(path, 'utf8') })),
  );
  const printReplies = new Map<string, () => void>();
  let printSeq = 0;
  const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

  /** The native engine hands text meant for the user's terminal to the CLI with a `print` request. */
  const print = (content: string) =>
    new Promise<void>((resolve) => {
      const id = `print-${++printSeq}`;
      printReplies.set(id, resolve);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });

  const log = (line: string) => process.stderr.write(`${line.trimEnd()}\n`);
  let opened: Promise<OpenSchemaEngine> | undefined;
  const engine = async () => {
    opened ??= openSchemaEngine({ databaseUrl: requireUrl(args), schemaFiles, log });
    return (await opened).engine;
  };

  async function handle(request: RpcRequest): Promise<unknown> {
    const { method, params = {} } = request;
    if (method === 'createDatabase') {
      const url = datasourceUrlOf(params) ?? requireUrl(args);
      await databaseCommand('create-database', url);
      return { databaseName: pgConfigFromUrl(url).database };
    }
    if (method === 'getDatabaseVersion' || method === 'version') return (await engine()).version();
    if (!ENGINE_METHODS.has(method))
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    const instance = await engine();
    const call = (instance as unknown as Record<string, (p: unknown) => Promise<unknown>>)[method];
    if (!call) throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    if (method === 'evaluateDataLoss' || method === 'createMigration')
      await warmMigrationSchemaCache(instance, params);
    const result = await call.call(instance, params);
    if (method === 'diff') {
      const diff = result as { exitCode: number; stdout: string | null };
      if (diff.stdout) await print(diff.stdout);
      return { exitCode: diff.exitCode, stdout: null };
    }
    return result ?? {};
  }

  // Requests are answered one at a time, in order, like the native engine does.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let message: RpcMessage;
    try {
      message = JSON.parse(line) as RpcMessage;
    } catch {
      send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      continue;
    }
    if (message.method === undefined && message.id !== undefined) {
      printReplies.get(String(message.id))?.();
      printReplies.delete(String(message.id));
      continue;
    }
    const request = message as RpcRequest;
    queue = queue.then(async () => {
      try {
        send({ jsonrpc: '2.0', id: request.id, result: await handle(request) });
      } catch (error) {
        send({ jsonrpc: '2.0', id: request.id, error: toRpcError(explainPanic(error)) });
      }
    });
  }
  await queue;
  if (opened) await (await opened).close();
}

/**
 * In the WASM engine, `evaluateDataLoss` and `createMigration` get no shadow-database factory:
 * they only read the schema-of-the-migrations that an earlier call cached in the instance (keyed
 * by the migrations list). On an empty database `migrate dev` applies the pending migrations
 * without computing it, so we compute it here, through a call that does get the factory.
 */
async function warmMigrationSchemaCache(engine: SchemaEngineInstance, params: Record<string, unknown>) {
  const migrationsList = params.migrationsList as MigrationList | undefined;
  if (!migrationsList || migrationsList.migrationDirectories.length === 0) return;
  const filters = (params.filters as SchemaFilter | undefined) ?? { externalTables: [], externalEnums: [] };
  await engine
    .diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters })
    .catch(() => undefined);
}

function datasourceUrlOf(params: Record<string, unknown>): string | undefined {
  const datasource = params.datasource as { tag?: string; url?: string } | undefined;
  return datasource?.tag === 'ConnectionString' ? datasource.url : undefined;
}

/** The error shape of the native engine: details in `data`, which the CLI prints. */
function toRpcError(error: unknown) {
  const e = error as {
    rpcCode?: number;
    message?: string;
    error_code?: string;
    code?: string;
    meta?: unknown;
    isPanic?: boolean;
  };
  if (e?.rpcCode) return { code: e.rpcCode, message: e.message };
  const message = e?.message ?? String(error);
  const errorCode =
    e?.error_code ?? (typeof e?.code === 'string' && /^P\d{4}$/.test(e.code) ? e.code : undefined);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: e?.isPanic === true, message, meta: e?.meta ?? null, error_code: errorCode },
  };
}
