import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMinorUnits } from '../money/to-minor-units.js';
import { sallaAmountToMoney } from './amount.js';
import { SALLA_EVENTS } from './events.js';
import { parseSallaWebhook, parseSallaWebhookEnvelope, type SallaWebhook } from './parse-webhook.js';

const fixturesDir = new URL('../../test/fixtures/', import.meta.url);
const fixtureFiles = readdirSync(fixturesDir).filter((name) => name.endsWith('.json'));

function fixture(name: string): Record<string, unknown> & { data: Record<string, unknown> } {
  return JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8'));
}

/** Sets a nested value in a parsed JSON fixture (test-only mutation helper). */
function setPath(target: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

function parsed(raw: unknown): SallaWebhook {
  const result = parseSallaWebhook(raw);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value;
}

function failure(raw: unknown) {
  const result = parseSallaWebhook(raw);
  if (result.ok) throw new Error(`expected an error, got kind ${result.value.kind}`);
  return result.error;
}

const EXPECTED_KIND: Record<string, SallaWebhook['kind']> = {
  'abandoned.cart.json': 'abandoned_cart',
  'app.store.authorize.json': 'app_authorize',
  'customer.created.json': 'customer',
  'order.created.json': 'order',
  'order.status.updated.json': 'order_status',
  'product.created.json': 'product',
};

describe('every shared fixture', () => {
  it('is covered', () => {
    expect(fixtureFiles.sort()).toEqual(Object.keys(EXPECTED_KIND).sort());
  });

  it.each(fixtureFiles)('%s parses to its kind with the merchant and time', (name) => {
    const webhook = parsed(fixture(name));
    expect(webhook.kind).toBe(EXPECTED_KIND[name]);
    expect(webhook.merchantId).toBe(1305146709);
    expect(webhook.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(webhook.createdAt.getTime())).toBe(false);
    expect(SALLA_EVENTS).toContain(webhook.event);
  });
});

describe('order.created fixture', () => {
  const webhook = parsed(fixture('order.created.json'));
  if (webhook.kind !== 'order') throw new Error('not an order');
  const { order } = webhook;

  it('keeps ids, status slug, Arabic text and dates', () => {
    expect(webhook.createdAt.toISOString()).toBe('2025-03-14T18:47:12.000Z');
    expect(order.id).toBe(218104935);
    expect(order.reference_id).toBe(71824530);
    expect(order.date?.toISOString()).toBe('2025-03-14T18:47:09.000Z');
    expect(order.status?.slug).toBe('under_review');
    expect(order.status?.name).toBe('بإنتظار المراجعة');
    expect(order.customer?.first_name).toBe('نورة');
    expect(order.customer?.mobile).toBe('555123456');
    expect(order.payment_method).toBe('mada');
  });

  it('normalises amounts, which convert to exact halalas', () => {
    const amounts = order.amounts;
    expect(amounts?.tax?.amount.amount).toBe(61.58);
    expect(amounts?.tax?.percent).toBe(15);
    expect(amounts?.discounts?.[0]?.discount).toBe(41.05);
    const minor = (value: number | undefined) => toMinorUnits(value ?? 0, 'SAR');
    const total = minor(amounts?.total.amount);
    expect(total).toBe(45603);
    expect(
      minor(amounts?.sub_total?.amount) +
        minor(amounts?.shipping_cost?.amount) +
        minor(amounts?.tax?.amount.amount) -
        minor(amounts?.discounts?.[0]?.discount),
    ).toBe(total);
    expect(sallaAmountToMoney(amounts?.total, order.currency)).toEqual({
      amountMinor: 45603,
      currency: 'SAR',
    });
  });

  it('fills product_id from product.id and keeps unknown keys', () => {
    expect(order.items?.map((item) => item.product_id)).toEqual([1536426142, 1536426199]);
    expect(order.items?.[0]?.amounts?.tax?.amount.amount).toBe(43.2);
    expect(order.items?.[1]?.quantity).toBe(2);
    expect((order.amounts?.tax as Record<string, unknown> | undefined)?.percent).toBe(15);
    expect(order.customer?.location).toBe('حي الملقا');
    expect(order.amounts?.cash_on_delivery?.amount).toBe(0);
    expect((order.items?.[0] as Record<string, unknown> | undefined)?.product_type).toBe('product');
  });
});

describe('other fixtures', () => {
  it('order.status.updated resolves the order id and slug', () => {
    const webhook = parsed(fixture('order.status.updated.json'));
    if (webhook.kind !== 'order_status') throw new Error('wrong kind');
    expect(webhook.orderId).toBe(218104935);
    expect(webhook.status.slug).toBe('completed');
    expect(webhook.statusUpdate.reference_id).toBe(71824530);
  });

  it('product.created reads prices and a bare-number cost', () => {
    const webhook = parsed(fixture('product.created.json'));
    if (webhook.kind !== 'product') throw new Error('wrong kind');
    expect(webhook.product.price).toEqual({ amount: 320, currency: 'SAR' });
    expect(webhook.product.cost_price).toEqual({ amount: 140 });
    expect(webhook.product.categories).toEqual([{ id: 80318, name: 'عبايات' }]);
    expect(webhook.product.created_at?.toISOString()).toBe('2025-02-01T09:00:01.000Z');
  });

  it('customer.created keeps Arabic and the mobile as text', () => {
    const webhook = parsed(fixture('customer.created.json'));
    if (webhook.kind !== 'customer') throw new Error('wrong kind');
    expect(webhook.customer.last_name).toBe('القحطاني');
    expect(webhook.customer.city).toBe('الرياض');
    expect(webhook.customer.mobile).toBe('555123456');
    expect(webhook.customer.updated_at?.toISOString()).toBe('2025-03-14T18:40:55.000Z');
  });

  it('abandoned.cart reads totals, items and the object dates', () => {
    const webhook = parsed(fixture('abandoned.cart.json'));
    if (webhook.kind !== 'abandoned_cart') throw new Error('wrong kind');
    expect(webhook.cart.total.amount).toBe(239);
    expect(webhook.cart.items?.[0]?.product_id).toBe(1536426199);
    expect(webhook.cart.items?.[0]?.amounts?.total?.amount).toBe(90.5);
    expect(webhook.cart.created_at?.toISOString()).toBe('2025-03-16T14:00:12.000Z');
    expect(webhook.cart.customer?.name).toBe('نورة القحطاني');
  });

  it('app.store.authorize yields tokens with an absolute expiry', () => {
    const webhook = parsed(fixture('app.store.authorize.json'));
    if (webhook.kind !== 'app_authorize') throw new Error('wrong kind');
    expect(webhook.authorize).toEqual({
      accessToken: 'example-access-token-not-real',
      refreshToken: 'example-refresh-token-not-real',
      expiresAt: new Date(1739620710 * 1000),
      scopes: [
        'settings.read',
        'orders.read',
        'products.read',
        'customers.read',
        'webhooks.read_write',
        'offline_access',
      ],
      tokenType: 'bearer',
      appId: 1911645512,
    });
  });
});

describe('variants Salla sends', () => {
  it('accepts numbers as strings everywhere', () => {
    const body = fixture('order.created.json');
    body.merchant = '1305146709';
    setPath(body, ['data', 'id'], '218104935');
    setPath(body, ['data', 'amounts', 'total', 'amount'], '456.03');
    setPath(body, ['data', 'amounts', 'sub_total', 'amount'], '410.50');
    setPath(body, ['data', 'items', 0, 'quantity'], '1');
    setPath(body, ['data', 'items', 0, 'product'], { id: '1536426142' });
    const webhook = parsed(body);
    if (webhook.kind !== 'order') throw new Error('wrong kind');
    expect(webhook.merchantId).toBe(1305146709);
    expect(webhook.order.id).toBe(218104935);
    expect(webhook.order.amounts?.total.amount).toBe(456.03);
    expect(webhook.order.amounts?.sub_total?.amount).toBe(410.5);
    expect(webhook.order.items?.[0]?.product_id).toBe(1536426142);
  });

  it('tolerates missing and null optional fields', () => {
    const minimal = parsed({
      event: 'order.updated',
      merchant: 1,
      created_at: 'Sun Jun 26 2022 13:29:51 GMT+0300',
      data: {
        id: 5,
        status: 'in_progress',
        amounts: { total: 10, sub_total: null },
        customer: null,
        items: [{ id: 1, product_id: 2, quantity: 1 }],
      },
    });
    if (minimal.kind !== 'order') throw new Error('wrong kind');
    expect(minimal.createdAt.toISOString()).toBe('2022-06-26T10:29:51.000Z');
    expect(minimal.order.status?.slug).toBe('in_progress');
    expect(minimal.order.amounts?.total).toEqual({ amount: 10 });
    expect(minimal.order.customer).toBeUndefined();
  });

  it('accepts the thin order.status.updated shapes', () => {
    const byOrderId = parsed({
      event: 'order.status.updated',
      merchant: 1,
      created_at: '2025-03-15 09:02:40',
      data: { order_id: '77', status: { slug: 'shipped', name: 'تم الشحن' } },
    });
    expect(byOrderId.kind === 'order_status' && byOrderId.orderId).toBe(77);
    const noId = failure({
      event: 'order.status.updated',
      merchant: 1,
      created_at: '2025-03-15 09:02:40',
      data: { status: 'x' },
    });
    expect(noId.code).toBe('VALIDATION_FAILED');
  });

  it('accepts the alternative authorize shapes', () => {
    const nested = parsed({
      event: 'app.store.authorize',
      merchant: 9,
      created_at: '2025-02-01 12:00:00',
      data: { token: { access_token: 'a', refresh_token: 'r', expires_in: 1209600, scope: ['orders.read'] } },
    });
    if (nested.kind !== 'app_authorize') throw new Error('wrong kind');
    expect(nested.authorize.accessToken).toBe('a');
    expect(nested.authorize.expiresAt.toISOString()).toBe('2025-02-15T09:00:00.000Z');
    expect(nested.authorize.scopes).toEqual(['orders.read']);
    expect(nested.authorize.tokenType).toBe('bearer');

    const camel = parsed({
      event: 'app.store.authorize',
      merchant: 9,
      created_at: '2025-02-01 12:00:00',
      data: { accessToken: 'a', refreshToken: 'r', expires: '1739620710' },
    });
    expect(camel.kind === 'app_authorize' && camel.authorize.expiresAt.getTime()).toBe(1739620710 * 1000);

    const missing = failure({
      event: 'app.store.authorize',
      merchant: 9,
      created_at: '2025-02-01 12:00:00',
      data: { access_token: 'a' },
    });
    expect(missing.message).toContain('refresh_token');
  });

  it('classifies app lifecycle events', () => {
    const installed = parsed({
      event: 'app.installed',
      merchant: 9,
      created_at: '2025-02-01 12:00:00',
      data: { id: 1, app_name: 'Salla Analytics', installation_date: '2025-02-01 11:59:59' },
    });
    expect(installed.kind).toBe('app_lifecycle');
    const uninstalled = parsed({
      event: 'app.uninstalled',
      merchant: 9,
      created_at: '2025-02-01 12:00:00',
      data: {},
    });
    expect(uninstalled.kind === 'app_lifecycle' && uninstalled.event).toBe('app.uninstalled');
  });
});

describe('unknown and invalid deliveries', () => {
  it('keeps unknown events as kind unknown, data untouched', () => {
    const data = { anything: ['goes', 1], nested: { ok: true } };
    const webhook = parsed({
      event: 'loyalty.points.earned',
      merchant: 3,
      created_at: '2025-01-01 00:00:00',
      data,
    });
    expect(webhook).toEqual({
      kind: 'unknown',
      event: 'loyalty.points.earned',
      merchantId: 3,
      createdAt: new Date('2024-12-31T21:00:00.000Z'),
      data,
    });
    expect(
      parsed({ event: 'order.shipment.created', merchant: 3, created_at: '2025-01-01', data: {} }).kind,
    ).toBe('unknown');
  });

  it('rejects a broken envelope with the paths', () => {
    const error = failure({ event: '', merchant: 'abc', data: [] });
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = ((error.context?.issues ?? []) as Array<{ path: string }>).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['event', 'merchant', 'created_at', 'data']));
  });

  it('rejects event names with control characters or lone surrogates (the inbox cannot store them)', () => {
    for (const event of ['order\u0000created', 'order\ncreated', '\ud800', 'x'.repeat(101)]) {
      const paths = ((failure({ event, merchant: 3, created_at: '2025-01-01', data: {} }).context?.issues ?? []) as Array<{ path: string }>).map((issue) => issue.path);
      expect(paths, JSON.stringify(event)).toEqual(['event']);
    }
    expect(parsed({ event: 'حدث.جديد 𝔘', merchant: 3, created_at: '2025-01-01', data: {} }).kind).toBe('unknown');
  });

  it('rejects a known event whose data is invalid, with data. paths', () => {
    const body = fixture('order.created.json');
    setPath(body, ['data', 'amounts', 'total', 'amount'], 'lots');
    const error = failure(body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.context?.event).toBe('order.created');
    expect(error.context?.issues).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^data\.amounts\.total/) }),
    ]);
  });

  it('requires amounts and status on order.created', () => {
    const error = failure({
      event: 'order.created',
      merchant: 1,
      created_at: '2025-01-01 10:00:00',
      data: { id: 1 },
    });
    expect(error.message).toContain('amounts');
    const deleted = parsed({
      event: 'order.deleted',
      merchant: 1,
      created_at: '2025-01-01 10:00:00',
      data: { id: 1 },
    });
    expect(deleted.kind).toBe('order');
  });
});

describe('parseSallaWebhookEnvelope', () => {
  it('accepts an envelope whose payload parseSallaWebhook refuses, and refuses what parseSallaWebhook refuses as an envelope', () => {
    const body = { event: 'order.created', merchant: '4243', created_at: '2025-05-01 10:00:00', data: { id: 5, status: 'x' } };
    const envelope = parseSallaWebhookEnvelope(body);
    expect(envelope.ok && { event: envelope.value.event, merchant: envelope.value.merchant }).toEqual({ event: 'order.created', merchant: 4243 });
    expect(parseSallaWebhook(body).ok).toBe(false);
    for (const bad of [{ ...body, merchant: undefined }, { ...body, event: ' ' }, { ...body, data: [] }, { ...body, created_at: 'yesterday' }, null]) {
      const result = parseSallaWebhookEnvelope(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/^Invalid Salla webhook envelope/);
      const full = parseSallaWebhook(bad);
      expect(!full.ok && full.error.message).toBe(!result.ok && result.error.message);
    }
  });
});
