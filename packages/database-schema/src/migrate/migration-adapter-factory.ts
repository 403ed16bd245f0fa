import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { pgConfigFromUrl } from './pg-connection-config.js';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** Marks, on a result's rows array, which columns had type `"char"`. */
const CHAR_COLUMNS = Symbol('charColumns');

type AnyFunction = (...args: unknown[]) => unknown;
type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };
type Queryable = Pick<SqlDriverAdapter, 'queryRaw'>;

/**
 * The schema engine reads the catalog (pg_constraint.contype, pg_class.relkind, ...), whose
 * columns have Postgres' internal one-byte `"char"` type (OID 18). adapter-pg has no mapping for
 * it and fails the whole query, and calling them text is not enough (the engine then panics
 * "as char failed"). So the pg client reports those columns as text to adapter-pg (pg hands their
 * values over as strings anyway) and remembers where they were; `reportCharColumns` then gives the
 * engine the column type it expects for them: Character.
 */
class CatalogCharAsTextClient extends pg.Client {}
const baseQuery = pg.Client.prototype.query as unknown as AnyFunction;

function hideCharFields<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as PgResultLike[]) {
    const charColumns: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(i);
    });
    if (charColumns.length > 0 && r.rows) Object.defineProperty(r.rows, CHAR_COLUMNS, { value: charColumns });
  }
  return result;
}

Object.defineProperty(CatalogCharAsTextClient.prototype, 'query', {
  value: function query(this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
      return baseQuery.call(this, config, values, callback);
    }
    const cb = typeof values === 'function' ? values : callback;
    const vals = typeof values === 'function' ? undefined : values;
    if (typeof cb === 'function') {
      return baseQuery.call(this, config, vals, (err: unknown, res: unknown) =>
        (cb as AnyFunction)(err, err ? res : hideCharFields(res)),
      );
    }
    return (baseQuery.call(this, config, vals) as Promise<unknown>).then(hideCharFields);
  },
});

function reportCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const charColumns = (result.rows as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? [];
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Ends every pool this factory opened that the engine did not dispose of itself. */
  close(): Promise<void>;
};

/**
 * A migration-aware driver adapter factory on adapter-pg, fixed up for the schema engine:
 * catalog `"char"` columns, a shadow database on the same server that is dropped only after its
 * pool is closed, and migration scripts sent as one multi-statement query (adapter-pg's own
 * executeScript splits on every `;`, which breaks function bodies and string literals and leaves
 * a failed migration half-applied; one query runs atomically).
 */
export function createMigrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  const config: pg.PoolConfig = { ...pgConfigFromUrl(databaseUrl), Client: CatalogCharAsTextClient };
  const open = new Set<SqlDriverAdapter>();

  async function connectTo(poolConfig: pg.PoolConfig): Promise<SqlDriverAdapter> {
    const adapter = reportCharColumns(await new PrismaPg(poolConfig).connect());
    const pool = adapter.underlyingDriver() as pg.Pool;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      reportCharColumns(await startTransaction(isolationLevel));
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        throw asDriverAdapterError(error);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return;
      await dispose();
    };
    open.add(adapter);
    return adapter;
  }

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(config),
    async connectToShadowDb() {
      const admin = await connectTo(config);
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await connectTo({ ...config, database });
      const disposeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        // Postgres refuses to drop a database with open connections: end the pool first.
        await disposeShadow();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
    async close() {
      // Shadow adapters first: disposing one drops its database through its admin connection.
      const adapters = [...open].reverse();
      for (const adapter of adapters) await adapter.dispose().catch(() => undefined);
    },
  };
}

function asDriverAdapterError(error: unknown): unknown {
  const e = error as Partial<Record<'code' | 'severity' | 'message' | 'detail' | 'column' | 'hint', string>>;
  if (typeof e?.code !== 'string' || typeof e.message !== 'string') return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity ?? 'ERROR',
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}
