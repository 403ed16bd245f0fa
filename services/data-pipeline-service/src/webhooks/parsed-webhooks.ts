import type { SallaWebhook } from '@salla-analytics/core-library';

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

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  static key(merchantId: number | bigint, deliveryKey: string): string {
    return `${merchantId}:${deliveryKey}`;
  }

  remember(key: string, webhook: SallaWebhook): void {
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
