import type { DatabaseClient } from '../client.js';
import type { InboxStatus } from '../generated/prisma/client.js';
import { type RecordDeliveryInput, RecordDeliveryInputSchema, type RecordDeliveryResult } from './record-delivery.js';

/**
 * recordDelivery for many deliveries in two statements (an intake that groups concurrent requests):
 * results in input order. A repeat — of an earlier delivery, or of one earlier in the same call —
 * is `duplicate: true` with the first copy's id and status.
 */
export async function recordDeliveries(db: DatabaseClient, inputs: RecordDeliveryInput[]): Promise<RecordDeliveryResult[]> {
  if (inputs.length === 0) return [];
  const data = inputs.map((input) => RecordDeliveryInputSchema.parse(input));
  const keyOf = (row: { merchantId: bigint; deliveryKey: string }) => `${row.merchantId}:${row.deliveryKey}`;
  const inserted = await db.webhookInbox.createManyAndReturn({
    data,
    skipDuplicates: true,
    select: { id: true, merchantId: true, deliveryKey: true },
  });
  const fresh = new Map(inserted.map((row) => [keyOf(row), row.id]));
  const missing = data.filter((row) => !fresh.has(keyOf(row)));
  const existing = new Map<string, { id: string; status: InboxStatus }>();
  if (missing.length > 0) {
    const rows = await db.webhookInbox.findMany({
      where: { OR: missing.map((row) => ({ merchantId: row.merchantId, deliveryKey: row.deliveryKey })) },
      select: { id: true, merchantId: true, deliveryKey: true, status: true },
    });
    for (const row of rows) existing.set(keyOf(row), { id: row.id, status: row.status });
  }
  const claimed = new Set<string>();
  return data.map((row): RecordDeliveryResult => {
    const key = keyOf(row);
    const id = fresh.get(key);
    if (id !== undefined && !claimed.has(key)) {
      claimed.add(key);
      return { duplicate: false, id };
    }
    if (id !== undefined) return { duplicate: true, id, status: 'received' };
    const found = existing.get(key);
    // Absent only if the first copy was purged in between: extremely rare, report it as a new failure to retry.
    if (found === undefined) throw new Error('inbox entry vanished while recording; retry');
    return { duplicate: true, id: found.id, status: found.status };
  });
}

/** received → queued for many entries at once (never undoing processed or failed). */
export async function markDeliveriesQueued(db: DatabaseClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.webhookInbox.updateMany({ where: { id: { in: ids }, status: 'received' }, data: { status: 'queued' } });
  return count;
}
