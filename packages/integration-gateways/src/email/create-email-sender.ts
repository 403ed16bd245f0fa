import type { Registry } from 'prom-client';
import type { CacheStore } from '../cache/cache-store.js';
import { createLruCacheStore } from '../cache/lru-cache-store.js';
import type { EmailEnv } from '../env.js';
import { createCacheEmailLedger } from './email-idempotency.js';
import type { EmailSender } from './email-sender.js';
import { createOutboxSender, type OutboxStore } from './outbox-sender.js';
import { createPostmarkSender } from './postmark-sender.js';

/**
 * Postmark when `POSTMARK_TOKEN` is set, else the outbox (the embedded default). The idempotency
 * ledger lives in `cache` (pass the app's Redis/Upstash store so it holds across processes).
 */
export function createEmailSender(env: EmailEnv, deps: { outbox: OutboxStore; cache?: CacheStore; registry?: Registry }): EmailSender {
  if (env.POSTMARK_TOKEN) {
    return createPostmarkSender({
      serverToken: env.POSTMARK_TOKEN,
      apiUrl: env.POSTMARK_API_URL,
      from: env.EMAIL_FROM,
      messageStream: env.POSTMARK_MESSAGE_STREAM,
      serverTemplates: env.POSTMARK_SERVER_TEMPLATES,
      timeoutMs: env.POSTMARK_TIMEOUT_MS,
      ledger: createCacheEmailLedger(deps.cache ?? createLruCacheStore()),
      ...(deps.registry ? { registry: deps.registry } : {}),
    });
  }
  return createOutboxSender({ dir: env.EMAIL_OUTBOX_DIR, from: env.EMAIL_FROM, store: deps.outbox });
}
