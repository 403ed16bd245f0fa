import { ALL_MERCHANTS, type Database, type DeadLetter, getDeadLetter, listDeadLetters, markDeadLetterReplayed } from '@salla-analytics/database-schema';
import type { Queue } from '../queue/queue.js';
import { acceptDelivery } from '../webhooks/accept-delivery.js';

export type ReplayResult =
  | { id: string; status: 'replayed'; inboxId: string; outcome: 'accepted' | 'duplicate' }
  | { id: string; status: 'still_invalid'; reason: string; message: string }
  | { id: string; status: 'not_found' | 'already_replayed' };

/**
 * Puts a dead letter back through the same path as a Salla delivery (validation, inbox,
 * queue). Safe to repeat: the inbox is unique per body, processing is idempotent, and an entry
 * that was processed already is not enqueued again — so after a fix, the event lands exactly once.
 */
export async function replayDeadLetter(
  deps: { db: Database; queue: Queue },
  id: string,
  options: { force?: boolean } = {},
): Promise<ReplayResult> {
  const letter = await getDeadLetter(deps.db, id);
  if (letter === null) return { id, status: 'not_found' };
  if (letter.replayedAt !== null && !options.force) return { id, status: 'already_replayed' };
  return replay(deps, letter);
}

/** Replays every dead letter not replayed yet (all merchants), oldest first. */
export async function replayAllDeadLetters(deps: { db: Database; queue: Queue }): Promise<ReplayResult[]> {
  const letters: DeadLetter[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listDeadLetters(deps.db, { merchantId: ALL_MERCHANTS, limit: 500, ...(after ? { after } : {}) });
    letters.push(...page);
    if (page.length < 500) break;
    after = page[page.length - 1]?.id;
  }
  const results: ReplayResult[] = [];
  for (const letter of letters.reverse()) results.push(await replay(deps, letter));
  return results;
}

async function replay(deps: { db: Database; queue: Queue }, letter: DeadLetter): Promise<ReplayResult> {
  const result = await acceptDelivery(deps, letter.payload, { replay: { count: letter.replayCount + 1 } });
  if (result.outcome === 'rejected') {
    return { id: letter.id, status: 'still_invalid', reason: result.reason, message: result.message };
  }
  await markDeadLetterReplayed(deps.db, { id: letter.id, merchantId: letter.merchantId });
  return { id: letter.id, status: 'replayed', inboxId: result.inboxId, outcome: result.outcome };
}
