import type { RevenueOverview, RevenueOverviewParams } from '../queries/revenue-overview.js';
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
}
