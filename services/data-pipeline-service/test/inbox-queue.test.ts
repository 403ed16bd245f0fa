import { type ClaimedDelivery, type Database, deliveryKeyOf, recordDeliveries } from '@salla-analytics/database-schema';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxQueue } from '../src/queue/inbox-queue.js';
import { type HandedOff, LocalHandoff } from '../src/queue/local-handoff.js';
import { IntakeBatcher } from '../src/webhooks/intake-batcher.js';
import type { DeliveryOutcome, QueueDelivery, QueueMessage } from '../src/queue/queue.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import { waitFor } from './support/harness.js';

let postgres: TestPostgres;
let db: Database;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase('queue'));
});
afterAll(async () => {
  await postgres?.stop();
});

const queueFor = (options: Partial<ConstructorParameters<typeof InboxQueue>[0]> = {}) =>
  new InboxQueue({ db, retryLimit: 2, retryDelaySeconds: 1, jobTimeoutSeconds: 1, pollIntervalMs: 20, batchSize: 50, concurrency: 2, logger, ...options });

async function enqueue(merchantId: number, texts: string[]): Promise<string[]> {
  const results = await recordDeliveries(
    db,
    texts.map((text) => ({ merchantId, deliveryKey: deliveryKeyOf(text), event: 'customer.updated', rawBody: text })),
    { queued: true },
  );
  return results.map((result) => result.id);
}

const inbox = (merchantId: number) =>
  postgres.query<{ id: string; status: string; claims: number }>('queue', 'SELECT id, status::text, claims FROM webhook_inbox WHERE merchant_id = $1 ORDER BY id', [merchantId]);

