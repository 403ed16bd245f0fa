import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from './alert-rule.js';
import { alertWindows, evaluateAlert } from './alert-windows.js';

const iso = (window: { from: Date; to: Date }) => [window.from.toISOString(), window.to.toISOString()];

describe('alert windows and evaluation', () => {
  it('revenue_drop compares today so far with the same weekdays up to the same local time (Asia/Riyadh)', () => {
    const windows = alertWindows({ type: 'revenue_drop', threshold: 30, baselineWeeks: 2 }, new Date('2026-03-04T11:00:00Z'), 'Asia/Riyadh');
    expect(iso(windows.current)).toEqual(['2026-03-03T21:00:00.000Z', '2026-03-04T11:00:00.000Z']);
    expect(windows.baseline.map(iso)).toEqual([
      ['2026-02-24T21:00:00.000Z', '2026-02-25T11:00:00.000Z'],
      ['2026-02-17T21:00:00.000Z', '2026-02-18T11:00:00.000Z'],
    ]);
  });

  it('spikes compare the last hour with the same hour on past same weekdays; no_orders looks back N hours', () => {
    const spike = alertWindows({ type: 'orders_spike', threshold: 300, baselineWeeks: 1 }, new Date('2026-03-04T11:00:00Z'), 'Asia/Riyadh');
    expect(iso(spike.current)).toEqual(['2026-03-04T10:00:00.000Z', '2026-03-04T11:00:00.000Z']);
    expect(spike.baseline.map(iso)).toEqual([['2026-02-25T10:00:00.000Z', '2026-02-25T11:00:00.000Z']]);
    const quiet = alertWindows({ type: 'no_orders', threshold: 6, baselineWeeks: 4 }, new Date('2026-03-04T11:00:00Z'), 'Asia/Riyadh');
    expect(iso(quiet.current)).toEqual(['2026-03-04T05:00:00.000Z', '2026-03-04T11:00:00.000Z']);
    expect(quiet.baseline).toEqual([]);
  });

  it('keeps the local clock time across a DST change (Europe/Berlin)', () => {
    const windows = alertWindows({ type: 'revenue_drop', threshold: 30, baselineWeeks: 1 }, new Date('2026-04-01T10:00:00Z'), 'Europe/Berlin');
    // 12:00 CEST today; a week earlier (before the change) 12:00 CET = 11:00 UTC.
    expect(iso(windows.baseline[0] as { from: Date; to: Date })).toEqual(['2026-03-24T23:00:00.000Z', '2026-03-25T11:00:00.000Z']);
  });

  it('fires exactly at the threshold and never on a zero baseline', () => {
    const drop = { type: 'revenue_drop', threshold: 30 } as const;
    const base = [{ orders: 10, netSalesMinor: 100_000 }, { orders: 10, netSalesMinor: 100_000 }];
    expect(evaluateAlert(drop, { orders: 7, netSalesMinor: 70_000 }, base)).toMatchObject({ fires: true, value: 70_000, baseline: 100_000, change: -0.3 });
    expect(evaluateAlert(drop, { orders: 7, netSalesMinor: 70_001 }, base).fires).toBe(false);
    expect(evaluateAlert(drop, { orders: 0, netSalesMinor: 0 }, [{ orders: 0, netSalesMinor: 0 }]).fires).toBe(false);
    const spike = { type: 'orders_spike', threshold: 300 } as const;
    expect(evaluateAlert(spike, { orders: 6, netSalesMinor: 1 }, [{ orders: 2, netSalesMinor: 1 }]).fires).toBe(true);
    expect(evaluateAlert(spike, { orders: 5, netSalesMinor: 1 }, [{ orders: 2, netSalesMinor: 1 }]).fires).toBe(false);
    expect(evaluateAlert({ type: 'no_orders', threshold: 3 }, { orders: 0, netSalesMinor: 0 }, []).fires).toBe(true);
  });

  it('refuses thresholds outside the type limits and unknown fields', () => {
    expect(alertRuleInputSchema.safeParse({ name: 'x', type: 'revenue_drop', threshold: 130 }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ name: 'x', type: 'orders_spike', threshold: 100 }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ name: 'x', type: 'no_orders', threshold: 6, merchantId: 1 }).success).toBe(false);
    expect(alertRuleInputSchema.parse({ name: 'x', type: 'no_orders', threshold: 6 })).toMatchObject({ baselineWeeks: 4, suppressionHours: 24, emailEnabled: true });
  });
});
