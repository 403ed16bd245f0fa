import { parseSallaWebhook } from '@salla-analytics/core-library';
import { describe, expect, it } from 'vitest';
import { eventRank, eventVersion, RANK } from './event-version.js';

const parse = (body: unknown) => {
  const result = parseSallaWebhook(body);
  if (!result.ok) throw result.error;
  return result.value;
};
const order = (event: string, createdAt: string, data: Record<string, unknown> = {}) =>
  parse({ event, merchant: 1, created_at: createdAt, data: { id: 5, date: '2025-01-01 10:00:00', status: 'under_review', amounts: { total: 1 }, ...data } });

describe('event versions', () => {
  it('orders events by their own time, not by arrival', () => {
    expect(eventVersion(order('order.updated', '2025-01-01 10:00:01'))).toBeGreaterThan(eventVersion(order('order.updated', '2025-01-01 10:00:00')));
  });

  it('prefers the payload updated_at (milliseconds) over the envelope second', () => {
    const early = order('order.updated', '2025-01-01 10:00:00', { updated_at: '2025-01-01 10:00:00.100' });
    const late = order('order.updated', '2025-01-01 10:00:00', { updated_at: '2025-01-01 10:00:00.900' });
    expect(eventVersion(late)).toBeGreaterThan(eventVersion(early));
  });

  it('in the same instant, status, cancel/refund and delete beat create and update', () => {
    expect(eventRank('order.created')).toBe(RANK.create);
    expect(eventRank('order.updated')).toBe(RANK.update);
    expect(eventRank('order.status.updated')).toBe(RANK.status);
    expect(eventRank('order.cancelled')).toBe(RANK.cancelOrRefund);
    expect(eventRank('order.refunded')).toBe(RANK.cancelOrRefund);
    expect(eventRank('order.deleted')).toBe(RANK.delete);
    expect(eventRank('product.deleted')).toBe(RANK.delete);
    const at = '2025-01-01 10:00:00';
    const versions = ['order.created', 'order.updated', 'order.cancelled', 'order.deleted'].map((event) => eventVersion(order(event, at)));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    // The sum of three parts stays an exact JavaScript integer for centuries.
    expect(eventVersion(order('order.deleted', '2199-12-31 23:59:59')) * 3).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});
