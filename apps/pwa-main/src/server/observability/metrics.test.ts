import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { bffMetrics } from './metrics';
import { startMetricsServer } from './metrics-server';

const errors: Error[] = [];
const server = startMetricsServer(bffMetrics(), { port: 0, host: '127.0.0.1', onError: (error) => errors.push(error) });
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function url(path: string): Promise<string> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

describe('BFF metrics', () => {
  it('serves the registry on its own loopback port, GET /metrics only', async () => {
    bffMetrics().httpDuration.observe({ route: '/api/v1/overview', method: 'GET', status: '200' }, 0.042);
    bffMetrics().cacheRequests.inc({ query: 'overview', result: 'hit' });
    const response = await fetch(await url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/http_server_request_duration_seconds_bucket\{le="0\.05",service="pwa-main",route="\/api\/v1\/overview",method="GET",status="200"\} 1/);
    expect(text).toMatch(/bff_cache_requests_total\{query="overview",result="hit",service="pwa-main"\} 1/);
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds\{service="pwa-main"\} [\d.e-]+/);
    expect((await fetch(await url('/'))).status).toBe(404);
    expect((await fetch(await url('/metrics'), { method: 'POST' })).status).toBe(404);
    expect(errors).toEqual([]);
  });

  it('gives other features the same metric for the same name (safe to call at module load)', async () => {
    const first = bffMetrics().counter('email_sends_total', 'E-mails sent by outcome', ['outcome']);
    const second = bffMetrics().counter('email_sends_total', 'E-mails sent by outcome', ['outcome']);
    expect(second).toBe(first);
    first.inc({ outcome: 'sent' });
    expect(await (await fetch(await url('/metrics'))).text()).toMatch(/email_sends_total\{outcome="sent",service="pwa-main"\} 1/);
    // One registry per process, whichever bundle asks (Next bundles instrumentation and routes apart).
    expect(bffMetrics()).toBe((globalThis as { __sallaBffMetrics?: unknown }).__sallaBffMetrics);
  });
});
