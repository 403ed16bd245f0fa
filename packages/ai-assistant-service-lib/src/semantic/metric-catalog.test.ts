import type { RevenueOverview } from '@salla-analytics/olap-repository';
import { describe, expect, it } from 'vitest';
import { getMetricDefinition, METRIC_CATALOG, OVERVIEW_METRIC_IDS } from './metric-catalog.js';

describe('metric catalog', () => {
  it('defines every metric the overview returns, in both languages', () => {
    const overviewKeys: Array<keyof RevenueOverview['metrics']> = [
      'orders',
      'grossSales',
      'netSales',
      'canceledOrders',
      'refundedOrders',
      'aov',
      'uniqueCustomers',
    ];
    expect([...OVERVIEW_METRIC_IDS].sort()).toEqual([...overviewKeys].sort());
    expect(METRIC_CATALOG.filter((m) => m.source === 'getRevenueOverview').map((m) => m.id).sort()).toEqual([...overviewKeys].sort());
    expect(new Set(METRIC_CATALOG.map((m) => m.id)).size).toBe(METRIC_CATALOG.length);
    for (const metric of METRIC_CATALOG) {
      expect(metric.label.ar).toMatch(/[\u0600-\u06FF]/);
      expect(metric.definition.ar).toMatch(/[\u0600-\u06FF]/);
      expect(metric.label.en).toMatch(/^[A-Z]/);
      expect(metric.synonyms.ar.length).toBeGreaterThan(0);
    }
  });

  it('marks cancellations and refunds as metrics where lower is better', () => {
    expect(getMetricDefinition('canceledOrders').higherIsBetter).toBe(false);
    expect(getMetricDefinition('refundedOrders').higherIsBetter).toBe(false);
    expect(getMetricDefinition('netSales').higherIsBetter).toBe(true);
  });
});
