import type { Period } from '@salla-analytics/core-library';
import type {
  AbandonedCartSummary,
  CategoryPerformance,
  LifetimeValue,
  NewVsReturning,
  RankedProduct,
  RevenueOverview,
  RfmSegmentSummary,
  SalesBreakdownItem,
  SalesTrendPoint,
  TopProduct,
} from '@salla-analytics/olap-repository';
import type { Plan, PlanOf } from '../plan/plan-schema.js';

/** A part of a breakdown, in one shape whatever the dimension. */
export interface BreakdownPart {
  key: string;
  netSalesMinor: number;
  orders: number;
  /** Customers (customer_type) or products (category); null when the source has none. */
  customers: number | null;
}

export interface Driver {
  dimension: 'category' | 'city' | 'payment_method';
  key: string;
  current: number;
  previous: number;
  delta: number;
}

/** What executing a plan returned: the repository's own answers, with the periods used. */
export type ToolResult =
  | { tool: 'get_metric'; plan: PlanOf<'get_metric'>; period: Period; comparison: Period | null; value: number; previous: number | null; overview: RevenueOverview | null; carts: { current: AbandonedCartSummary; previous: AbandonedCartSummary | null } | null; customers: { current: NewVsReturning; previous: NewVsReturning | null } | null; currency: string }
  | { tool: 'get_trend'; plan: PlanOf<'get_trend'>; period: Period; comparison: Period | null; granularity: 'day' | 'week' | 'month'; current: SalesTrendPoint[]; previous: SalesTrendPoint[] | null; currency: string }
  | { tool: 'rank_products'; plan: PlanOf<'rank_products'>; period: Period; comparison: null; products: Array<TopProduct | RankedProduct>; currency: string }
  | { tool: 'breakdown'; plan: PlanOf<'breakdown'>; period: Period; comparison: null; parts: BreakdownPart[]; raw: SalesBreakdownItem[] | CategoryPerformance[] | NewVsReturning; currency: string }
  | { tool: 'explain_change'; plan: PlanOf<'explain_change'>; period: Period; comparison: Period; overview: RevenueOverview; drivers: Driver[]; currency: string }
  | { tool: 'customer_segments'; plan: PlanOf<'customer_segments'>; period: null; comparison: null; asOf: Date; segments: RfmSegmentSummary[]; currency: string }
  | { tool: 'lifetime_value'; plan: PlanOf<'lifetime_value'>; period: null; comparison: null; asOf: Date; ltv: LifetimeValue; currency: string }
  | { tool: 'cannot_answer'; plan: PlanOf<'cannot_answer'>; period: null; comparison: null; currency: string };

export type ToolResultOf<T extends Plan['tool']> = Extract<ToolResult, { tool: T }>;
