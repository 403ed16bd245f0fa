import type { DatabaseClient } from '../client.js';

/** Records that the claimed email went out (`messageId`: Postmark's, or the outbox row's). */
export async function markEmailDeliverySent(db: DatabaseClient, id: string, { messageId, now = new Date() }: { messageId: string | null; now?: Date }): Promise<boolean> {
  const { count } = await db.emailDelivery.updateMany({ where: { id, status: 'sending' }, data: { status: 'sent', messageId, finishedAt: now } });
  return count === 1;
}

/**
 * Records a send that certainly did not go out (refused before delivery): the key may be
 * claimed again. Never use it after an ambiguous failure (a timeout): leave the row `sending`.
 */
export async function markEmailDeliveryFailed(db: DatabaseClient, id: string, { error, now = new Date() }: { error: string; now?: Date }): Promise<boolean> {
  const { count } = await db.emailDelivery.updateMany({ where: { id, status: 'sending' }, data: { status: 'failed', error: error.slice(0, 2000), finishedAt: now } });
  return count === 1;
}
