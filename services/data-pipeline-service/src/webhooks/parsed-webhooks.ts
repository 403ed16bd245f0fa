import type { SallaWebhook } from '@salla-analytics/core-library';

/** Parsed webhooks on their way to another thread (structured clone keeps their Dates and shapes). */
export type ParsedEntries = Array<[key: string, webhook: SallaWebhook]>;

/**
 * Webhooks the intake has parsed and validated, kept for the consumer of the same process (role
 * `all`) so that a delivery is parsed once, not twice. Keyed by merchant and delivery key (the
 * body's hash), so an entry is the parse of exactly the bytes in the inbox; parsing is a pure
 * function of those bytes, so a cached value and a fresh parse are the same. Bounded: the oldest
 * entries go first, and a consumer that finds nothing simply parses the stored body.
 */
export class ParsedWebhooks {
  readonly #entries = new Map<string, SallaWebhook>();
  readonly #capacity: number;
  #forward: ((entries: ParsedEntries) => void) | null = null;
  #outbox: ParsedEntries = [];

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /**
   * Intake and consumer in two threads of one process: what the intake remembers goes to the
   * consumer thread's ParsedWebhooks (`rememberAll`) instead, in one message per turn of the event
   * loop. Cloning a parsed webhook costs a third of parsing it again; an entry that arrives late
   * or not at all only means the consumer parses the stored body.
   */
  forwardTo(forward: (entries: ParsedEntries) => void): void {
    this.#forward = forward;
  }

  rememberAll(entries: ParsedEntries): void {
    for (const [key, webhook] of entries) this.remember(key, webhook);
  }

  static key(merchantId: number | bigint, deliveryKey: string): string {
    return `${merchantId}:${deliveryKey}`;
  }

  remember(key: string, webhook: SallaWebhook): void {
    const forward = this.#forward;
    if (forward !== null) {
      if (this.#outbox.length === 0) {
        setImmediate(() => {
          const entries = this.#outbox;
          this.#outbox = [];
          forward(entries);
        });
      }
      this.#outbox.push([key, webhook]);
      return;
    }
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, webhook);
  }

  /** The parsed webhook, once: it is forgotten as it is taken. */
  take(key: string): SallaWebhook | undefined {
    const webhook = this.#entries.get(key);
    if (webhook !== undefined) this.#entries.delete(key);
    return webhook;
  }

  get size(): number {
    return this.#entries.size;
  }
}
