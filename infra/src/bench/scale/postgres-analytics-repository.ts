import { enumerateBuckets, type Period } from '@salla-analytics/core-library';
import {
  type AbandonedCartParams,
  type AbandonedCartSummary,
  CART_RECOVERY_WINDOW_DAYS,
  type CategoryPerformance,
  type CategoryPerformanceParams,
  type Cohort,
  type CohortRetentionParams,
  type IAnalyticsRepository,
  type LifetimeValue,
  type LifetimeValueParams,
  type LifetimeValueRow,
  type MetricValue,
  type NewVsReturning,
  type NewVsReturningParams,
  type ProductRankingParams,
  RFM_SEGMENTS,
  type RankedProduct,
  type RevenueOverview,
  type RevenueOverviewParams,
  type RfmCustomer,
  type RfmCustomersParams,
  type RfmParams,
  type RfmSegment,
  type RfmSegmentSummary,
  type SalesBreakdownItem,
  type SalesByDimensionParams,
  type SalesTrendParams,
  type SalesTrendPoint,
  type TopProduct,
  type TopProductsParams,
} from '@salla-analytics/olap-repository';
import type pg from 'pg';
import { PG_CANCELED, PG_KEPT, PG_REFUNDED, ROLLUP_TIME_ZONE } from './postgres-design.js';

/** The dashboard queries the benchmark compares (everything IAnalyticsRepository answers from order data). */
export type DashboardQueries = Pick<
  IAnalyticsRepository,
  | 'getRevenueOverview'
  | 'getSalesTrend'
  | 'getTopProducts'
  | 'getProductRanking'
  | 'getSalesByDimension'
  | 'getCategoryPerformance'
  | 'getNewVsReturning'
  | 'getCohortRetention'
  | 'getRfmSegments'
  | 'getRfmCustomers'
  | 'getCustomerLifetimeValue'
  | 'getAbandonedCartSummary'
>;

type Row = Record<string, string | number | null>;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const clamp = (value: number | undefined, fallback: number, max: number) => Math.min(Math.max(Math.trunc(value ?? fallback), 1), max);

const SEGMENT_CASE = `CASE
  WHEN r = 5 AND f >= 4 THEN 'champions' WHEN r >= 3 AND f >= 4 THEN 'loyal' WHEN r >= 4 AND f >= 2 THEN 'potential_loyalists'
  WHEN r = 5 AND f = 1 THEN 'new_customers' WHEN r = 4 AND f = 1 THEN 'promising' WHEN r = 3 AND f = 3 THEN 'need_attention'
  WHEN r = 3 THEN 'about_to_sleep' WHEN r <= 2 AND f = 5 THEN 'cant_lose' WHEN r <= 2 AND f >= 3 THEN 'at_risk'
  WHEN r = 2 THEN 'hibernating' ELSE 'lost' END`;

/**
 * The same dashboard answers as `ClickHouseAnalyticsRepository`, computed on the PostgreSQL design
 * of `postgres-design.ts` (rollups where they are exact, covering indexes for the rest), so the
 * benchmark can check both engines give the same numbers and compare their speed.
 */
