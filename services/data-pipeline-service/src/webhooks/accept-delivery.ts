import { type ErrorCode, parseSallaWebhook, parseSallaWebhookEnvelope } from '@salla-analytics/core-library';
import { type Database, deliveryKeyOf, recordDeadLetter } from '@salla-analytics/database-schema';
import type { PipelineMetrics } from '../observability/metrics.js';
import { currentTraceparent } from '../observability/spans.js';
import type { Queue } from '../queue/queue.js';
import { IntakeBatcher } from './intake-batcher.js';

export interface IntakeDeps {
  db: Database;
  queue: Queue;
  metrics?: PipelineMetrics;
  /** Groups concurrent deliveries into shared inbox/queue writes; without it each is written alone. */
  intake?: IntakeBatcher;
}

export type AcceptResult =
  | { outcome: 'accepted' | 'duplicate'; inboxId: string; merchantId: number; event: string }
  | {
      outcome: 'rejected';
      code: ErrorCode;
      /** lower_snake_case, also the dead letter's reason. */
      /** `invalid_payload` only for replays (a delivery's payload is checked by the consumer). */
      reason: 'invalid_encoding' | 'invalid_json' | 'invalid_envelope' | 'invalid_payload';
      message: string;
      merchantId: number | null;
      deadLetterId: string | null;
    };

// One decoder for every request (creating one costs more than decoding a webhook); without
// `stream` a fatal decoder keeps no state between calls.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface AcceptOptions {
  /** Replays of dead letters: re-enqueue even a known delivery that was not processed, and keep no new dead letter. */
  replay?: { count: number };
}

/**
 * Everything after authentication, for a Salla delivery or a dead-letter replay alike:
 * validate (UTF-8, JSON, envelope and payload schemas), write the inbox entry (unique per merchant
 * and body hash), enqueue. Invalid input is kept as a dead letter with its reason and exact bytes.
 * Database or queue trouble throws (the HTTP edge answers 503 and Salla retries).
 */
export async function acceptDelivery(deps: IntakeDeps, rawBody: Uint8Array, options: AcceptOptions = {}): Promise<AcceptResult> {
  const rejected = async (reason: Extract<AcceptResult, { outcome: 'rejected' }>['reason'], message: string, json?: unknown) => {
    const envelope = (json ?? {}) as { merchant?: unknown; event?: unknown };
    const merchant = Number(envelope.merchant);
    const merchantId = Number.isSafeInteger(merchant) && merchant > 0 ? merchant : null;
    const event = typeof envelope.event === 'string' && envelope.event.length <= 100 ? envelope.event : null;
    let deadLetterId: string | null = null;
    if (options.replay === undefined) {
      const dead = await recordDeadLetter(deps.db, { source: 'webhook', merchantId, event, reason, message, payload: rawBody });
      deadLetterId = dead.id;
      deps.metrics?.deadLettered.inc({ reason });
    }
    deps.metrics?.rejected.inc({ reason });
    return { outcome: 'rejected' as const, code: 'VALIDATION_FAILED' as const, reason, message, merchantId, deadLetterId };
  };

  let text: string;
  try {
    text = UTF8.decode(rawBody);
  } catch {
    return rejected('invalid_encoding', 'The body is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rejected('invalid_json', 'The body is not valid JSON');
  }
  // The envelope only: the event's payload is parsed by the consumer, off this thread. A payload
  // our schemas refuse is kept (200) and dead-lettered there with its reason — refusing it here
  // would only make Salla send the same bytes again, and could get the webhook disabled.
  const envelope = parseSallaWebhookEnvelope(json);
  if (!envelope.ok) {
    return rejected('invalid_envelope', detailed(envelope.error), json);
  }
  if (options.replay !== undefined) {
    // An operator replaying a dead letter: a payload that is still refused stays where it is
    // (no new inbox attempt, no second dead letter). Replays are rare; the full parse is affordable.
    const full = parseSallaWebhook(json);
    if (!full.ok) return rejected('invalid_payload', detailed(full.error), json);
  }
  const { merchant: merchantId, event } = envelope.value;
  deps.metrics?.received.inc({ event: event.length < 40 && /^[a-z.]+$/.test(event) ? event : 'other' });
  const intake = deps.intake ?? new IntakeBatcher(deps, { maxBatch: 1 });
  const result = await intake.submit({
    merchantId,
    event,
    deliveryKey: deliveryKeyOf(rawBody),
    rawBody: text,
    receivedAt: new Date(),
    traceContext: currentTraceparent(),
    ...(options.replay === undefined ? {} : { replay: options.replay.count }),
  });
  return { ...result, merchantId, event };
}

/** The error's message with its first issues (paths and messages; never values). */
function detailed(error: { message: string; context?: Record<string, unknown> }): string {
  const issues = (error.context?.issues as Array<{ path: string; message: string }> | undefined) ?? [];
  const detail = issues.slice(0, 5).map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ');
  return detail ? `${error.message} (${detail})` : error.message;
}
