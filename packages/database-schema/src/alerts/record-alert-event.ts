import type { DatabaseClient } from '../client.js';
import type { AlertEvent, Prisma } from '../generated/prisma/client.js';

/** A rule's firing at a tick, once: a second record for the same (rule, tick) returns the first. */
export async function recordAlertEvent(
  db: DatabaseClient,
  input: { ruleId: string; merchantId: bigint; firedAt: Date; details: Prisma.InputJsonValue },
): Promise<{ event: AlertEvent; created: boolean }> {
  const [created] = await db.alertEvent.createManyAndReturn({ data: [input], skipDuplicates: true });
  if (created) return { event: created, created: true };
  return { event: await db.alertEvent.findUniqueOrThrow({ where: { ruleId_firedAt: { ruleId: input.ruleId, firedAt: input.firedAt } } }), created: false };
}

/** The rule's firing at exactly this tick, and its latest firing before it. */
export async function findAlertEvents(db: DatabaseClient, ruleId: string, at: Date): Promise<{ atTick: AlertEvent | null; before: AlertEvent | null }> {
  const [atTick, before] = await Promise.all([
    db.alertEvent.findUnique({ where: { ruleId_firedAt: { ruleId, firedAt: at } } }),
    db.alertEvent.findFirst({ where: { ruleId, firedAt: { lt: at } }, orderBy: { firedAt: 'desc' } }),
  ]);
  return { atTick, before };
}
