/**
 * DDL differs between a single server (and ClickHouse Cloud, which turns every MergeTree into
 * SharedMergeTree by itself) and a self-managed cluster, where tables must be created ON CLUSTER
 * with Replicated* engines. Migrations are written once against this context.
 */
export interface DdlContext {
  database: string;
  cluster?: string;
}

export function onCluster(ctx: DdlContext): string {
  return ctx.cluster ? ` ON CLUSTER '${ctx.cluster}'` : '';
}

export function mergeTreeEngine(ctx: DdlContext, family: 'MergeTree' | 'ReplacingMergeTree', args: string[] = []): string {
  if (!ctx.cluster) return `${family}(${args.join(', ')})`;
  const replicated = ["'/clickhouse/tables/{shard}/{database}/{table}'", "'{replica}'", ...args];
  return `Replicated${family}(${replicated.join(', ')})`;
}

export function table(ctx: DdlContext, name: string): string {
  return `${ctx.database}.${name}`;
}
