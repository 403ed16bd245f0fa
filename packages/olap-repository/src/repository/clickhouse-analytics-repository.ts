import type { ClickHouseClient } from '@clickhouse/client';
import { AppError } from '@salla-analytics/core-library';
import { type AbandonedCartParams, getAbandonedCartSummary } from '../queries/abandoned-carts.js';
import { type CategoryPerformanceParams, getCategoryPerformance } from '../queries/category-performance.js';
import { type CohortRetentionParams, getCohortRetention } from '../queries/cohort-retention.js';
import { getCustomerLifetimeValue, type LifetimeValueParams } from '../queries/customer-lifetime-value.js';
import { getNewVsReturning, type NewVsReturningParams } from '../queries/new-vs-returning.js';
import { getProductRanking, type ProductRankingParams } from '../queries/product-ranking.js';
import { getRevenueOverview, type RevenueOverviewParams } from '../queries/revenue-overview.js';
import { getRfmCustomers, getRfmSegments, type RfmCustomersParams, type RfmParams } from '../queries/rfm-segments.js';
import { getSalesByDimension, type SalesByDimensionParams } from '../queries/sales-by-dimension.js';
import { getSalesTrend, type SalesTrendParams } from '../queries/sales-trend.js';
import { getSegmentMembers, type SegmentMembersParams } from '../queries/segment-members.js';
import { getTopProducts, type TopProductsParams } from '../queries/top-products.js';
import type { IAnalyticsRepository } from './analytics-repository.js';

/** `IAnalyticsRepository` on ClickHouse. The client must be connected to the analytics database. */
export class ClickHouseAnalyticsRepository implements IAnalyticsRepository {
  constructor(private readonly client: ClickHouseClient) {}

  getRevenueOverview(params: RevenueOverviewParams) {
    return getRevenueOverview(this.client, checked(params));
  }

  getSalesTrend(params: SalesTrendParams) {
    return getSalesTrend(this.client, checked(params));
  }

  getTopProducts(params: TopProductsParams) {
    return getTopProducts(this.client, checked(params));
  }

  getProductRanking(params: ProductRankingParams) {
    return getProductRanking(this.client, checked(params));
  }

  getSalesByDimension(params: SalesByDimensionParams) {
    return getSalesByDimension(this.client, checked(params));
  }

  getCategoryPerformance(params: CategoryPerformanceParams) {
    return getCategoryPerformance(this.client, checked(params));
  }

  getNewVsReturning(params: NewVsReturningParams) {
    return getNewVsReturning(this.client, checked(params));
  }

  getCohortRetention(params: CohortRetentionParams) {
    return getCohortRetention(this.client, checked(params));
  }

  getRfmSegments(params: RfmParams) {
    return getRfmSegments(this.client, checked(params));
  }

  getRfmCustomers(params: RfmCustomersParams) {
    return getRfmCustomers(this.client, checked(params));
  }

  getCustomerLifetimeValue(params: LifetimeValueParams) {
    return getCustomerLifetimeValue(this.client, checked(params));
  }

  getAbandonedCartSummary(params: AbandonedCartParams) {
    return getAbandonedCartSummary(this.client, checked(params));
  }

  getSegmentMembers(params: SegmentMembersParams) {
    return getSegmentMembers(this.client, checked(params));
  }
}

/** Every query is for one merchant: refuse anything but a positive integer id before touching SQL. */
function checked<T extends { merchantId: number }>(params: T): T {
  if (!Number.isSafeInteger(params.merchantId) || params.merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `merchantId must be a positive integer, got ${String(params.merchantId)}`);
  }
  return params;
}
