import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAlertNotifications,
  createAlertRule,
  type Database,
  findOrCreateUser,
  getDigestPreference,
  listNotifications,
  recordAlertEvent,
  saveDigestPreference,
  upsertMerchant,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const A = 1305146709n;
const B = 42n;
let postgres: TestPostgres;
let db: Database;

beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
  await upsertMerchant(db, { id: A, name: 'متجر أ' });
  await upsertMerchant(db, { id: B, name: 'Store B' });
});
afterAll(async () => postgres?.stop());

const PREFERENCE = { enabled: true, frequency: 'daily', hour: 8, locale: 'ar' } as const;

/** A rule of `merchantId` that fired once, with a notification for each of `userIds`. */
async function firedAlert(merchantId: bigint, userIds: string[]) {
  const rule = await createAlertRule(db, merchantId, { name: 'هبوط المبيعات', type: 'revenue_drop', threshold: 30 });
  const { event } = await recordAlertEvent(db, { ruleId: rule.id, merchantId, firedAt: new Date('2026-11-20T06:00:00Z'), details: { value: 1 } });
  await createAlertNotifications(db, { merchantId, alertEventId: event.id, userIds, data: { ruleName: rule.name } });
  return rule;
}

describe('alerts, notifications and digest preferences belong to a store and a user', () => {
  it('deleting a user deletes their notifications and digest preferences, and nobody else’s', async () => {
    const leaving = (await findOrCreateUser(db, { email: 'leaving@example.com' })).user.id;
    const staying = (await findOrCreateUser(db, { email: 'staying@example.com' })).user.id;
    await firedAlert(A, [leaving, staying]);
    for (const userId of [leaving, staying]) {
      await saveDigestPreference(db, A, userId, PREFERENCE);
      await saveDigestPreference(db, B, userId, { ...PREFERENCE, frequency: 'weekly' });
    }

    await db.user.delete({ where: { id: leaving } });

    expect((await listNotifications(db, { merchantId: A, userId: leaving })).items).toEqual([]);
    expect(await getDigestPreference(db, A, leaving)).toBeNull();
    expect(await getDigestPreference(db, B, leaving)).toBeNull();
    expect((await listNotifications(db, { merchantId: A, userId: staying })).items).toHaveLength(1);
    expect(await getDigestPreference(db, B, staying)).toMatchObject({ frequency: 'weekly' });
  });

  it('deleting a store deletes its alert rules, their history, notifications and digest preferences', async () => {
    const gone = 777n;
    await upsertMerchant(db, { id: gone, name: 'Closing store' });
    const user = (await findOrCreateUser(db, { email: 'owner@example.com' })).user.id;
    const rule = await firedAlert(gone, [user]);
    await saveDigestPreference(db, gone, user, PREFERENCE);
    await saveDigestPreference(db, A, user, PREFERENCE);

    await db.merchant.delete({ where: { id: gone } });

    expect(await db.alertRule.findUnique({ where: { id: rule.id } })).toBeNull();
    expect(await db.alertEvent.count({ where: { ruleId: rule.id } })).toBe(0);
    expect((await listNotifications(db, { merchantId: gone, userId: user })).items).toEqual([]);
    expect(await getDigestPreference(db, gone, user)).toBeNull();
    expect(await getDigestPreference(db, A, user)).not.toBeNull();
  });

  it('refuses rows for a store or a user that does not exist', async () => {
    const user = (await findOrCreateUser(db, { email: 'someone@example.com' })).user.id;
    await expect(createAlertRule(db, 999_999n, { name: 'x', type: 'no_orders', threshold: 6 })).rejects.toThrow();
    await expect(saveDigestPreference(db, 999_999n, user, PREFERENCE)).rejects.toThrow();
    await expect(saveDigestPreference(db, A, '0190f1d2-0000-7000-8000-000000000000', PREFERENCE)).rejects.toThrow();
    const rule = await firedAlert(A, [user]);
    const { event } = await recordAlertEvent(db, { ruleId: rule.id, merchantId: A, firedAt: new Date('2026-11-21T06:00:00Z'), details: {} });
    await expect(
      createAlertNotifications(db, { merchantId: A, alertEventId: event.id, userIds: ['0190f1d2-0000-7000-8000-000000000001'], data: {} }),
    ).rejects.toThrow();
  });
});
