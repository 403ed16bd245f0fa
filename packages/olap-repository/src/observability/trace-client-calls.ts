import type { ClickHouseClient } from '@clickhouse/client';
import { type Attributes, context, propagation, SpanKind } from '@opentelemetry/api';
import { inSpan } from './tracing.js';

type Call = (params: { table?: unknown; http_headers?: Record<string, string> }) => Promise<unknown>;

const METHODS = ['query', 'insert', 'command', 'exec'] as const;

/**
 * Wraps the client's HTTP calls in CLIENT spans (`clickhouse query`, `clickhouse insert`, …) that
 * carry the server, database and table, never the SQL or its parameters, and sends the span's
 * `traceparent` to ClickHouse (which can log its own spans under it). With tracing off the span
 * is not recording and the request goes out unchanged.
 */
export function traceClientCalls(client: ClickHouseClient, target: { url: string; database?: string }): ClickHouseClient {
  const url = new URL(target.url);
  const base: Attributes = {
    'db.system.name': 'clickhouse',
    'server.address': url.hostname,
    'server.port': Number(url.port || (url.protocol === 'https:' ? 8443 : 8123)),
    ...(target.database ? { 'db.namespace': target.database } : {}),
  };
  const calls = client as unknown as Record<(typeof METHODS)[number], Call>;
  for (const method of METHODS) {
    const original = calls[method].bind(client) as Call;
    calls[method] = (params) => {
      const attributes: Attributes = { ...base, 'db.operation.name': method };
      if (typeof params.table === 'string') attributes['db.collection.name'] = params.table;
      return inSpan(`clickhouse ${method}`, { kind: SpanKind.CLIENT, attributes }, (span) => {
        if (!span.isRecording()) return original(params);
        const headers: Record<string, string> = {};
        propagation.inject(context.active(), headers);
        return original({ ...params, http_headers: { ...params.http_headers, ...headers } });
      });
    };
  }
  return client;
}