describe('InboxQueue (the inbox as the Postgres queue)', () => {
  it('hands every message to exactly one of two consumers, with its inbox entry', async () => {
    const ids = await enqueue(501, Array.from({ length: 120 }, (_, i) => `one consumer ${i}`));
    const seen: string[] = [];
    const handler = async (deliveries: QueueDelivery[]): Promise<DeliveryOutcome[]> => {
      for (const delivery of deliveries) {
        seen.push(delivery.message.inboxId);
        expect(delivery.inbox?.rawBody).toMatch(/^one consumer /);
        expect(delivery).toMatchObject({ attempt: 0, lastAttempt: false });
      }
      await postgres.query('queue', "UPDATE webhook_inbox SET status = 'processed' WHERE id = ANY($1::uuid[])", [deliveries.map((d) => d.message.inboxId)]);
      return deliveries.map(() => ({ status: 'done' as const }));
    };
    const [a, b] = [queueFor({ jobTimeoutSeconds: 60 }), queueFor({ jobTimeoutSeconds: 60 })];
    await a.consume(handler);
    await b.consume(handler);
    await waitFor(() => seen.length >= ids.length, 10_000, 20);
    await Promise.all([a.stop(), b.stop()]);
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await inbox(501)).every((row) => row.status === 'processed' && row.claims === 1)).toBe(true);
  });

  it('retries with backoff, flags the last attempt, and sends a message whose last attempt expired to onExpired', async () => {
    const [id] = await enqueue(502, ['keeps failing']);
    const attempts: Array<{ attempt: number; lastAttempt: boolean; at: number }> = [];
    const expired: QueueMessage[] = [];
    const queue = queueFor({ retryLimit: 2, retryDelaySeconds: 1, jobTimeoutSeconds: 1 });
    await queue.consumeExpired(async (messages) => {
      await postgres.query('queue', "UPDATE webhook_inbox SET status = 'failed' WHERE id = ANY($1::uuid[])", [messages.map((m) => m.inboxId)]);
      expired.push(...messages);
    });
    let wakeUp: (() => void) | null = null;
    await queue.consume(async (deliveries) => {
      for (const delivery of deliveries) attempts.push({ attempt: delivery.attempt, lastAttempt: delivery.lastAttempt, at: Date.now() });
      if (deliveries.some((delivery) => delivery.lastAttempt)) {
        // The consumer "dies" holding its last attempt: it does not answer before the lease ends.
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
        });
      }
      return deliveries.map(() => ({ status: 'retry' as const, error: 'ClickHouse unreachable' }));
    });
    await waitFor(() => expired.length > 0, 20_000, 20);
    expect(wakeUp).not.toBeNull();
    expect(attempts.map(({ attempt, lastAttempt }) => [attempt, lastAttempt])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    // Backoff: ~1 s (±25 %) after the first try, ~2 s after the second.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(700);
    expect((attempts[2]?.at ?? 0) - (attempts[1]?.at ?? 0)).toBeGreaterThanOrEqual(1_400);
    expect(expired).toEqual([expect.objectContaining({ inboxId: id, merchantId: 502, event: 'customer.updated' })]);
    const [row] = await inbox(502);
    expect(row).toMatchObject({ status: 'failed', claims: 4 });
    // The "dead" consumer answers at last: its retry must not bring the failed entry back.
    (wakeUp as (() => void) | null)?.();
    await queue.stop();
    expect(await inbox(502)).toEqual([expect.objectContaining({ status: 'failed', claims: 4 })]);
  });

  it('publishes replays as new messages (every attempt again) and leaves processed entries alone', async () => {
    const [failed, processed] = await enqueue(503, ['replay me', 'already done']);
    await postgres.query('queue', "UPDATE webhook_inbox SET status = 'failed', claims = 9 WHERE id = $1", [failed]);
    await postgres.query('queue', "UPDATE webhook_inbox SET status = 'processed', claims = 1 WHERE id = $1", [processed]);
    const queue = queueFor();
    const message = (inboxId: string | undefined): QueueMessage => ({ inboxId: inboxId as string, merchantId: 503, event: 'customer.updated', receivedAt: new Date().toISOString(), replay: 1 });
    await queue.publish([message(failed), message(processed)]);
    const rows = await inbox(503);
    expect(rows.find((row) => row.id === failed)).toMatchObject({ status: 'queued', claims: 0 });
    expect(rows.find((row) => row.id === processed)).toMatchObject({ status: 'processed', claims: 1 });
    expect(await queue.backlog()).toBeGreaterThanOrEqual(1);
  });

  it('takes entries the intake wrote claimed for it without claiming them again; handed-over entries a dead consumer held are claimed again after the lease', async () => {
    const ids = await recordLeased(504, ['handed over 0', 'handed over 1', 'handed over 2'], 1);
    // Written claimed: no other consumer may take them before the lease ends.
    expect((await inbox(504)).map((row) => row.claims)).toEqual([1, 1, 1]);
    const rows = await postgres.query<{ leased: boolean }>('queue', 'SELECT available_at > now() AS leased FROM webhook_inbox WHERE merchant_id = 504');
    expect(rows.every((row) => row.leased)).toBe(true);

    // The process that wrote them dies before its consumer got them; another consumer waits out the lease.
    const seen: Array<{ id: string; attempt: number; at: number }> = [];
    const written = Date.now();
    const other = queueFor({ jobTimeoutSeconds: 60 });
    await other.consume(async (deliveries) => {
      for (const delivery of deliveries) {
        // (Entries other tests left behind may come along.)
        if (delivery.message.merchantId === 504) seen.push({ id: delivery.message.inboxId, attempt: delivery.attempt, at: Date.now() });
      }
      await postgres.query('queue', "UPDATE webhook_inbox SET status = 'processed' WHERE id = ANY($1::uuid[])", [deliveries.map((d) => d.message.inboxId)]);
      return deliveries.map(() => ({ status: 'done' as const }));
    });
    await waitFor(() => seen.length >= ids.length, 10_000, 20);
    await other.stop();
    expect(seen.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    // The second claim of each: attempt 1, and not before the lease (1 s) ended.
    expect(seen.every((entry) => entry.attempt === 1 && entry.at - written >= 900)).toBe(true);
    expect((await inbox(504)).map((row) => row.claims)).toEqual([2, 2, 2]);

    // Handed over to a live consumer: processed as attempt 0, no claim statement (claims stay 1).
    const liveIds = await recordLeased(505, ['live 0', 'live 1'], 60);
    const live = queueFor({ jobTimeoutSeconds: 60 });
    const settled: number[] = [];
    live.onLocalSettled((count) => settled.push(count));
    const got: QueueDelivery[] = [];
    await live.consume(async (deliveries) => {
      got.push(...deliveries.filter((delivery) => delivery.message.merchantId === 505));
      await postgres.query('queue', "UPDATE webhook_inbox SET status = 'processed' WHERE id = ANY($1::uuid[])", [deliveries.map((d) => d.message.inboxId)]);
      return deliveries.map(() => ({ status: 'done' as const }));
    });
    live.deliverClaimed(await claimedEntries(505));
    await waitFor(() => settled.reduce((a, b) => a + b, 0) >= liveIds.length, 10_000, 20);
    await live.stop();
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(got.map((delivery) => ({ id: delivery.message.inboxId, attempt: delivery.attempt, body: delivery.inbox?.rawBody })).sort(byId)).toEqual(
      liveIds.map((id, index) => ({ id, attempt: 0, body: `live ${index}` })).sort(byId),
    );
    expect(await inbox(505)).toEqual([...liveIds].sort().map((id) => ({ id, status: 'processed', claims: 1 })));
  });

  it('makes handed-over entries it never started available again when it stops', async () => {
    const ids = await recordLeased(506, ['left 0', 'left 1'], 600);
    const queue = queueFor({ jobTimeoutSeconds: 600 });
    // Never started: the queue is stopped before it consumes.
    queue.deliverClaimed(await claimedEntries(506));
    await queue.stop();
    const rows = await postgres.query<{ id: string; available: boolean }>('queue', 'SELECT id::text, available_at <= now() AS available FROM webhook_inbox WHERE merchant_id = 506 ORDER BY id');
    expect(rows).toEqual([...ids].sort().map((id) => ({ id, available: true })));
  });
});

