import { booleanFromString, parseEnv, urlSchema } from '@salla-analytics/core-library';
import { z } from 'zod';

/**
 * The PWA's configuration: the only module of this app that reads process.env. Every variable is
 * optional on the local stack (embedded defaults). Only zod and core-library here: proxy.ts
 * imports this module, and it must stay small.
 */
export const pwaEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * `local` (the local stack, tests) or `production`. Default: production under `next start`,
     * local under `next dev`. Production means HSTS, Secure cookies and never the demo login.
     */
    DEPLOYMENT_ENV: z.enum(['local', 'production']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The app's public origin (https://app.example.com); used for the CSRF Origin check and OAuth. Default: the request's own origin. */
    APP_ORIGIN: urlSchema.optional(),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    /** Key of the HMAC that signs export download links (default: derived from DATABASE_URL, the same on every instance). */
    EXPORT_LINK_SECRET: z.string().min(32).optional(),
    /** Exports up to this many rows are written at once; larger ones run as background jobs in the pipeline. */
    EXPORT_DIRECT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(2_000),
    /** Secure cookies (HTTPS only). Default: on in production. */
    COOKIE_SECURE: booleanFromString.optional(),
    /** Salla OAuth (authorization-code flow). All three enable "Log in with Salla" and disable the demo login. */
    SALLA_CLIENT_ID: z.string().optional(),
    SALLA_CLIENT_SECRET: z.string().optional(),
    SALLA_REDIRECT_URI: urlSchema.optional(),
    /** Base of Salla's OAuth endpoints (/oauth2/auth, /oauth2/token, /oauth2/user/info). */
    SALLA_ACCOUNTS_URL: urlSchema.default('https://accounts.salla.sa'),
    /** The demo store the one-click demo login opens (local stack only). */
    DEMO_MERCHANT_ID: z.coerce.number().int().positive().default(900_001),
    /** Set to false to hide the demo login even without Salla credentials. */
    DEMO_LOGIN: booleanFromString.default(true),
    /** Cache backends: Redis wins, then Upstash, else the in-process LRU. */
    REDIS_URL: z.string().optional(),
    UPSTASH_REDIS_REST_URL: urlSchema.optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
    CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** Listen for the pipeline's per-merchant invalidation signal (PostgreSQL LISTEN). */
    CACHE_INVALIDATION_LISTEN: booleanFromString.default(true),
    /** Requests per minute to /api/v1 per session and per client IP; over it → 429. */
    RATE_LIMIT_SESSION_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1_200),
    /** PostgreSQL (application state); default: the local stack's embedded server. */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
      .default('postgresql://postgres:postgres@127.0.0.1:54329/salla_analytics'),
    /** ClickHouse HTTP endpoint (same variables as olap-repository's env). */
    CLICKHOUSE_URL: z.url().default('http://127.0.0.1:8123'),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('salla_analytics'),
    /** Prometheus metrics on a port of their own (GET /metrics), loopback by default; unset = not served. */
    PWA_METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    PWA_METRICS_HOST: z.string().default('127.0.0.1'),
    /** OpenTelemetry traces (OTLP/HTTP protobuf): on when an endpoint is set; the exporter reads the other OTEL_* itself. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).optional(),
    OTEL_SDK_DISABLED: booleanFromString.default(false),
  });

export type PwaEnv = z.infer<typeof pwaEnvSchema> & {
  /** Derived: Salla OAuth is configured. */
  sallaOAuth: boolean;
  /** Derived: the one-click demo login is offered (never with Salla credentials or in production). */
  demoLogin: boolean;
  /** Derived: a production deployment (HSTS, Secure cookies, no demo login). */
  production: boolean;
  cookieSecure: boolean;
};

/**
 * The assistant's own variables (OPENAI_*, ASSISTANT_*), passed as they are to
 * ai-assistant-service-lib, which validates them with integration-gateways' schema.
 */
export function assistantEnvSource(source: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => key.startsWith('OPENAI_') || key.startsWith('ASSISTANT_')));
}

let cached: PwaEnv | undefined;

/** Parsed once, lazily (so `next build` does not need a runtime configuration). */
export function getEnv(source: Record<string, string | undefined> = process.env): PwaEnv {
  if (cached && source === process.env) return cached;
  const env = parseEnv(pwaEnvSchema, source);
  const sallaOAuth = Boolean(env.SALLA_CLIENT_ID && env.SALLA_CLIENT_SECRET && env.SALLA_REDIRECT_URI);
  const production = (env.DEPLOYMENT_ENV ?? (env.NODE_ENV === 'production' ? 'production' : 'local')) === 'production';
  const result: PwaEnv = {
    ...env,
    sallaOAuth,
    demoLogin: env.DEMO_LOGIN && !sallaOAuth && !production,
    production,
    cookieSecure: env.COOKIE_SECURE ?? production,
  };
  if (source === process.env) cached = result;
  return result;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
