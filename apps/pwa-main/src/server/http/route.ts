import { randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';
import { AppError, type ErrorCode } from '@salla-analytics/core-library';
import type { ActiveSession, Database, MembershipRole } from '@salla-analytics/database-schema';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { getEnv } from '../../env';
import { hashSessionToken, readSession, sessionTokenOf } from '../auth/session';
import { getContext, type ServerContext } from '../context';
import { getLogger } from '../logger';
import { bffMetrics } from '../observability/metrics';
import { inRouteSpan } from '../observability/route-span';
import { crossSiteReason } from '../security/csrf';
import { clientIp, consumeRateLimit } from '../security/rate-limit';
import { errorResponse, toErrorBody } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a route declares: the catalog entry that also feeds the OpenAPI document and the route tests. */
export interface RouteSpec<Query extends z.ZodType = z.ZodType, Body extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** true: a session with an active store is required (401/403 otherwise). */
  auth: boolean;
  query?: Query;
  body?: Body;
  /** Roles allowed (default: every member of the store). */
  roles?: readonly MembershipRole[];
  /** Response `data` schema for the OpenAPI document (documentation only). */
  response?: Record<string, unknown>;
}

export interface MerchantContext {
  id: number;
  role: MembershipRole;
}

export interface HandlerInput<Query, Body, Auth extends boolean> {
  request: Request;
  query: Query;
  body: Body;
  session: Auth extends true ? ActiveSession : ActiveSession | null;
  merchant: Auth extends true ? MerchantContext : MerchantContext | null;
  /** The raw session token (for logout); never log it. */
  sessionToken: string | undefined;
  requestId: string;
  log: Logger;
  context: ServerContext;
}

/** A handler returns data (sent as `{ data, meta }`) or a ready Response (redirects, cookies). */
export type HandlerOutput = Response | { data: unknown; meta?: Record<string, unknown>; headers?: HeadersInit };

/**
 * The one wrapper every BFF route goes through: request id, rate limit (per IP and session), CSRF
 * check for mutations, session → merchant (never from the request), role check, zod-validated
 * query and body, one error shape `{ error: { code, message } }` with its HTTP status, and a log
 * line per request without secrets or PII.
 */
export function route<Query extends z.ZodType, Body extends z.ZodType, Auth extends boolean>(
  spec: RouteSpec<Query, Body> & { auth: Auth },
  handler: (input: HandlerInput<z.output<Query>, z.output<Body>, Auth>) => Promise<HandlerOutput>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const base = getLogger().child({ requestId, route: spec.path, method: spec.method });
    let log = base;
    let merchantId: number | undefined;
    let response: Response;
    try {
      response = await inRouteSpan(spec.method, spec.path, (span) => run(span));
    } catch (error) {
      const mapped = toErrorBody(error);
      if (mapped.internal) log.error({ err: error }, 'request failed');
      response = Response.json(mapped.body, { status: mapped.status });
    }
    response.headers.set('x-request-id', requestId);
    // JSON never needs to load anything; HSTS in production (pages get both from proxy.ts).
    if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    if (getEnv().production) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains; preload');
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-cache');
    const seconds = (performance.now() - started) / 1000;
    bffMetrics().httpDuration.observe({ route: spec.path, method: spec.method, status: String(response.status) }, seconds);
    log.info({ status: response.status, ms: Math.round(seconds * 1000), merchantId }, 'request');
    return response;

    async function run(span: Span): Promise<Response> {
      const token = sessionTokenOf(request);
      const verdict = await consumeRateLimit(clientIp(request), token ? hashSessionToken(token) : undefined);
      if (!verdict.allowed) {
        return errorResponse('RATE_LIMITED', 'Too many requests; slow down', { 'retry-after': String(verdict.retryAfterSeconds) });
      }
      if (spec.method !== 'GET') {
        const reason = crossSiteReason(request);
        if (reason) return errorResponse('FORBIDDEN', `Refused: ${reason}`);
      }
      const context = getContext();
      const session = spec.auth || token ? await lookupSession(context.db, token) : null;
      if (spec.auth && !session) return errorResponse('UNAUTHENTICATED', 'Sign in first');
      const merchant = session?.merchant ? { id: Number(session.merchant.id), role: session.merchant.role } : null;
      if (spec.auth && !merchant) return errorResponse('FORBIDDEN', 'No store is selected for this session');
      if (merchant) {
        merchantId = merchant.id;
        span.setAttribute('salla.merchant_id', merchant.id);
        log = base.child({ merchantId });
      }
      if (spec.roles && merchant && !spec.roles.includes(merchant.role)) {
        return errorResponse('FORBIDDEN', `This needs the ${spec.roles.join(' or ')} role`);
      }
      const query = spec.query ? spec.query.parse(queryObject(new URL(request.url))) : {};
      const body = spec.body ? spec.body.parse(await jsonBody(request)) : undefined;
      const output = await handler({
        request,
        query,
        body,
        session,
        merchant,
        sessionToken: token,
        requestId,
        log,
        context,
      } as HandlerInput<z.output<Query>, z.output<Body>, Auth>);
      if (output instanceof Response) return output;
      return Response.json({ data: output.data, meta: { requestId, ...output.meta } }, { headers: output.headers });
    }
  };
}

async function lookupSession(db: Database, token: string | undefined): Promise<ActiveSession | null> {
  return readSession(db, token);
}

/** Query string → object; a parameter given twice is ambiguous and refused. */
function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) throw new AppError('INVALID_ARGUMENT', `Parameter "${key}" is given more than once`);
    query[key] = value;
  }
  return query;
}

async function jsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body (Content-Type: application/json)');
  }
  const text = await request.text();
  if (text.length > 16_384) throw new AppError('PAYLOAD_TOO_LARGE', 'The body is too large');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The body is not valid JSON');
  }
}

function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

export type { ErrorCode };
