import { readFileSync } from 'node:fs';
import { parseSallaWebhook, type SallaOrder } from '@salla-analytics/core-library';
import { describe, expect, it } from 'vitest';
import { orderToRows } from './order-to-rows.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../../core-library/test/fixtures/order.created.json', import.meta.url), 'utf8'),
);

function fixtureOrder(): SallaOrder {
  const parsed = parseSallaWebhook(fixture);
  if (!parsed.ok || parsed.value.kind !== 'order') throw new Error('fixture did not parse as an order');
  return parsed.value.order;
}

describe('orderToRows', () => {
  it('maps the documented order.created payload exactly, in halalas', () => {
    const { order, items } = orderToRows(1305146709, fixtureOrder(), 5);
    expect(order).toMatchObject({
      merchant_id: 1305146709,
      order_id: 218104935,
      reference_id: '71824530',
      status: 'under_review',
      payment_method: 'mada',
      currency: 'SAR',
      sub_total_minor: 41_050,
      shipping_minor: 2_500,
      tax_minor: 6_158,
      discount_minor: 4_105,
      total_minor: 45_603,
      items_count: 3,
      customer_id: 1227534533,
      customer_city: 'الرياض',
      coupon_code: '',
      version: 5,
      is_deleted: 0,
    });
    // 21:47:09 in Riyadh is 18:47:09 UTC.
    expect(order.created_at.toISOString()).toBe('2025-03-14T18:47:09.000Z');
    expect(items.map((i) => [i.product_id, i.quantity, i.unit_price_minor, i.discount_minor, i.tax_minor, i.total_minor])).toEqual([
      [1536426142, 1, 32_000, 3_200, 4_320, 28_800],
      [1536426199, 2, 4_525, 905, 1_222, 8_145],
    ]);
  });

  it('refuses a partial order (no date or total) instead of writing zeros', () => {
    expect(() => orderToRows(1, { id: 5 } as SallaOrder, 1)).toThrow(/no date or total/);
  });
});
