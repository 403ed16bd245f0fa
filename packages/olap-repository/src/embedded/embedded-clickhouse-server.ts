import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip, createGzip } from 'node:zlib';
import type { Session } from 'chdb';
import { AppError } from '@salla-analytics/core-library';
import { bindParams } from './bind-http-params.js';

/**
 * The embedded ClickHouse engine (chdb) can be opened by one process only. This process owns
 * it and serves the subset of ClickHouse's HTTP interface that `@clickhouse/client` uses, so
 * every other process of the product talks to it by URL exactly as it would to ClickHouse Cloud.
 */
export interface EmbeddedClickHouseOptions {
  dataPath: string;
  host?: string;
  port?: number;
  /** Largest request body accepted (inserts arrive as bodies). */
  maxBodyBytes?: number;
  onQueryError?: (error: Error, sql: string) => void;
}

export interface EmbeddedClickHouse {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Settings that only mean something to an HTTP server; the engine rejects them. */
const HTTP_ONLY_SETTINGS = new Set([
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_headers_progress_interval_ms',
  'enable_http_compression',
  'http_zlib_compression_level',
  'http_response_buffer_size',
  'http_response_compression_method',
]);
const RESERVED_PARAMS = new Set(['query', 'query_id', 'database', 'session_id', 'role', 'default_format', 'user', 'password']);

export async function startEmbeddedClickHouse(options: EmbeddedClickHouseOptions): Promise<EmbeddedClickHouse> {
  // chdb is an optional peer: deployments on ClickHouse Cloud never load (or install) the engine.
  const { Session: SessionCtor } = await import('chdb').catch(() => {
    throw new AppError('INTERNAL', 'The embedded ClickHouse engine needs the optional dependency "chdb" (pnpm add chdb)');
  });
  let session: Session;
  try {
    session = new SessionCtor(options.dataPath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // chdb reports a held lock as a failed connection (the engine prints the lock message itself).
    if (/lock|failed to create connection/i.test(message)) {
      throw new AppError(
        'CONFLICT',
        `The embedded ClickHouse data directory ${options.dataPath} is already in use by another process (is the local stack already running?)`,
      );
    }
    throw error;
  }
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const server = createServer((req, res) => {
    handle(session, req, res, maxBodyBytes, options.onQueryError).catch((error: unknown) => {
      sendError(res, 500, 1001, error instanceof Error ? error.message : String(error));
    });
  });
  await listen(server, options.port ?? 8123, options.host ?? '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      session.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('CONFLICT', `Port ${port} is already in use; set CLICKHOUSE_HTTP_PORT to another port`)
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
}

async function handle(
  session: Session,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  onQueryError: EmbeddedClickHouseOptions['onQueryError'],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/ping' || (url.pathname === '/' && req.method === 'GET' && !url.searchParams.has('query'))) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
    return;
  }
  if (url.pathname !== '/' || (req.method !== 'POST' && req.method !== 'GET')) {
    sendError(res, 404, 0, `There is no handle ${url.pathname}`);
    return;
  }
  const body = await readBody(req, maxBodyBytes);
  if (body === null) {
    sendError(res, 413, 0, `Request body exceeds ${maxBodyBytes} bytes`);
    return;
  }
  const queryParam = url.searchParams.get('query');
  // Like ClickHouse: the `query` parameter comes first and the body continues it (insert data).
  const statement = queryParam ? (body.length > 0 ? `${queryParam}\n${body}` : queryParam) : body;
  const queryId = url.searchParams.get('query_id') ?? randomUUID();
  const format = url.searchParams.get('default_format') ?? 'TabSeparated';
  const rawParams: Record<string, string> = {};
  const settings: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('param_')) rawParams[key.slice('param_'.length)] = value;
    else if (!RESERVED_PARAMS.has(key) && !HTTP_ONLY_SETTINGS.has(key) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      settings.push(`SET ${key} = '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
    }
  }
  // One engine serves every client, so each statement carries its own database and settings.
  const database = url.searchParams.get('database') ?? 'default';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) {
    sendError(res, 400, 81, `Invalid database name ${JSON.stringify(database)}`);
    return;
  }
  const sql = [`USE ${database}`, ...settings, statement].join('; ');
  try {
    const params = bindParams(statement, rawParams);
    const result =
      Object.keys(params).length > 0
        ? await session.queryBindAsync(sql, params, { format })
        : await session.queryAsync(sql, { format });
    const bytes = result.bytes();
    const summary = {
      read_rows: String(result.rowsRead),
      read_bytes: String(result.bytesRead),
      written_rows: '0',
      written_bytes: '0',
      total_rows_to_read: String(result.rowsRead),
      result_rows: '0',
      result_bytes: String(bytes.byteLength),
      elapsed_ns: String(Math.round(result.elapsed * 1e9)),
    };
    const headers: Record<string, string> = {
      'Content-Type': contentTypeFor(format),
      'X-ClickHouse-Query-Id': queryId,
      'X-ClickHouse-Format': format,
      'X-ClickHouse-Timezone': 'UTC',
      'X-ClickHouse-Summary': JSON.stringify(summary),
    };
    const gzip =
      url.searchParams.get('enable_http_compression') === '1' &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
      const zip = createGzip();
      zip.pipe(res);
      zip.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } else {
      res.writeHead(200, headers).end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    onQueryError?.(error instanceof Error ? error : new Error(message), statement.slice(0, 500));
    const code = Number(/Code: (\d+)/.exec(message)?.[1] ?? 1002);
    sendError(res, 500, code, message, queryId);
  }
}

function contentTypeFor(format: string): string {
  if (format.startsWith('JSON')) return 'application/json; charset=UTF-8';
  if (format.startsWith('CSV')) return 'text/csv; charset=UTF-8';
  return 'text/tab-separated-values; charset=UTF-8';
}

function sendError(res: ServerResponse, status: number, code: number, message: string, queryId?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = /^Code: \d+/.test(message) ? message : `Code: ${code}. DB::Exception: ${message}`;
  res
    .writeHead(status, {
      'Content-Type': 'text/plain; charset=UTF-8',
      'X-ClickHouse-Exception-Code': String(code),
      ...(queryId ? { 'X-ClickHouse-Query-Id': queryId } : {}),
    })
    .end(`${text}\n`);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const source = req.headers['content-encoding'] === 'gzip' ? req.pipe(createGunzip()) : req;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
