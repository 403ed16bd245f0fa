import type { WebhookInbox } from '@salla-analytics/database-schema';

/** An inbox entry the intake wrote already claimed for its own process's consumer, as a claim would return it. */
export type HandedOff = WebhookInbox;

/**
 * The intake's direct line to the consumer of its own process (role `all` on the inbox queue).
 *
 * Without it, a consumer learns of new entries by claiming them: one more UPDATE of every inbox
 * row (body and all, every index written again) and a read of it back — the most expensive
 * statement of the whole ingest. With it, the intake writes new entries already claimed (one
 * claim, leased for the job timeout: recordDeliveries `leaseSeconds`) and passes them to the
 * consumer once they are committed. Nothing is lost in a crash: an entry that was handed over
 * but not processed is claimed again by any consumer when its lease ends, exactly like the entry
 * of a consumer that died holding a claim.
 *
 * Bounded: the consumer reports each batch it settled (`settled`); while `limit` entries are
 * outstanding the intake writes new entries unclaimed, for the claim loops — a consumer that falls
 * behind never makes the process hold an unbounded backlog in memory.
 */
export class LocalHandoff {
  readonly leaseSeconds: number;
  readonly #limit: number;
  readonly #send: (entries: HandedOff[]) => void;
  #outstanding = 0;

  constructor(options: { leaseSeconds: number; limit: number; send: (entries: HandedOff[]) => void }) {
    this.leaseSeconds = options.leaseSeconds;
    this.#limit = options.limit;
    this.#send = options.send;
  }

  /** How many more deliveries the consumer takes now. */
  room(): number {
    return Math.max(0, this.#limit - this.#outstanding);
  }

  /** Entries the intake committed, claimed for this process. */
  deliver(entries: HandedOff[]): void {
    if (entries.length === 0) return;
    this.#outstanding += entries.length;
    this.#send(entries);
  }

  /** The consumer settled `count` handed-over entries (processed, retried later or dead-lettered). */
  settled(count: number): void {
    this.#outstanding = Math.max(0, this.#outstanding - count);
  }

  get outstanding(): number {
    return this.#outstanding;
  }
}
