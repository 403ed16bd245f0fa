import { randomUUID } from 'node:crypto';
import { type AppError, httpStatusForError, isAppError } from '@salla-analytics/core-library';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import type { Logger } from 'pino';
import { SpanKind } from '@opentelemetry/api';
import type { PipelineMetrics } from '../observability/metrics.js';
import { contextOf, withSpan } from '../observability/spans.js';
import type { QStashQueue } from '../queue/qstash-queue.js';
import type { JobScheduler } from '../scheduler/scheduler.js';
import { acceptDelivery, type IntakeDeps } from '../webhooks/accept-delivery.js';
import { verifySallaSignature, verifySallaToken } from '../webhooks/verify-signature.js';

export interface AppDeps extends IntakeDeps {
  logger: Logger;
  metrics: PipelineMetrics;
  webhookSecret: string;
  webhookToken?: string;
  bodyLimit: number;
  logRequests: boolean;
  /** Readiness probes: each throws when its dependency is unusable. */
  checks: Record<string, () => Promise<unknown>>;
  /** Present when QUEUE_DRIVER=qstash: serves POST /queue/qstash. */
  qstash?: QStashQueue;
  /** Present when SCHEDULER_DRIVER=qstash: serves POST /scheduler/qstash (QStash schedules' pushes). */
  scheduler?: JobScheduler;
}

type ErrorBody = { error: { code: string; message: string; reason?: string } };

const errorBody = (code: AppError['code'] | string, message: string, reason?: string): ErrorBody => ({
  error: { code, message, ...(reason ? { reason } : {}) },
});

/** The pipeline's HTTP surface: webhook intake, QStash consumer, health, readiness, metrics. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    logController: new LogController({ disableRequestLogging: !deps.logRequests }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Behind a proxy the real client is in X-Forwarded-For; we never use client IPs for decisions.
    trustProxy: false,
  });

  // Every body stays raw bytes: the signature is over the exact bytes, and we parse JSON ourselves.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      deps.metrics.rejected.inc({ reason: 'payload_too_large' });
      return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE', `The body exceeds ${deps.bodyLimit} bytes`));
    }
    if (isAppError(error)) {
      return reply.code(httpStatusForError(error.code)).send(errorBody(error.code, error.message));
    }
    if (error.statusCode === 415) {
      // A Content-Type header that is not a media type at all (empty, stray characters).
      deps.metrics.rejected.inc({ reason: 'unsupported_media_type' });
      return reply.code(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send the body with a valid Content-Type (application/json)'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      deps.metrics.rejected.inc({ reason: 'bad_request' });
      return reply.code(error.statusCode).send(errorBody('INVALID_ARGUMENT', 'The request could not be read'));
    }
    // Database or queue trouble: Salla retries on anything but 200/201.
    request.log.error({ err: { message: error.message } }, 'request failed');
    deps.metrics.rejected.inc({ reason: 'unavailable' });
    return reply.code(503).send(errorBody('UPSTREAM_UNAVAILABLE', 'Temporarily unavailable; retry later'));
  });
  // Request duration per route (the route's pattern, never the raw URL: bounded label values).
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('NOT_FOUND', 'No such route')));

  app.post('/webhooks/salla', async (request, reply) => {
    const started = performance.now();
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = header(request.headers['x-salla-signature']);
    const authenticated =
      verifySallaSignature(raw, signature, deps.webhookSecret) ||
      verifySallaToken(header(request.headers.authorization), deps.webhookToken);
    if (!authenticated) {
      deps.metrics.rejected.inc({ reason: signature === undefined ? 'missing_signature' : 'invalid_signature' });
      request.log.warn({ reason: signature === undefined ? 'missing_signature' : 'invalid_signature' }, 'webhook rejected');
      return done(reply.code(401), started, errorBody('INVALID_SIGNATURE', 'Missing or invalid X-Salla-Signature'));
    }
    // The delivery's trace starts here (or continues the sender's traceparent): the inbox entry keeps it for the consumer.
    const result = await withSpan('POST /webhooks/salla', { kind: SpanKind.SERVER, parent: traceContextOf(request.headers), attributes: WEBHOOK_SPAN }, async (span) => {
      const accepted = await acceptDelivery(deps, raw);
      span.setAttribute('salla.webhook.outcome', accepted.outcome);
      if (accepted.merchantId !== null) span.setAttribute('salla.merchant_id', accepted.merchantId);
      return accepted;
    });
    if (result.outcome === 'rejected') {
      request.log.warn({ merchantId: result.merchantId, reason: result.reason, deadLetterId: result.deadLetterId }, 'webhook rejected');
      return done(reply.code(400), started, errorBody(result.code, result.message, result.reason));
    }
    if (deps.logRequests || result.outcome === 'duplicate') {
      request.log.info({ merchantId: result.merchantId, inboxId: result.inboxId, event: result.event, outcome: result.outcome }, 'webhook accepted');
    }
    return done(reply.code(200), started, { status: result.outcome, id: result.inboxId });
  });

  if (deps.qstash) {
    const qstash = deps.qstash;
    app.post('/queue/qstash', async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = await qstash.handlePush({
        signature: header(request.headers['upstash-signature']),
        retried: request.headers['upstash-retried'],
        body: raw.toString('utf8'),
      });
      return reply.code(result.status).send(result.body);
    });
  }

  if (deps.scheduler) {
    const scheduler = deps.scheduler;
    app.post('/scheduler/qstash', async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = await scheduler.handleQStashTrigger({ signature: header(request.headers['upstash-signature']), body: raw.toString('utf8') });
      return reply.code(result.status).send(result.body);
    });
  }

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2_000);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    const ready = results.every(([, state]) => state === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('Content-Type', deps.metrics.registry.contentType);
    return deps.metrics.render();
  });

  return app;

  function done(reply: FastifyReply, started: number, body: unknown): FastifyReply {
    deps.metrics.ackDuration.observe((performance.now() - started) / 1000);
    return reply.send(body);
  }
}

const WEBHOOK_SPAN = { 'http.request.method': 'POST', 'http.route': '/webhooks/salla' };

/** An incoming W3C `traceparent` (a caller that traces), else a new trace. */
function traceContextOf(headers: Record<string, string | string[] | undefined>) {
  return contextOf(header(headers.traceparent));
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
