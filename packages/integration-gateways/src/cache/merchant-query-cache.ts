import { createHash } from 'node:crypto';
import type { CacheStore } from './cache-store.js';

export interface CachedAnswer<T> {
  value: T;
  /** When the answer was computed (what "updated 12 s ago" counts from). */
  computedAt: Date;
  /** Served from the cache (true) or computed by this call (false). */
  hit: boolean;
}

export interface MerchantQueryCacheOptions {
  store: CacheStore;
  /** Seconds an answer may be served without an invalidation (a safety net; invalidation is the rule). */
  ttlSeconds?: number;
  /** Key prefix, so several apps or versions can share one Redis. */
  namespace?: string;
  /** Told about backend failures; the cache then falls through to the loader. */
  onError?: (error: unknown, operation: 'get' | 'set' | 'invalidate') => void;
}

interface Envelope<T> {
  at: number;
  v: T;
}

/**
 * Answers cached per merchant + query name + parameters. Invalidation is per merchant and O(1):
 * every key embeds the merchant's generation number, and invalidating bumps it, so all of that
 * merchant's old answers become unreachable at once (they expire by TTL) in every app instance
 * sharing the store. Concurrent misses for the same key in this process run the loader once.
 * A failing backend never fails a request: the answer is computed and served uncached.
 */
export class MerchantQueryCache {
  readonly #store: CacheStore;
  readonly #ttl: number;
  readonly #ns: string;
  readonly #onError: NonNullable<MerchantQueryCacheOptions['onError']>;
  readonly #inFlight = new Map<string, Promise<CachedAnswer<unknown>>>();

  constructor(options: MerchantQueryCacheOptions) {
    this.#store = options.store;
    this.#ttl = options.ttlSeconds ?? 300;
    this.#ns = options.namespace ?? 'sa:v1';
    this.#onError = options.onError ?? (() => {});
  }

  get storeKind(): CacheStore['kind'] {
    return this.#store.kind;
  }

  /** The cache key for these inputs at the merchant's current generation. */
  async keyFor(merchantId: number, query: string, params: unknown): Promise<string> {
    const generation = await this.#generation(merchantId);
    return `${this.#ns}:q:${merchantId}:${generation}:${query}:${hashParams(params)}`;
  }

  async getOrLoad<T>(merchantId: number, query: string, params: unknown, load: () => Promise<T>): Promise<CachedAnswer<T>> {
    assertMerchantId(merchantId);
    const key = await this.keyFor(merchantId, query, params);
    const running = this.#inFlight.get(key);
    if (running) return (await running) as CachedAnswer<T>;
    const work = this.#readThrough(key, load);
    this.#inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /** Drops every cached answer of one merchant (the pipeline's signal after a batch commits). */
  async invalidateMerchant(merchantId: number): Promise<void> {
    assertMerchantId(merchantId);
    try {
      await this.#store.incr(this.#generationKey(merchantId));
    } catch (error) {
      this.#onError(error, 'invalidate');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#store.close();
  }

  async #readThrough<T>(key: string, load: () => Promise<T>): Promise<CachedAnswer<T>> {
    let cached: string | null = null;
    try {
      cached = await this.#store.get(key);
    } catch (error) {
      this.#onError(error, 'get');
    }
    if (cached !== null) {
      const envelope = JSON.parse(cached) as Envelope<T>;
      return { value: envelope.v, computedAt: new Date(envelope.at), hit: true };
    }
    const value = await load();
    const computedAt = new Date();
    try {
      await this.#store.set(key, JSON.stringify({ at: computedAt.getTime(), v: value } satisfies Envelope<T>), this.#ttl);
    } catch (error) {
      this.#onError(error, 'set');
    }
    return { value, computedAt, hit: false };
  }

  async #generation(merchantId: number): Promise<string> {
    try {
      return (await this.#store.get(this.#generationKey(merchantId))) ?? '0';
    } catch (error) {
      this.#onError(error, 'get');
      // Unknown generation: a key nobody else can hit, so a stale answer is never served.
      return `x${Date.now()}`;
    }
  }

  #generationKey(merchantId: number): string {
    return `${this.#ns}:gen:${merchantId}`;
  }
}

/** Stable across key order: `{a:1,b:2}` and `{b:2,a:1}` hash the same. */
export function hashParams(params: unknown): string {
  return createHash('sha256').update(stableJson(params)).digest('base64url').slice(0, 22);
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function assertMerchantId(merchantId: number): void {
  if (!Number.isSafeInteger(merchantId) || merchantId <= 0) throw new TypeError('merchantId must be a positive integer');
}