export class PostgresAnalyticsRepository implements DashboardQueries {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, values: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, values)).rows;
  }

  private requireRollupZone(period: Period) {
    if (period.timeZone !== ROLLUP_TIME_ZONE) throw new Error(`the PostgreSQL rollups are cut in ${ROLLUP_TIME_ZONE}, not ${period.timeZone}`);
  }

  /** Customers' purchases before asOf: the customer rollup when it is complete up to asOf, else the raw orders. */
  private async perCustomer(asOf: Date): Promise<string> {
    const [state] = await this.rows('SELECT refreshed_through FROM rollup_state', []);
    const fresh = state?.refreshed_through !== null && new Date(String(state?.refreshed_through)) < asOf;
    return fresh
      ? `SELECT customer_id, first_at, last_at, orders, ltv_minor FROM customer_summary WHERE merchant_id = $1 AND $2::timestamptz IS NOT NULL`
      : `SELECT customer_id, min(created_at) AS first_at, max(created_at) AS last_at, count(*) AS orders, sum(total_minor) AS ltv_minor
         FROM orders WHERE merchant_id = $1 AND customer_id <> 0 AND ${PG_KEPT} AND created_at < $2 GROUP BY customer_id`;
  }

  async getRevenueOverview(params: RevenueOverviewParams): Promise<RevenueOverview> {
    const { merchantId, period } = params;
    this.requireRollupZone(period);
    const comparison = params.comparison ?? null;
    const prev = comparison ?? period;
    const [sums, customers] = await Promise.all([
      this.rows(
        `SELECT CASE WHEN day BETWEEN $2::date AND $3::date THEN 'current' ELSE 'previous' END AS tag,
                sum(orders) AS orders, sum(gross_minor) AS gross, coalesce(sum(gross_minor) FILTER (WHERE ${PG_KEPT}), 0) AS net,
                coalesce(sum(orders) FILTER (WHERE ${PG_CANCELED}), 0) AS canceled, coalesce(sum(orders) FILTER (WHERE ${PG_REFUNDED}), 0) AS refunded
         FROM sales_daily
         WHERE merchant_id = $1 AND (day BETWEEN $2::date AND $3::date OR day BETWEEN $4::date AND $5::date)
         GROUP BY tag`,
        [merchantId, period.fromDate, period.toDate, prev.fromDate, prev.toDate],
      ),
      this.rows(
        `SELECT CASE WHEN created_at >= $2 AND created_at < $3 THEN 'current' ELSE 'previous' END AS tag,
                count(DISTINCT customer_id) FILTER (WHERE customer_id <> 0) AS customers
         FROM orders
         WHERE merchant_id = $1 AND ((created_at >= $2 AND created_at < $3) OR (created_at >= $4 AND created_at < $5))
         GROUP BY tag`,
        [merchantId, period.from, period.to, prev.from, prev.to],
      ),
    ]);
    const totals = (tag: string) => {
      const row = sums.find((r) => r.tag === tag);
      const orders = num(row?.orders);
      const kept = orders - num(row?.canceled) - num(row?.refunded);
      const net = num(row?.net);
      return {
        orders,
        grossSalesMinor: num(row?.gross),
        netSalesMinor: net,
        canceledOrders: num(row?.canceled),
        refundedOrders: num(row?.refunded),
        uniqueCustomers: num(customers.find((r) => r.tag === tag)?.customers),
        aovMinor: kept > 0 ? Math.sign(net / kept) * Math.round(Math.abs(net / kept)) : 0,
        currency: row ? 'SAR' : null,
      };
    };
    const current = totals('current');
    const previous = comparison ? totals('previous') : null;
    const names = {
      orders: ['orders', 'count'],
      grossSales: ['grossSalesMinor', 'minor_units'],
      netSales: ['netSalesMinor', 'minor_units'],
      canceledOrders: ['canceledOrders', 'count'],
      refundedOrders: ['refundedOrders', 'count'],
      aov: ['aovMinor', 'minor_units'],
      uniqueCustomers: ['uniqueCustomers', 'count'],
    } as const;
    const metrics = Object.fromEntries(
      Object.entries(names).map(([name, [key, unit]]): [string, MetricValue] => {
        const before = previous === null ? null : previous[key];
        return [name, { value: current[key], previous: before, change: before ? (current[key] - before) / before : null, unit }];
      }),
    ) as RevenueOverview['metrics'];
    return {
      merchantId,
      currency: current.currency ?? previous?.currency ?? null,
      period: { fromDate: period.fromDate, toDate: period.toDate, timeZone: period.timeZone },
      comparison: comparison ? { fromDate: comparison.fromDate, toDate: comparison.toDate } : null,
      metrics,
    };
  }

  async getSalesTrend(params: SalesTrendParams): Promise<SalesTrendPoint[]> {
    const { period, granularity } = params;
    this.requireRollupZone(period);
    const weekStart = params.weekStart ?? 'saturday';
    const isoStart = { monday: 1, saturday: 6, sunday: 7 }[weekStart];
    const bucket = {
      day: 'day',
      week: `day - ((extract(isodow FROM day)::int + 7 - ${isoStart}) % 7)`,
      month: `date_trunc('month', day)::date`,
    }[granularity];
    const rows = await this.rows(
      `SELECT to_char(${bucket}, 'YYYY-MM-DD') AS bucket, sum(orders) AS orders, sum(gross_minor) AS gross,
              coalesce(sum(gross_minor) FILTER (WHERE ${PG_KEPT}), 0) AS net, coalesce(sum(orders) FILTER (WHERE ${PG_CANCELED}), 0) AS canceled
       FROM sales_daily WHERE merchant_id = $1 AND day BETWEEN $2::date AND $3::date
       GROUP BY 1 ORDER BY 1`,
      [params.merchantId, period.fromDate, period.toDate],
    );
    const byBucket = new Map(rows.map((row) => [row.bucket, row]));
    return enumerateBuckets(period, granularity, weekStart).map((b) => {
      const row = byBucket.get(b);
      return { bucket: b, orders: num(row?.orders), grossSalesMinor: num(row?.gross), netSalesMinor: num(row?.net), canceledOrders: num(row?.canceled) };
    });
  }

  private productSales(period: Period): string {
    this.requireRollupZone(period);
    return `SELECT product_id, sum(quantity) AS quantity, sum(revenue_minor) AS revenue_minor, sum(orders) AS orders
            FROM product_sales_daily WHERE merchant_id = $1 AND day BETWEEN $2::date AND $3::date GROUP BY product_id`;
  }

  async getTopProducts(params: TopProductsParams): Promise<TopProduct[]> {
    const order = params.sortBy === 'quantity' ? 'quantity DESC, revenue_minor DESC' : 'revenue_minor DESC, quantity DESC';
    const rows = await this.rows(
      `SELECT s.product_id, p.name, p.sku, s.quantity, s.revenue_minor, s.orders
       FROM (${this.productSales(params.period)}) s
       LEFT JOIN products p ON p.merchant_id = $1 AND p.product_id = s.product_id
       ORDER BY ${order}, s.product_id LIMIT $4`,
      [params.merchantId, params.period.fromDate, params.period.toDate, clamp(params.limit, 10, 1000)],
    );
    return rows.map((r) => ({
      productId: num(r.product_id),
      name: String(r.name ?? ''),
      sku: String(r.sku ?? ''),
      quantity: num(r.quantity),
      revenueMinor: num(r.revenue_minor),
      orders: num(r.orders),
    }));
  }

  async getProductRanking(params: ProductRankingParams): Promise<RankedProduct[]> {
    const dir = params.direction === 'asc' ? 'ASC' : 'DESC';
    const order = params.sortBy === 'quantity' ? `quantity ${dir}, revenue_minor ${dir}` : `revenue_minor ${dir}, quantity ${dir}`;
    const rows = await this.rows(
      `SELECT p.product_id, p.name, p.sku, p.category, coalesce(s.quantity, 0) AS quantity,
              coalesce(s.revenue_minor, 0) AS revenue_minor, coalesce(s.orders, 0) AS orders
       FROM products p LEFT JOIN (${this.productSales(params.period)}) s ON s.product_id = p.product_id
       WHERE p.merchant_id = $1 AND ($5::text IS NULL OR p.category = $5)
       ORDER BY ${order}, p.product_id LIMIT $4`,
      [params.merchantId, params.period.fromDate, params.period.toDate, clamp(params.limit, 10, 1000), params.category ?? null],
    );
    return rows.map((r) => ({
      productId: num(r.product_id),
      name: String(r.name),
      sku: String(r.sku),
      category: String(r.category),
      quantity: num(r.quantity),
      revenueMinor: num(r.revenue_minor),
      orders: num(r.orders),
    }));
  }

  async getSalesByDimension(params: SalesByDimensionParams): Promise<SalesBreakdownItem[]> {
    this.requireRollupZone(params.period);
    const [view, column] = {
      status: ['sales_daily', 'status'],
      payment_method: ['sales_daily_by_payment', 'payment_method'],
      city: ['sales_daily_by_city', 'customer_city'],
    }[params.dimension];
    const rows = await this.rows(
      `SELECT ${column} AS key, sum(orders) AS orders, sum(gross_minor) AS gross,
              coalesce(sum(gross_minor) FILTER (WHERE ${PG_KEPT}), 0) AS net, coalesce(sum(orders) FILTER (WHERE ${PG_CANCELED}), 0) AS canceled
       FROM ${view} WHERE merchant_id = $1 AND day BETWEEN $2::date AND $3::date
       GROUP BY key ORDER BY gross DESC, key LIMIT $4`,
      [params.merchantId, params.period.fromDate, params.period.toDate, clamp(params.limit, 50, 500)],
    );
    const totalNet = rows.reduce((sum, r) => sum + num(r.net), 0);
    return rows.map((r) => ({
      key: String(r.key),
      orders: num(r.orders),
      grossSalesMinor: num(r.gross),
      netSalesMinor: num(r.net),
      canceledOrders: num(r.canceled),
      shareOfNetSales: totalNet > 0 ? num(r.net) / totalNet : 0,
    }));
  }

  async getCategoryPerformance(params: CategoryPerformanceParams): Promise<CategoryPerformance[]> {
    this.requireRollupZone(params.period);
    const rows = await this.rows(
      `SELECT c.category, coalesce(pc.products, 0) AS products, c.quantity, c.revenue_minor, c.orders
       FROM (
         SELECT category, sum(quantity) AS quantity, sum(revenue_minor) AS revenue_minor, sum(orders) AS orders
         FROM category_sales_daily WHERE merchant_id = $1 AND day BETWEEN $2::date AND $3::date GROUP BY category
       ) c LEFT JOIN (
         SELECT coalesce(p.category, '') AS category, count(DISTINCT s.product_id) AS products
         FROM product_sales_daily s LEFT JOIN products p ON p.merchant_id = s.merchant_id AND p.product_id = s.product_id
         WHERE s.merchant_id = $1 AND s.day BETWEEN $2::date AND $3::date GROUP BY 1
       ) pc ON pc.category = c.category
       ORDER BY c.revenue_minor DESC, c.category LIMIT $4`,
      [params.merchantId, params.period.fromDate, params.period.toDate, clamp(params.limit, 50, 500)],
    );
    return rows.map((r) => ({
      category: String(r.category),
      products: num(r.products),
      quantity: num(r.quantity),
      revenueMinor: num(r.revenue_minor),
      orders: num(r.orders),
    }));
  }

  async getNewVsReturning(params: NewVsReturningParams): Promise<NewVsReturning> {
    const [row] = await this.rows(
      `SELECT count(DISTINCT o.customer_id) FILTER (WHERE s.first_at >= $2) AS new_customers,
              count(DISTINCT o.customer_id) FILTER (WHERE s.first_at < $2) AS returning_customers,
              count(*) FILTER (WHERE s.first_at >= $2) AS new_orders, count(*) FILTER (WHERE s.first_at < $2) AS returning_orders,
              coalesce(sum(o.total_minor) FILTER (WHERE s.first_at >= $2), 0) AS new_sales,
              coalesce(sum(o.total_minor) FILTER (WHERE s.first_at < $2), 0) AS returning_sales
       FROM orders o JOIN customer_summary s ON s.merchant_id = o.merchant_id AND s.customer_id = o.customer_id
       WHERE o.merchant_id = $1 AND o.created_at >= $2 AND o.created_at < $3 AND o.customer_id <> 0 AND ${PG_KEPT.replaceAll('status', 'o.status')}`,
      [params.merchantId, params.period.from, params.period.to],
    );
    return {
      new: { customers: num(row?.new_customers), orders: num(row?.new_orders), netSalesMinor: num(row?.new_sales) },
      returning: { customers: num(row?.returning_customers), orders: num(row?.returning_orders), netSalesMinor: num(row?.returning_sales) },
    };
  }

  async getCohortRetention(params: CohortRetentionParams): Promise<Cohort[]> {
    const { period } = params;
    this.requireRollupZone(period);
    // One row per cohort with its activity per month up to the period's last month (zeros included).
    const rows = await this.rows(
      `WITH cohorts AS (
         SELECT customer_id, date_trunc('month', first_at AT TIME ZONE '${ROLLUP_TIME_ZONE}')::date AS cohort
         FROM customer_summary
         WHERE merchant_id = $1 AND first_at < $2
           AND date_trunc('month', first_at AT TIME ZONE '${ROLLUP_TIME_ZONE}')::date BETWEEN date_trunc('month', $3::date)::date AND $4::date
       ),
       cells AS (
         SELECT c.cohort, (extract(year FROM age(m.month, c.cohort)) * 12 + extract(month FROM age(m.month, c.cohort)))::int AS k,
                count(*) AS customers
         FROM cohorts c JOIN customer_months m ON m.merchant_id = $1 AND m.customer_id = c.customer_id AND m.first_at < $2
         GROUP BY 1, 2
       ),
       spans AS (
         SELECT cohort, (extract(year FROM age(date_trunc('month', $4::date), cohort)) * 12
                         + extract(month FROM age(date_trunc('month', $4::date), cohort)))::int AS last_k
         FROM cells GROUP BY cohort
       )
       SELECT to_char(s.cohort, 'YYYY-MM-DD') AS cohort,
              array_agg(coalesce(cells.customers, 0) ORDER BY k.k) AS active
       FROM spans s CROSS JOIN LATERAL generate_series(0, s.last_k) AS k(k)
       LEFT JOIN cells ON cells.cohort = s.cohort AND cells.k = k.k
       GROUP BY s.cohort ORDER BY s.cohort`,
      [params.merchantId, period.to, period.fromDate, period.toDate],
    );
    return rows.map((row) => {
      const active = (row.active as unknown as string[]).map(num);
      const size = active[0] ?? 0;
      return { cohort: String(row.cohort), size, active, retention: active.map((n) => (size > 0 ? n / size : 0)) };
    });
  }

  private async scored(asOf: Date): Promise<string> {
    return `WITH per_customer AS (
        SELECT customer_id, (($2::timestamptz AT TIME ZONE 'UTC')::date - (last_at AT TIME ZONE 'UTC')::date) AS recency_days,
               orders AS frequency, ltv_minor AS monetary_minor
        FROM (${await this.perCustomer(asOf)}) c
      ),
      scored AS (
        SELECT *, 1 + (5 * (rank() OVER (ORDER BY recency_days DESC) - 1)) / count(*) OVER () AS r,
                  1 + (5 * (rank() OVER (ORDER BY frequency ASC) - 1)) / count(*) OVER () AS f,
                  1 + (5 * (rank() OVER (ORDER BY monetary_minor ASC) - 1)) / count(*) OVER () AS m
        FROM per_customer
      )
      SELECT customer_id, recency_days, frequency, monetary_minor, r, f, m, ${SEGMENT_CASE} AS segment FROM scored`;
  }

  async getRfmSegments(params: RfmParams): Promise<RfmSegmentSummary[]> {
    const rows = await this.rows(
      `SELECT segment, count(*) AS customers, avg(recency_days) AS avg_recency, avg(frequency) AS avg_frequency,
              round(avg(monetary_minor)) AS avg_monetary, sum(monetary_minor) AS total_monetary
       FROM (${await this.scored(params.asOf)}) s GROUP BY segment`,
      [params.merchantId, params.asOf],
    );
    const total = rows.reduce((sum, r) => sum + num(r.customers), 0);
    return RFM_SEGMENTS.map((segment) => {
      const row = rows.find((r) => r.segment === segment);
      return {
        segment,
        customers: num(row?.customers),
        share: row && total > 0 ? num(row.customers) / total : 0,
        avgRecencyDays: num(row?.avg_recency),
        avgFrequency: num(row?.avg_frequency),
        avgMonetaryMinor: num(row?.avg_monetary),
        totalMonetaryMinor: num(row?.total_monetary),
      };
    });
  }

  async getRfmCustomers(params: RfmCustomersParams): Promise<RfmCustomer[]> {
    const rows = await this.rows(
      `SELECT * FROM (${await this.scored(params.asOf)}) s
       WHERE $3::text = '' OR segment = $3 ORDER BY monetary_minor DESC, customer_id LIMIT $4 OFFSET $5`,
      [params.merchantId, params.asOf, params.segment ?? '', clamp(params.limit, 100, 10_000), Math.max(Math.trunc(params.offset ?? 0), 0)],
    );
    return rows.map((r) => ({
      customerId: num(r.customer_id),
      recencyDays: num(r.recency_days),
      frequency: num(r.frequency),
      monetaryMinor: num(r.monetary_minor),
      scores: { r: num(r.r), f: num(r.f), m: num(r.m) },
      segment: String(r.segment) as RfmSegment,
    }));
  }

  async getCustomerLifetimeValue(params: LifetimeValueParams): Promise<LifetimeValue> {
    const rows = await this.rows(
      `WITH per_customer AS (
         SELECT date_trunc('month', first_at AT TIME ZONE $3)::date AS cohort, orders AS order_count, ltv_minor AS ltv
         FROM (${await this.perCustomer(params.asOf)}) c
       ),
       ranked AS (
         SELECT *, row_number() OVER (PARTITION BY cohort ORDER BY ltv) AS rn, count(*) OVER (PARTITION BY cohort) AS n,
                   row_number() OVER (ORDER BY ltv) AS rn_all, count(*) OVER () AS n_all
         FROM per_customer
       )
       SELECT to_char(cohort, 'YYYY-MM-DD') AS label, count(*) AS customers, count(*) FILTER (WHERE order_count >= 2) AS repeat,
              sum(order_count) AS orders, sum(ltv) AS net, max(ltv) FILTER (WHERE rn = n / 2 + 1) AS median
       FROM ranked GROUP BY cohort
       UNION ALL
       SELECT 'all', count(*), count(*) FILTER (WHERE order_count >= 2), coalesce(sum(order_count), 0), coalesce(sum(ltv), 0),
              coalesce(max(ltv) FILTER (WHERE rn_all = n_all / 2 + 1), 0)
       FROM ranked
       ORDER BY label`,
      [params.merchantId, params.asOf, params.timeZone],
    );
    const all = rows.map(
      (r): LifetimeValueRow => {
        const customers = num(r.customers);
        return {
          cohort: String(r.label),
          customers,
          repeatRate: customers > 0 ? num(r.repeat) / customers : 0,
          avgOrders: customers > 0 ? num(r.orders) / customers : 0,
          avgLtvMinor: customers > 0 ? Math.round(num(r.net) / customers) : 0,
          medianLtvMinor: num(r.median),
        };
      },
    );
    const empty: LifetimeValueRow = { cohort: 'all', customers: 0, repeatRate: 0, avgOrders: 0, avgLtvMinor: 0, medianLtvMinor: 0 };
    const total = all.find((r) => r.cohort === 'all');
    return { total: total && total.customers > 0 ? total : empty, byCohort: all.filter((r) => r.cohort !== 'all') };
  }

  async getAbandonedCartSummary(params: AbandonedCartParams): Promise<AbandonedCartSummary> {
    const windowEnd = new Date(params.period.to.getTime() + CART_RECOVERY_WINDOW_DAYS * 86_400_000);
    const [row] = await this.rows(
      `SELECT count(*) AS carts, coalesce(sum(total_minor), 0) AS value, count(*) FILTER (WHERE recovered) AS recovered,
              coalesce(sum(total_minor) FILTER (WHERE recovered), 0) AS recovered_value
       FROM (
         SELECT c.total_minor, c.status = 'recovered' OR (c.customer_id <> 0 AND EXISTS (
           SELECT 1 FROM orders o
           WHERE o.merchant_id = $1 AND o.customer_id = c.customer_id AND o.created_at >= c.created_at
             AND o.created_at < c.created_at + interval '${CART_RECOVERY_WINDOW_DAYS} days'
             AND o.created_at >= $2 AND o.created_at < $4 AND ${PG_KEPT.replaceAll('status', 'o.status')}
         )) AS recovered
         FROM abandoned_carts c WHERE c.merchant_id = $1 AND c.created_at >= $2 AND c.created_at < $3
       ) judged`,
      [params.merchantId, params.period.from, params.period.to, windowEnd],
    );
    const carts = num(row?.carts);
    const value = num(row?.value);
    const recoveredValue = num(row?.recovered_value);
    return {
      carts,
      valueMinor: value,
      recoveredCarts: num(row?.recovered),
      recoveredValueMinor: recoveredValue,
      valueAtRiskMinor: value - recoveredValue,
      recoveryRate: carts > 0 ? num(row?.recovered) / carts : 0,
      currency: carts > 0 ? 'SAR' : null,
    };
  }
}
