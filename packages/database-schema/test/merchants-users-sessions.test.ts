import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAuditLog,
  createSession,
  type Database,
  deleteExpiredSessions,
  deleteSession,
  findActiveSession,
  findOrCreateUser,
  findUserByEmail,
  getMerchant,
  grantMembership,
  listAuditLog,
  listUserMerchants,
  setActiveMerchant,
  updateMerchantSettings,
  upsertMerchant,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const MERCHANT_A = 1305146709n;
const MERCHANT_B = 1405146709n;
const newTokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
  await upsertMerchant(db, { id: MERCHANT_A, name: 'متجر أ' });
  await upsertMerchant(db, { id: Number(MERCHANT_B), name: 'Store B', locale: 'en', weekStart: 'sunday' });
});
afterAll(async () => {
  await postgres?.stop();
});

describe('merchants', () => {
  it('get Salla defaults and keep ids beyond int32 exact', async () => {
    const merchant = await getMerchant(db, MERCHANT_A);
    expect(merchant).toMatchObject({
      id: 1305146709n,
      currency: 'SAR',
      timeZone: 'Asia/Riyadh',
      weekStart: 'saturday',
      locale: 'ar',
      status: 'active',
    });
    expect(merchant?.installedAt).toBeInstanceOf(Date);
  });

  it('re-install refreshes identity but keeps settings the merchant chose', async () => {
    await updateMerchantSettings(db, MERCHANT_B, { timeZone: 'Asia/Dubai', currency: 'AED' });
    const again = await upsertMerchant(db, {
      id: MERCHANT_B,
      name: 'Store B (renamed)',
      domain: 'b.salla.sa',
    });
    expect(again).toMatchObject({
      name: 'Store B (renamed)',
      timeZone: 'Asia/Dubai',
      currency: 'AED',
      weekStart: 'sunday',
    });
  });

  it('validate settings and report an unknown merchant as null', async () => {
    await expect(updateMerchantSettings(db, MERCHANT_A, { timeZone: 'Mars/Olympus' })).rejects.toThrow();
    await expect(updateMerchantSettings(db, MERCHANT_A, { currency: 'riyal' })).rejects.toThrow();
    expect(await updateMerchantSettings(db, 99, { locale: 'en' })).toBeNull();
  });
});

describe('users, memberships and sessions', () => {
  it('find or create a user by case-insensitive email', async () => {
    const first = await findOrCreateUser(db, { email: '  Owner@Example.COM ', name: 'Owner' });
    const second = await findOrCreateUser(db, { email: 'owner@example.com', name: 'Someone else' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ user: first.user, created: false });
    expect(first.user.email).toBe('owner@example.com');
    expect((await findUserByEmail(db, 'OWNER@example.com'))?.id).toBe(first.user.id);
    expect(await findUserByEmail(db, 'not an email')).toBeNull();
  });

  it('a session acts only for merchants its user is a member of', async () => {
    const { user } = await findOrCreateUser(db, { email: 'analyst@example.com' });
    await grantMembership(db, { userId: user.id, merchantId: MERCHANT_A, role: 'viewer' });
    const tokenHash = newTokenHash();
    const session = await createSession(db, {
      tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });

    expect((await findActiveSession(db, tokenHash))?.merchant).toBeNull();
    expect(await setActiveMerchant(db, session.id, MERCHANT_B)).toBe(false);
    expect(await setActiveMerchant(db, session.id, MERCHANT_A)).toBe(true);
    expect(await findActiveSession(db, tokenHash)).toMatchObject({
      sessionId: session.id,
      user: { id: user.id, email: 'analyst@example.com' },
      merchant: { id: MERCHANT_A, role: 'viewer' },
    });
    expect((await listUserMerchants(db, user.id)).map((m) => m.merchantId)).toEqual([MERCHANT_A]);

    // Revoking the membership takes the merchant away from the live session.
    await db.membership.delete({ where: { userId_merchantId: { userId: user.id, merchantId: MERCHANT_A } } });
    expect((await findActiveSession(db, tokenHash))?.merchant).toBeNull();

    await deleteSession(db, tokenHash);
    expect(await findActiveSession(db, tokenHash)).toBeNull();
  });

  it('treats expired sessions as absent and cleans them up', async () => {
    const { user } = await findOrCreateUser(db, { email: 'old@example.com' });
    const tokenHash = newTokenHash();
    await createSession(db, { tokenHash, userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    expect(await findActiveSession(db, tokenHash)).toBeNull();
    expect(await deleteExpiredSessions(db)).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { tokenHash } })).toBe(0);
  });
});

describe('audit log', () => {
  it('lists only the merchant’s own entries, newest first', async () => {
    await appendAuditLog(db, {
      merchantId: MERCHANT_A,
      actor: 'user:1',
      action: 'settings.updated',
      at: new Date(1_000),
    });
    await appendAuditLog(db, {
      merchantId: MERCHANT_A,
      actor: 'admin-cli',
      action: 'dead_letter.replayed',
      target: 'dead_letter:1',
      data: { count: 1 },
      at: new Date(2_000),
    });
    await appendAuditLog(db, { merchantId: MERCHANT_B, actor: 'user:2', action: 'settings.updated' });

    const entries = await listAuditLog(db, { merchantId: MERCHANT_A });
    expect(entries.map((e) => e.action)).toEqual(['dead_letter.replayed', 'settings.updated']);
    expect(entries[0]?.data).toEqual({ count: 1 });
    expect(await listAuditLog(db, { merchantId: MERCHANT_A, before: new Date(2_000) })).toHaveLength(1);
    expect(await listAuditLog(db, { merchantId: MERCHANT_B })).toHaveLength(1);
  });
});
