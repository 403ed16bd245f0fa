import { type Database, deliveryKeyOf, recordDeliveries } from '@salla-analytics/database-schema';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxQueue } from '../src/queue/inbox-queue.js';
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
});
