import { sleep } from '../../http/backoff.js';

/** What Salla's headers said about one store's bucket. */
export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  /** When the bucket has room again (from `X-RateLimit-Reset`). */
  resetAt?: number;
  /** From `Retry-After` on a 429: no request for this store before this instant. */
  retryAt?: number;
}

export interface StoreRateLimiterOptions {
  /** `/customers` is capped per store (Salla: 500 per 10 minutes). */
  customersCap?: { limit: number; windowMs: number };
  /**
   * Requests of one store in flight at once (default 1). With more, requests already on the wire
   * when a 429 comes back reach Salla after it said to wait; one at a time never does.
   */
  maxInFlightPerStore?: number;
  now?: () => number;
}

interface StoreState {
  remaining: number | undefined;
  resetAt: number;
  blockedUntil: number;
  /** When each recent /customers call finished (Infinity while in flight). */
  customerCalls: Array<{ at: number }>;
  inFlight: number;
  chain: Promise<void>;
  released: Array<() => void>;
}

/**
 * Per-store pacing for Salla's Admin API, driven by what Salla says rather than by guesses:
 *
 * - `Retry-After` on a 429 blocks every request of that store until then (none is sent earlier);
 * - `X-RateLimit-Remaining: 0` holds the next request until `X-RateLimit-Reset`;
 * - requests that start while a budget is known spend it locally, so concurrent callers of one
 *   store do not all rush the last slot;
 * - `/customers` has its own sliding window (500 per 10 minutes by default).
 *
 * Admission is serialized per store (a promise chain), so waiting callers queue in order; the
 * caller gives its slot back with the returned `release` once the response is in.
 */
export class StoreRateLimiter {
  readonly #stores = new Map<number, StoreState>();
  readonly #customersCap: { limit: number; windowMs: number };
  readonly #maxInFlight: number;
  readonly #now: () => number;

  constructor(options: StoreRateLimiterOptions = {}) {
    this.#customersCap = options.customersCap ?? { limit: 500, windowMs: 10 * 60_000 };
    this.#maxInFlight = Math.max(1, options.maxInFlightPerStore ?? 1);
    this.#now = options.now ?? Date.now;
  }

  /** Resolves when a request of this store (and kind) may be sent; call `release()` when its response is in. */
  acquire(merchantId: number, kind: 'customers' | 'other' = 'other'): Promise<() => void> {
    const state = this.#state(merchantId);
    const admitted = state.chain.then(async () => {
      while (state.inFlight >= this.#maxInFlight) await new Promise<void>((resolve) => state.released.push(resolve));
      for (;;) {
        const wait = this.#waitMs(state, kind);
        if (wait <= 0) break;
        await sleep(wait);
      }
      if (state.remaining !== undefined) state.remaining -= 1;
      state.inFlight += 1;
      // Counted from when Salla has surely seen it (the response), never earlier.
      const call = { at: Number.POSITIVE_INFINITY };
      if (kind === 'customers') state.customerCalls.push(call);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        call.at = this.#now();
        state.inFlight -= 1;
        state.released.shift()?.();
      };
    });
    state.chain = admitted.then(
      () => undefined,
      () => undefined,
    );
    return admitted;
  }

  /** Feeds back what a response said. */
  observe(merchantId: number, headers: RateLimitHeaders): void {
    const state = this.#state(merchantId);
    if (headers.remaining !== undefined) state.remaining = headers.remaining;
    if (headers.resetAt !== undefined) state.resetAt = headers.resetAt;
    if (headers.retryAt !== undefined) state.blockedUntil = Math.max(state.blockedUntil, headers.retryAt);
  }

  /** Milliseconds until this store may be called again (0 = now); for progress displays. */
  waitMs(merchantId: number, kind: 'customers' | 'other' = 'other'): number {
    return Math.max(0, this.#waitMs(this.#state(merchantId), kind));
  }

  #waitMs(state: StoreState, kind: 'customers' | 'other'): number {
    const now = this.#now();
    let until = state.blockedUntil;
    if (state.remaining !== undefined && state.remaining <= 0) {
      // The budget is spent: wait for the reset Salla announced (or a second if it announced none).
      if (state.resetAt > now) until = Math.max(until, state.resetAt);
      else if (state.resetAt === 0) until = Math.max(until, now + 1_000);
      else state.remaining = undefined;
    }
    if (kind === 'customers') {
      const { limit, windowMs } = this.#customersCap;
      state.customerCalls = state.customerCalls.filter((call) => call.at > now - windowMs);
      if (state.customerCalls.length >= limit) {
        const oldest = Math.min(...state.customerCalls.map((call) => call.at));
        // All still in flight: look again shortly.
        until = Math.max(until, Number.isFinite(oldest) ? oldest + windowMs : now + 50);
      }
    }
    return until - now;
  }

  #state(merchantId: number): StoreState {
    let state = this.#stores.get(merchantId);
    if (!state) {
      state = { remaining: undefined, resetAt: 0, blockedUntil: 0, customerCalls: [], inFlight: 0, chain: Promise.resolve(), released: [] };
      this.#stores.set(merchantId, state);
    }
    return state;
  }
}

/** Reads Salla's rate-limit headers. `X-RateLimit-Reset` may be Unix seconds or seconds from now: both are accepted. */
export function readRateLimitHeaders(headers: Headers, status: number, retryAfter: number | undefined, now = Date.now()): RateLimitHeaders {
  const number = (name: string) => {
    const value = headers.get(name);
    if (value === null || value.trim() === '') return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const result: RateLimitHeaders = {};
  const limit = number('x-ratelimit-limit');
  const remaining = number('x-ratelimit-remaining');
  const reset = number('x-ratelimit-reset');
  if (limit !== undefined) result.limit = limit;
  if (remaining !== undefined) result.remaining = remaining;
  if (reset !== undefined) result.resetAt = reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000;
  if (status === 429) {
    result.remaining = 0;
    // A 429 without Retry-After: wait for the reset, else a second.
    result.retryAt = now + (retryAfter ?? (result.resetAt !== undefined ? Math.max(0, result.resetAt - now) : 1_000));
  }
  return result;
}