describe('IntakeBatcher with a LocalHandoff', () => {
  it('writes a group claimed and hands it over while the consumer has room, otherwise leaves it to the claim loops', async () => {
    const queue = queueFor({ jobTimeoutSeconds: 60 });
    const handed: HandedOff[] = [];
    const handoff = new LocalHandoff({ leaseSeconds: 60, limit: 2, send: (entries) => handed.push(...entries) });
    const intake = new IntakeBatcher({ db, queue }, { maxBatch: 3, maxDelayMs: 50 });
    intake.useHandoff(handoff);
    const submit = (texts: string[]) =>
      Promise.all(texts.map((text) => intake.submit({ merchantId: 507, event: 'review.added', deliveryKey: deliveryKeyOf(text), rawBody: text, receivedAt: new Date() })));

    // Three at once, room for two: all three are written for the claim loops.
    const first = await submit(['group a 0', 'group a 1', 'group a 2']);
    expect(handed).toEqual([]);
    // Two: handed over, written claimed; the same body again is a duplicate and not handed over twice.
    const second = await submit(['group b 0', 'group b 1']);
    const again = await submit(['group b 0']);
    expect(again.map((outcome) => outcome.outcome)).toEqual(['duplicate']);
    expect(handed.map((entry) => [entry.id, entry.claims, entry.rawBody, entry.merchantId])).toEqual(
      second.map((outcome, index) => [outcome.inboxId, 1, `group b ${index}`, 507n]),
    );
    expect(handoff.room()).toBe(0);
    const rows = await postgres.query<{ id: string; claims: number; leased: boolean }>(
      'queue',
      'SELECT id::text, claims, available_at > now() AS leased FROM webhook_inbox WHERE merchant_id = 507 ORDER BY id',
    );
    const expected = [...first.map((outcome) => ({ id: outcome.inboxId, claims: 0, leased: false })), ...second.map((outcome) => ({ id: outcome.inboxId, claims: 1, leased: true }))];
    expect(rows).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
    // Settled by the consumer: room again.
    handoff.settled(2);
    expect(handoff.room()).toBe(2);
  });
});

async function recordLeased(merchantId: number, texts: string[], leaseSeconds: number): Promise<string[]> {
  const results = await recordDeliveries(
    db,
    texts.map((text) => ({ merchantId, deliveryKey: deliveryKeyOf(text), event: 'customer.updated', rawBody: text })),
    { queued: true, leaseSeconds },
  );
  return results.map((result) => result.id);
}

/** The entries as the intake hands them over (what recordDeliveries wrote). */
async function claimedEntries(merchantId: number): Promise<ClaimedDelivery[]> {
  const rows = await postgres.query<ClaimedDelivery & { merchantId: string }>(
    'queue',
    `SELECT id::text, merchant_id::text AS "merchantId", delivery_key AS "deliveryKey", event, raw_body AS "rawBody", status::text, attempts, error,
       received_at AS "receivedAt", processed_at AS "processedAt", available_at AS "availableAt", claims, trace_context AS "traceContext"
     FROM webhook_inbox WHERE merchant_id = $1 ORDER BY id`,
    [merchantId],
  );
  return rows.map((row) => ({ ...row, merchantId: BigInt(row.merchantId) }));
}
