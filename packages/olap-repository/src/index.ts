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
export { type AnalyticsRepositoryOptions, ClickHouseAnalyticsRepository } from './repository/clickhouse-analytics-repository.js';
export type { QueryObservation, QueryObserver } from './observability/query-observer.js';
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
export { getProductRanking, productRankingRowSchema } from './queries/product-ranking.js';
export type { ProductRankingParams, ProductRankingRow, RankedProduct } from './queries/product-ranking.js';
export { CART_RECOVERY_WINDOW_DAYS, cartSummaryRowSchema, getAbandonedCartSummary } from './queries/abandoned-carts.js';
export type { AbandonedCartParams, AbandonedCartSummary } from './queries/abandoned-carts.js';
export { categoryRowSchema, getCategoryPerformance } from './queries/category-performance.js';
export type { CategoryPerformance, CategoryPerformanceParams, CategoryRow } from './queries/category-performance.js';
export { cohortCellRowSchema, getCohortRetention } from './queries/cohort-retention.js';
export type { Cohort, CohortRetentionParams } from './queries/cohort-retention.js';
export { getCustomerLifetimeValue, ltvRowSchema } from './queries/customer-lifetime-value.js';
export type { LifetimeValue, LifetimeValueParams, LifetimeValueRow } from './queries/customer-lifetime-value.js';
export { getNewVsReturning, newVsReturningRowSchema } from './queries/new-vs-returning.js';
export type { CustomerGroupStats, NewVsReturning, NewVsReturningParams } from './queries/new-vs-returning.js';
export {
  getRfmCustomers,
  getRfmSegments,
  RFM_SEGMENTS,
  rfmCustomerRowSchema,
  rfmSegmentOf,
  rfmSummaryRowSchema,
} from './queries/rfm-segments.js';
export {
  countSegmentMembers,
  getSegmentMembers,
  segmentFiltersSchema,
  segmentMemberRowSchema,
  segmentWhere,
} from './queries/segment-members.js';
export type { SegmentFilters, SegmentMember, SegmentMembersPage, SegmentMembersParams } from './queries/segment-members.js';
export {
  customerPurchaseRowSchema,
  findPurchasedCarts,
  findRecoveryCandidates,
  getCustomerPurchases,
  recoveryCartRowSchema,
} from './queries/cart-recovery.js';
export type { CustomerPurchase, RecoveryCandidatesParams, RecoveryCart } from './queries/cart-recovery.js';
export type { RfmCustomer, RfmCustomersParams, RfmParams, RfmSegment, RfmSegmentSummary } from './queries/rfm-segments.js';
export { getSalesByDimension, SALES_DIMENSIONS, salesByDimensionRowSchema } from './queries/sales-by-dimension.js';
export type { SalesBreakdownItem, SalesByDimensionParams, SalesByDimensionRow, SalesDimension } from './queries/sales-by-dimension.js';
export { serializeRow, toClickHouseDateTime } from './rows/rows.js';
export type {
  AbandonedCartRow,
  AnalyticsTable,
  AnalyticsTables,
  CartItemSnapshot,
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
export {
  countStoredEntities,
  findStoredEntityIds,
  STORED_ENTITY_TABLES,
  type StoredEntityTable,
  storedCountRowSchema,
  storedIdRowSchema,
} from './queries/stored-entities.js';
// Exports of table views (CSV/XLSX rows, exactly as the views read them)
export { countExportRows, type ExportRowsOptions, exportTableRows } from './exports/export-table-rows.js';
// Alerts (issue 7, sched): orders and net sales in several UTC windows at once
export { getSalesInWindows, windowSalesRowSchema } from './queries/sales-in-windows.js';
export type { SalesInWindowsParams, WindowSalesTotals } from './queries/sales-in-windows.js';
