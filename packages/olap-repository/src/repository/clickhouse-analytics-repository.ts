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
import { SpanKind } from '@opentelemetry/api';
import type { QueryObserver } from '../observability/query-observer.js';
import { inSpan } from '../observability/tracing.js';
import type { IAnalyticsRepository } from './analytics-repository.js';

export interface AnalyticsRepositoryOptions {
  /** Told about every query (name, merchant, duration, outcome): the app's query-duration metric. */
  onQuery?: QueryObserver;
}

/**
 * `IAnalyticsRepository` on ClickHouse. The client must be connected to the analytics database.
 * Each query runs in a span `olap <query>` with the merchant id and query name as attributes (never
 * the parameter values), parent of the ClickHouse HTTP call's span.
 */
export class ClickHouseAnalyticsRepository implements IAnalyticsRepository {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly options: AnalyticsRepositoryOptions = {},
  ) {}

  getRevenueOverview(params: RevenueOverviewParams) {
    return this.#run('getRevenueOverview', params, getRevenueOverview);
  }

  getSalesTrend(params: SalesTrendParams) {
    return this.#run('getSalesTrend', params, getSalesTrend);
  }

  getTopProducts(params: TopProductsParams) {
    return this.#run('getTopProducts', params, getTopProducts);
  }

  getProductRanking(params: ProductRankingParams) {
    return this.#run('getProductRanking', params, getProductRanking);
  }

  getSalesByDimension(params: SalesByDimensionParams) {
    return this.#run('getSalesByDimension', params, getSalesByDimension);
  }

  getCategoryPerformance(params: CategoryPerformanceParams) {
    return this.#run('getCategoryPerformance', params, getCategoryPerformance);
  }

  getNewVsReturning(params: NewVsReturningParams) {
    return this.#run('getNewVsReturning', params, getNewVsReturning);
  }

  getCohortRetention(params: CohortRetentionParams) {
    return this.#run('getCohortRetention', params, getCohortRetention);
  }

  getRfmSegments(params: RfmParams) {
    return this.#run('getRfmSegments', params, getRfmSegments);
  }

  getRfmCustomers(params: RfmCustomersParams) {
    return this.#run('getRfmCustomers', params, getRfmCustomers);
  }

  getCustomerLifetimeValue(params: LifetimeValueParams) {
    return this.#run('getCustomerLifetimeValue', params, getCustomerLifetimeValue);
  }

  getAbandonedCartSummary(params: AbandonedCartParams) {
    return this.#run('getAbandonedCartSummary', params, getAbandonedCartSummary);
  }

  getSegmentMembers(params: SegmentMembersParams) {
    return this.#run('getSegmentMembers', params, getSegmentMembers);
  }

  #run<P extends { merchantId: number }, R>(name: string, params: P, query: (client: ClickHouseClient, params: P) => Promise<R>): Promise<R> {
    const { merchantId } = checked(params);
    const started = performance.now();
    const attributes = { 'olap.query': name, 'salla.merchant_id': merchantId };
    return inSpan(`olap ${name}`, { kind: SpanKind.INTERNAL, attributes }, () => query(this.client, params)).then(
      (result) => {
        this.options.onQuery?.({ query: name, merchantId, durationMs: performance.now() - started, ok: true });
        return result;
      },
      (error: unknown) => {
        this.options.onQuery?.({ query: name, merchantId, durationMs: performance.now() - started, ok: false });
        throw error;
      },
    );
  }
}

/** Every query is for one merchant: refuse anything but a positive integer id before touching SQL. */
function checked<T extends { merchantId: number }>(params: T): T {
  if (!Number.isSafeInteger(params.merchantId) || params.merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `merchantId must be a positive integer, got ${String(params.merchantId)}`);
  }
  return params;
}
