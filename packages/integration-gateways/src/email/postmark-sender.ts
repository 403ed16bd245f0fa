import { AppError, isAppError } from '@salla-analytics/core-library';
import { ServerClient } from 'postmark';
import type { Registry } from 'prom-client';
import { createCircuitBreaker } from '../resilience/circuit-breaker.js';
import type { EmailIdempotencyLedger } from './email-idempotency.js';
import type { EmailSender, TemplatedEmail } from './email-sender.js';
import { postmarkTemplateAlias, renderEmail } from './templates.js';

export interface PostmarkSenderOptions {
  serverToken: string;
  /** https://api.postmarkapp.com, or a local stand-in. */
  apiUrl?: string;
  from: string;
  messageStream?: string;
  /** Use Postmark-hosted templates (`/email/withTemplate`, alias `<template>-<locale>`) instead of rendering here (`/email`). */
  serverTemplates?: boolean;
  timeoutMs?: number;
  ledger: EmailIdempotencyLedger;
  breaker?: { errorThresholdPercentage?: number; volumeThreshold?: number; resetTimeoutMs?: number };
  registry?: Registry;
}

type PostmarkPayload =
  | { kind: 'email'; body: Parameters<ServerClient['sendEmail']>[0] }
  | { kind: 'template'; body: Parameters<ServerClient['sendEmailWithTemplate']>[0] };

/**
 * Transactional email through Postmark's official SDK, behind a circuit breaker (`postmark.send`)
 * and an idempotency ledger (one send per key).
 */
export function createPostmarkSender(options: PostmarkSenderOptions): EmailSender {
  const api = new URL(options.apiUrl ?? 'https://api.postmarkapp.com');
  const client = new ServerClient(options.serverToken, {
    useHttps: api.protocol === 'https:',
    requestHost: api.host,
    timeout: Math.ceil((options.timeoutMs ?? 10_000) / 1000),
  });
  const breaker = createCircuitBreaker(
    async (payload: PostmarkPayload) => {
      try {
        return payload.kind === 'email' ? await client.sendEmail(payload.body) : await client.sendEmailWithTemplate(payload.body);
      } catch (error) {
        throw toPostmarkError(error);
      }
    },
    {
      name: 'postmark.send',
      ...options.breaker,
      isCallerError: (error) => isAppError(error) && error.code === 'INVALID_ARGUMENT',
      ...(options.registry ? { registry: options.registry } : {}),
    },
  );

  return {
    kind: 'postmark',
    async send(email: TemplatedEmail) {
      const claim = await options.ledger.claim(email.idempotencyKey);
      if (!claim.claimed) return { status: 'duplicate', messageId: claim.messageId };
      const common = {
        From: options.from,
        To: email.to,
        Tag: email.tag ?? email.template,
        MessageStream: options.messageStream ?? 'outbound',
        Metadata: { idempotency_key: email.idempotencyKey, ...(email.merchantId === undefined ? {} : { merchant_id: String(email.merchantId) }) },
      };
      let payload: PostmarkPayload;
      if (options.serverTemplates && email.rendered === undefined) {
        payload = { kind: 'template', body: { ...common, TemplateAlias: postmarkTemplateAlias(email.template, email.locale), TemplateModel: email.model } };
      } else {
        const rendered = email.rendered ?? renderEmail(email.template, email.locale, email.model);
        payload = { kind: 'email', body: { ...common, Subject: rendered.subject, HtmlBody: rendered.html, TextBody: rendered.text } };
      }
      try {
        const response = await breaker.fire(payload);
        await options.ledger.complete(email.idempotencyKey, response.MessageID);
        return { status: 'sent', messageId: response.MessageID };
      } catch (error) {
        await options.ledger.release(email.idempotencyKey).catch(() => undefined);
        throw error;
      }
    },
    async close() {
      breaker.shutdown();
    },
  };
}

function toPostmarkError(error: unknown): AppError {
  const status = typeof (error as { statusCode?: unknown })?.statusCode === 'number' ? (error as { statusCode: number }).statusCode : 0;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401) return new AppError('UNAUTHENTICATED', 'Postmark refused the server token', { cause: error, retryable: false });
  if (status === 422) return new AppError('INVALID_ARGUMENT', `Postmark rejected the email: ${message}`, { cause: error });
  if (status === 429) return new AppError('RATE_LIMITED', 'Postmark rate-limited the send', { cause: error });
  if (status === 0 && /timeout|abort/i.test(message)) return new AppError('TIMEOUT', 'Postmark timed out', { cause: error });
  return new AppError('UPSTREAM_UNAVAILABLE', `Postmark send failed${status ? ` (${status})` : ''}: ${message}`, { cause: error });
}
