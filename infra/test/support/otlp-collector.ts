import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as an OTLP collector receives it (the fields the tests look at). */
export interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

/**
 * A collector stand-in: POST /v1/traces with an OTLP/HTTP protobuf (or JSON) ExportTraceServiceRequest,
 * decoded with a minimal protobuf wire reader (only the fields above). Answers 200 with an empty
 * ExportTraceServiceResponse, as a collector does.
 */
export async function startOtlpCollector(): Promise<{ url: string; spans: CollectedSpan[]; requests: () => number; close(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests += 1;
      const body = Buffer.concat(chunks);
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      const json = (request.headers['content-type'] ?? '').includes('json');
      spans.push(...(json ? spansFromJson(JSON.parse(body.toString('utf8'))) : spansFromProtobuf(body)));
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Field = { number: number; wire: number; value: bigint | Buffer };

/** The fields of one protobuf message, in order (varint, fixed64, length-delimited, fixed32). */
function fields(buffer: Buffer): Field[] {
  const out: Field[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[offset++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < buffer.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ number, wire, value: varint() });
    else if (wire === 1) {
      out.push({ number, wire, value: buffer.subarray(offset, offset + 8) });
      offset += 8;
    } else if (wire === 2) {
      const length = Number(varint());
      out.push({ number, wire, value: buffer.subarray(offset, offset + length) });
      offset += length;
    } else if (wire === 5) {
      out.push({ number, wire, value: buffer.subarray(offset, offset + 4) });
      offset += 4;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

const bytes = (list: Field[], number: number) => list.filter((field) => field.number === number).map((field) => field.value as Buffer);

// opentelemetry/proto/common/v1: KeyValue { key = 1; AnyValue value = 2 }, AnyValue { string 1, bool 2, int 3, double 4 }.
function attributesOf(list: Buffer[]): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const entry of list) {
    const keyValue = fields(entry);
    const key = bytes(keyValue, 1)[0]?.toString('utf8') ?? '';
    const [value] = fields(bytes(keyValue, 2)[0] ?? Buffer.alloc(0));
    if (value === undefined) continue;
    if (value.number === 1) attributes[key] = (value.value as Buffer).toString('utf8');
    else if (value.number === 2) attributes[key] = value.value === 1n;
    else if (value.number === 3) attributes[key] = Number(BigInt.asIntN(64, value.value as bigint));
    else if (value.number === 4) attributes[key] = (value.value as Buffer).readDoubleLE(0);
  }
  return attributes;
}

// opentelemetry/proto/collector/trace/v1: ExportTraceServiceRequest { ResourceSpans resource_spans = 1 };
// ResourceSpans { Resource resource = 1; ScopeSpans scope_spans = 2 }; ScopeSpans { spans = 2 };
// Span { trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9 }.
function spansFromProtobuf(body: Buffer): CollectedSpan[] {
  const spans: CollectedSpan[] = [];
  for (const resourceSpans of bytes(fields(body), 1)) {
    const parts = fields(resourceSpans);
    const resource = attributesOf(bytes(fields(bytes(parts, 1)[0] ?? Buffer.alloc(0)), 1));
    for (const scopeSpans of bytes(parts, 2)) {
      for (const span of bytes(fields(scopeSpans), 2)) {
        const f = fields(span);
        spans.push({
          service: String(resource['service.name'] ?? ''),
          traceId: bytes(f, 1)[0]?.toString('hex') ?? '',
          spanId: bytes(f, 2)[0]?.toString('hex') ?? '',
          parentSpanId: bytes(f, 4)[0]?.toString('hex') ?? '',
          name: bytes(f, 5)[0]?.toString('utf8') ?? '',
          kind: Number(f.find((field) => field.number === 6)?.value ?? 0n),
          attributes: attributesOf(bytes(f, 9)),
        });
      }
    }
  }
  return spans;
}

type JsonValue = { stringValue?: string; boolValue?: boolean; intValue?: string | number; doubleValue?: number };
type JsonAttributes = Array<{ key: string; value: JsonValue }>;

function jsonAttributes(list: JsonAttributes = []): Record<string, string | number | boolean> {
  return Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.boolValue ?? Number(value.intValue ?? value.doubleValue)]));
}

function spansFromJson(body: {
  resourceSpans?: Array<{
    resource?: { attributes?: JsonAttributes };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind?: number; attributes?: JsonAttributes }> }>;
  }>;
}): CollectedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(jsonAttributes(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        kind: span.kind ?? 0,
        attributes: jsonAttributes(span.attributes),
      })),
    );
  });
}
