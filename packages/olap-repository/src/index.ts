export { analyticsClientOptionsFromEnv, createAnalyticsClient } from './client/create-analytics-client.js';
export type { AnalyticsClientOptions } from './client/create-analytics-client.js';
export { olapEnvSchema, readOlapEnv } from './env.js';
export type { OlapEnv } from './env.js';
export type { DdlContext } from './migrations/ddl-context.js';
export { migrations } from './migrations/definitions.js';
export type { Migration } from './migrations/definitions.js';
export { runMigrations } from './migrations/run-migrations.js';
export type { MigrationResult } from './migrations/run-migrations.js';
export type { IAnalyticsRepository } from './repository/analytics-repository.js';
export { ClickHouseAnalyticsRepository } from './repository/clickhouse-analytics-repository.js';
export { getRevenueOverview, overviewTotalsRowSchema } from './queries/revenue-overview.js';
export type {
  MetricValue,
  OverviewTotals,
  OverviewTotalsRow,
  RevenueOverview,
  RevenueOverviewParams,
} from './queries/revenue-overview.js';
export { getSalesTrend, salesTrendRowSchema } from './queries/sales-trend.js';
export type { SalesTrendParams, SalesTrendPoint, SalesTrendRow } from './queries/sales-trend.js';
export { getTopProducts, topProductRowSchema } from './queries/top-products.js';
export type { TopProduct, TopProductRow, TopProductsParams } from './queries/top-products.js';
export { serializeRow, toClickHouseDateTime } from './rows/rows.js';
export type {
  AbandonedCartRow,
  AnalyticsTable,
  AnalyticsTables,
  CustomerRow,
  OrderItemRow,
  OrderRow,
  OrderStatusRow,
  ProductRow,
} from './rows/rows.js';
export { BatchWriter } from './writer/batch-writer.js';
export type { BatchWriterOptions, FlushedBatch } from './writer/batch-writer.js';
export { startEmbeddedClickHouse } from './embedded/embedded-clickhouse-server.js';
export type { EmbeddedClickHouse, EmbeddedClickHouseOptions } from './embedded/embedded-clickhouse-server.js';
export { abandonedCartToRow, customerToRow, productToRow } from './transform/entity-to-row.js';
export { orderToRows } from './transform/order-to-rows.js';
export type { OrderRows } from './transform/order-to-rows.js';
