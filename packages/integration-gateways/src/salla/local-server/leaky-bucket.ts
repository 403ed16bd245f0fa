/**
 * Salla's per-store limiter as documented: a leaky bucket (Plus 120 per minute, then about one
 * request per second), plus `/customers` capped at 500 per 10 minutes.
 */
export interface LeakyBucketOptions {
  /** Requests the bucket holds (Salla Plus: 120). */
  capacity: number;
  /** Requests that drain per second (Plus: ~2; "then about 1 request/s"). */
  leakPerSecond: number;
}

export interface BucketDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds: when the next request fits (over the limit) or the bucket is empty. */
  reset: number;
  /** Whole seconds to wait, on a refusal. */
  retryAfter?: number;
}

export class LeakyBucket {
  #level = 0;
  #at = Date.now();

  constructor(readonly options: LeakyBucketOptions) {}

  take(now = Date.now()): BucketDecision {
    const { capacity, leakPerSecond } = this.options;
    this.#level = Math.max(0, this.#level - ((now - this.#at) / 1000) * leakPerSecond);
    this.#at = now;
    if (this.#level + 1 > capacity) {
      const waitSeconds = (this.#level + 1 - capacity) / leakPerSecond;
      return { allowed: false, limit: capacity, remaining: 0, reset: Math.ceil((now + waitSeconds * 1000) / 1000), retryAfter: Math.max(1, Math.ceil(waitSeconds)) };
    }
    this.#level += 1;
    const remaining = Math.floor(capacity - this.#level);
    const untilRoom = remaining > 0 ? this.#level / leakPerSecond : (this.#level + 1 - capacity) / leakPerSecond;
    return { allowed: true, limit: capacity, remaining, reset: Math.ceil((now + untilRoom * 1000) / 1000) };
  }
}

/** At most `limit` requests in any `windowMs` (the `/customers` cap). */
export class SlidingWindow {
  #calls: number[] = [];

  constructor(readonly limit: number, readonly windowMs: number) {}

  take(now = Date.now()): { allowed: boolean; retryAfter?: number } {
    this.#calls = this.#calls.filter((at) => at > now - this.windowMs);
    const oldest = this.#calls[0];
    if (this.#calls.length >= this.limit && oldest !== undefined) {
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    this.#calls.push(now);
    return { allowed: true };
  }
}
