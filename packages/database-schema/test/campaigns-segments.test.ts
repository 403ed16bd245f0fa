import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignRules,
  claimRecoverySend,
  createCustomerSegment,
  createRecoveryCampaign,
  type Database,
  deleteCustomerSegment,
  finishRecoverySend,
  getCustomerSegment,
  getRecoveryCampaign,
  isUniqueViolation,
  listActiveRecoveryCampaigns,
  listCustomerSegments,
  listRecoveryCampaigns,
  listRecoverySends,
  updateCustomerSegment,
  updateRecoveryCampaign,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const A = 1305146709n;
const B = 42;
const rules = { delayMinutes: 60, minCartValueMinor: 10_000, maxAttempts: 2, attemptSpacingMinutes: 1_440, quietHours: { start: 1_320, end: 480 }, attributionWindowHours: 72 };
let postgres: TestPostgres;
let db: Database;

beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
});
afterAll(async () => postgres?.stop());

describe('custom segments', () => {
  it('are saved, listed, renamed and deleted per store only', async () => {
    const vip = await createCustomerSegment(db, { merchantId: A, name: 'VIP الرياض', filters: { minSpendMinor: 100_000, city: 'الرياض' } });
    await createCustomerSegment(db, { merchantId: B, name: 'VIP الرياض', filters: {} });
    await expect(createCustomerSegment(db, { merchantId: A, name: 'VIP الرياض', filters: {} })).rejects.toSatisfy(isUniqueViolation);
    expect((await listCustomerSegments(db, A)).map((s) => [s.name, s.filters])).toEqual([['VIP الرياض', { minSpendMinor: 100_000, city: 'الرياض' }]]);
    expect(await getCustomerSegment(db, { merchantId: B, id: vip.id })).toBeNull();
    expect(await updateCustomerSegment(db, { merchantId: B, id: vip.id }, { name: 'stolen' })).toBeNull();
    expect(await deleteCustomerSegment(db, { merchantId: B, id: vip.id })).toBe(false);
    expect((await updateCustomerSegment(db, { merchantId: A, id: vip.id }, { name: 'كبار العملاء' }))?.name).toBe('كبار العملاء');
    expect(await getCustomerSegment(db, { merchantId: A, id: 'not-a-uuid' })).toBeNull();
    expect(await deleteCustomerSegment(db, { merchantId: A, id: vip.id })).toBe(true);
    expect(await listCustomerSegments(db, A)).toEqual([]);
  });
});

describe('recovery campaigns', () => {
  it('keep their rules, are scoped per store, and pausing takes them off the active list', async () => {
    const since = new Date('2026-03-01T00:00:00Z');
    const campaign = await createRecoveryCampaign(db, { merchantId: A, name: 'سلة متروكة', rules, activeSince: since });
    const other = await createRecoveryCampaign(db, { merchantId: B, name: 'B', rules: { ...rules, quietHours: null } });
    expect(campaignRules(campaign)).toEqual(rules);
    expect(campaignRules(other).quietHours).toBeNull();
    expect(campaign.activeSince.toISOString()).toBe(since.toISOString());
    expect((await listRecoveryCampaigns(db, A)).map((c) => c.id)).toEqual([campaign.id]);
    expect(await getRecoveryCampaign(db, { merchantId: B, id: campaign.id })).toBeNull();
    expect(await updateRecoveryCampaign(db, { merchantId: B, id: campaign.id }, { status: 'paused' })).toBeNull();
    expect((await listActiveRecoveryCampaigns(db)).map((c) => c.id).sort()).toEqual([campaign.id, other.id].sort());
    const paused = await updateRecoveryCampaign(db, { merchantId: A, id: campaign.id }, { status: 'paused', rules: { ...rules, maxAttempts: 3 } });
    expect(paused).toMatchObject({ status: 'paused', maxAttempts: 3 });
    expect((await listActiveRecoveryCampaigns(db)).map((c) => c.id)).toEqual([other.id]);
    await expect(createRecoveryCampaign(db, { merchantId: A, name: 'bad', rules: { ...rules, maxAttempts: 0 } })).rejects.toThrow();
  });

  it('claim each (campaign, cart, attempt) once', async () => {
    const campaign = await createRecoveryCampaign(db, { merchantId: A, name: 'claims', rules });
    const input = { merchantId: A, campaignId: campaign.id, cartId: 77, customerId: 5, attempt: 1, idempotencyKey: `cart-recovery:${campaign.id}:77:1`, cartValueMinor: 25_000, currency: 'SAR' };
    const results = await Promise.all([claimRecoverySend(db, input), claimRecoverySend(db, input), claimRecoverySend(db, input)]);
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    const id = results[0]!.send.id;
    const sentAt = new Date('2026-03-02T09:00:00Z');
    expect(await finishRecoverySend(db, id, { status: 'sent', sentAt })).toBe(true);
    expect(await finishRecoverySend(db, id, { status: 'skipped' })).toBe(false);
    const sends = await listRecoverySends(db, { merchantId: A, campaignId: campaign.id });
    expect(sends.map((s) => [s.cartId, s.attempt, s.status, s.sentAt?.toISOString()])).toEqual([[77n, 1, 'sent', sentAt.toISOString()]]);
    expect(await listRecoverySends(db, { merchantId: B, campaignId: campaign.id })).toEqual([]);
  });
});
