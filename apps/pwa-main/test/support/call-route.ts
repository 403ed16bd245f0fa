import type { HttpMethod } from '../../src/server/http/route';

type Handler = (request: Request) => Promise<Response>;

/** The module of a route path under app/ (e.g. /api/v1/customers/rfm → app/api/v1/customers/rfm/route.ts). */
export async function routeModule(path: string): Promise<Partial<Record<HttpMethod, Handler>>> {
  const load = ROUTE_MODULES[`../../app${path}/route.ts`];
  if (!load) throw new Error(`no route file for ${path}`);
  return (await load()) as Partial<Record<HttpMethod, Handler>>;
}

// Every route file, found by Vite at transform time (dynamic paths are not followed otherwise).
const ROUTE_MODULES = import.meta.glob('../../app/**/route.ts');

export interface CallOptions {
  method?: HttpMethod;
  query?: Record<string, string> | string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export const ORIGIN = 'http://127.0.0.1:3999';

/** Calls a route handler in-process with a real Request, as Next would. */
export async function callRoute(path: string, options: CallOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const handler = (await routeModule(path))[method];
  if (!handler) throw new Error(`${path} has no ${method} handler`);
  const search = typeof options.query === 'string' ? options.query : new URLSearchParams(options.query ?? {}).toString();
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', options.cookie);
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return handler(new Request(`${ORIGIN}${path}${search ? `?${search}` : ''}`, init));
}

/** `name=value` pairs of a response's Set-Cookie headers, for the next request's Cookie header. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many routes, narrowed by each assertion
export type JsonBody = { data?: any; meta?: Record<string, unknown>; error?: { code: string; message: string } };

/** A same-origin call with a session cookie, answered as status and parsed JSON body. */
export async function callAs(path: string, cookie: string, options: Omit<CallOptions, 'cookie' | 'headers'> = {}): Promise<{ status: number; body: JsonBody }> {
  const response = await callRoute(path, { cookie, headers: { origin: ORIGIN }, ...options });
  return { status: response.status, body: (await response.json()) as JsonBody };
}
