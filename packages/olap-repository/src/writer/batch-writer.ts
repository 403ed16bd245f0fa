import type { ClickHouseClient } from '@clickhouse/client';
import { type Context, context } from '@opentelemetry/api';
import { inSpan, linksTo } from '../observability/tracing.js';
import type { AnalyticsTable, AnalyticsTables } from '../rows/rows.js';
import { serializeRow } from '../rows/rows.js';

export interface BatchWriterOptions {
  client: ClickHouseClient;
  /** Database holding the analytics tables. */
  database: string;
  /** Flush a table's buffer once it holds this many rows. */
  maxRows?: number;
  /** Flush a table's buffer at the latest this long after its first row arrived. */
  maxDelayMs?: number;
  /** Called after each committed batch, e.g. to invalidate the merchants' caches. */
  onFlush?: (batch: FlushedBatch) => void | Promise<void>;
  /** A failing `onFlush` listener is reported here; it never fails the committed writes. */
  onFlushError?: (error: unknown) => void;
}

export interface FlushedBatch {
  table: AnalyticsTable;
  rows: number;
  merchantIds: number[];
  durationMs: number;
}

interface Pending {
  rows: object[];
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
  /** The writers' trace contexts: the batch's span is a child of the first, linked to the others. */
  contexts: Context[];
  timer?: NodeJS.Timeout;
}

/**
 * Buffers rows per table and inserts them in batches, by size or time, whichever comes first.
 * `write` resolves only once the batch holding those rows is committed, so a queue consumer can
 * acknowledge its message after `await write(...)` and never lose a row; if the insert fails,
 * every writer of that batch is rejected and keeps its own message for a retry.
 */
export class BatchWriter {
  readonly #options: Required<Omit<BatchWriterOptions, 'onFlush' | 'onFlushError'>> &
    Pick<BatchWriterOptions, 'onFlush' | 'onFlushError'>;
  readonly #pending = new Map<AnalyticsTable, Pending>();
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(options: BatchWriterOptions) {
    this.#options = { maxRows: 5_000, maxDelayMs: 1_000, ...options };
  }

  write<T extends AnalyticsTable>(table: T, rows: ReadonlyArray<AnalyticsTables[T]>): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('BatchWriter is closed'));
    if (rows.length === 0) return Promise.resolve();
    const pending = this.#pendingFor(table);
    const done = new Promise<void>((resolve, reject) => pending.waiters.push({ resolve, reject }));
    pending.contexts.push(context.active());
    // A loop, not push(...rows): spreading a very large array overflows the call stack.
    for (const row of rows) pending.rows.push(row);
    if (pending.rows.length >= this.#options.maxRows) this.#flushTable(table);
    else pending.timer ??= setTimeout(() => this.#flushTable(table), this.#options.maxDelayMs);
    return done;
  }

  /** Commits everything buffered now. */
  async flush(): Promise<void> {
    for (const table of [...this.#pending.keys()]) this.#flushTable(table);
    await Promise.allSettled([...this.#inFlight]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
  }

  #pendingFor(table: AnalyticsTable): Pending {
    let pending = this.#pending.get(table);
    if (!pending) {
      pending = { rows: [], waiters: [], contexts: [] };
      this.#pending.set(table, pending);
    }
    return pending;
  }

  #flushTable(table: AnalyticsTable): void {
    const batch = this.#pending.get(table);
    if (!batch || batch.rows.length === 0) return;
    this.#pending.delete(table);
    if (batch.timer) clearTimeout(batch.timer);
    const run = this.#insert(table, batch).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  async #insert(table: AnalyticsTable, batch: Pending): Promise<void> {
    const started = performance.now();
    const [parent, ...others] = batch.contexts;
    try {
      const attributes = { 'olap.table': table, 'olap.batch.rows': batch.rows.length, 'olap.batch.writers': batch.waiters.length };
      await inSpan(`olap batch insert ${table}`, { attributes, ...(parent ? { parent } : {}), links: linksTo(others) }, async () => {
        // One insert per maxRows slice keeps request bodies bounded; a failed slice fails the whole
        // batch, and re-inserting the slices that did commit is harmless (rows are versioned).
        for (let start = 0; start < batch.rows.length; start += this.#options.maxRows) {
          await this.#options.client.insert({
            table: `${this.#options.database}.${table}`,
            values: batch.rows.slice(start, start + this.#options.maxRows).map(serializeRow),
            format: 'JSONEachRow',
          });
        }
      });
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
      return;
    }
    const merchantIds = [...new Set(batch.rows.map((row) => (row as { merchant_id: number }).merchant_id))];
    // The rows are committed whatever the listener does: writers must not retry them.
    for (const waiter of batch.waiters) waiter.resolve();
    try {
      await this.#options.onFlush?.({ table, rows: batch.rows.length, merchantIds, durationMs: performance.now() - started });
    } catch (error) {
      this.#options.onFlushError?.(error);
    }
  }
}
