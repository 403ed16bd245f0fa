import { createServer, type Server } from 'node:http';
import type { BffMetrics } from './metrics';

/**
 * Serves GET /metrics on a port of its own (PWA_METRICS_PORT), bound to loopback unless
 * PWA_METRICS_HOST says otherwise: the app's public port never exposes metrics, and no session or
 * token is involved. Prometheus scrapes it from the same host (or a sidecar) — see infra/README.md.
 */
export function startMetricsServer(metrics: BffMetrics, options: { port: number; host: string; onError: (error: Error) => void }): Server {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here' } }));
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) => {
        options.onError(error);
        response.writeHead(500).end();
      },
    );
  });
  server.on('error', options.onError);
  server.listen(options.port, options.host);
  server.unref();
  return server;
}
