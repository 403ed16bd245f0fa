import type { ClickHouseClient } from '@clickhouse/client';
import { AppError } from '@salla-analytics/core-library';
import { getRevenueOverview, type RevenueOverviewParams } from '../queries/revenue-overview.js';
import { getSalesTrend, type SalesTrendParams } from '../queries/sales-trend.js';
import { getTopProducts, type TopProductsParams } from '../queries/top-products.js';
import type { IAnalyticsRepository } from './analytics-repository.js';

/** `IAnalyticsRepository` on ClickHouse. The client must be connected to the analytics database. */
export class ClickHouseAnalyticsRepository implements IAnalyticsRepository {
  constructor(private readonly client: ClickHouseClient) {}

  getRevenueOverview(params: RevenueOverviewParams) {
    assertMerchant(params.merchantId);
    return getRevenueOverview(this.client, params);
  }

  getSalesTrend(params: SalesTrendParams) {
    assertMerchant(params.merchantId);
    return getSalesTrend(this.client, params);
  }

  getTopProducts(params: TopProductsParams) {
    assertMerchant(params.merchantId);
    return getTopProducts(this.client, params);
  }
}

function assertMerchant(merchantId: number): void {
  if (!Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `merchantId must be a positive integer, got ${String(merchantId)}`);
  }
}
