import type { AbandonedCartParams, AbandonedCartSummary } from '../queries/abandoned-carts.js';
import type { CategoryPerformance, CategoryPerformanceParams } from '../queries/category-performance.js';
import type { Cohort, CohortRetentionParams } from '../queries/cohort-retention.js';
import type { LifetimeValue, LifetimeValueParams } from '../queries/customer-lifetime-value.js';
import type { NewVsReturning, NewVsReturningParams } from '../queries/new-vs-returning.js';
import type { ProductRankingParams, RankedProduct } from '../queries/product-ranking.js';
import type { RevenueOverview, RevenueOverviewParams } from '../queries/revenue-overview.js';
import type { RfmCustomer, RfmCustomersParams, RfmParams, RfmSegmentSummary } from '../queries/rfm-segments.js';
import type { SalesBreakdownItem, SalesByDimensionParams } from '../queries/sales-by-dimension.js';
import type { SegmentMembersPage, SegmentMembersParams } from '../queries/segment-members.js';
import type { SalesTrendParams, SalesTrendPoint } from '../queries/sales-trend.js';
import type { TopProduct, TopProductsParams } from '../queries/top-products.js';

/**
 * The analytical read model. Every method takes the merchant explicitly and returns only that
 * merchant's data; implementations must bind it as a parameter, never interpolate it.
 */
export interface IAnalyticsRepository {
  getRevenueOverview(params: RevenueOverviewParams): Promise<RevenueOverview>;
  getSalesTrend(params: SalesTrendParams): Promise<SalesTrendPoint[]>;
  getTopProducts(params: TopProductsParams): Promise<TopProduct[]>;
  /** The catalogue ranked by sales in the period (slow sellers with direction 'asc'), optionally within one category. */
  getProductRanking(params: ProductRankingParams): Promise<RankedProduct[]>;
  getSalesByDimension(params: SalesByDimensionParams): Promise<SalesBreakdownItem[]>;
  getCategoryPerformance(params: CategoryPerformanceParams): Promise<CategoryPerformance[]>;
  getNewVsReturning(params: NewVsReturningParams): Promise<NewVsReturning>;
  getCohortRetention(params: CohortRetentionParams): Promise<Cohort[]>;
  getRfmSegments(params: RfmParams): Promise<RfmSegmentSummary[]>;
  getRfmCustomers(params: RfmCustomersParams): Promise<RfmCustomer[]>;
  getCustomerLifetimeValue(params: LifetimeValueParams): Promise<LifetimeValue>;
  getAbandonedCartSummary(params: AbandonedCartParams): Promise<AbandonedCartSummary>;
  /** Customers matching a custom segment's filters (incl. RFM segments), one page, with the total. */
  getSegmentMembers(params: SegmentMembersParams): Promise<SegmentMembersPage>;
}
