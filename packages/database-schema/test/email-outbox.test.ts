import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, listOutboxEmails, recordOutboxEmail } from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
});
afterAll(async () => {
  await postgres?.stop();
});

const email = (key: string, merchantId: number | null = 1305146709) => ({
  idempotencyKey: key,
  merchantId,
  from: 'Salla Analytics <no-reply@example.com>',
  to: 'owner@example.com',
  subject: 'اكتمل استيراد سجل متجرك',
  htmlBody: '<p dir="rtl">مرحباً</p>',
  textBody: 'مرحباً',
  template: 'backfill_completed',
  locale: 'ar',
});

describe('email outbox', () => {
  it('records an email once per idempotency key, even when the same key arrives concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => recordOutboxEmail(db, email('backfill_completed:job-1'))));
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(results.map((result) => result.email.id)).size).toBe(1);
    expect(results[0]?.email).toMatchObject({ toAddress: 'owner@example.com', subject: 'اكتمل استيراد سجل متجرك', locale: 'ar', merchantId: 1305146709n });
  });

  it('lists newest first, per merchant or all', async () => {
    await recordOutboxEmail(db, email('k-2', 42));
    await recordOutboxEmail(db, email('k-3', null));
    expect((await listOutboxEmails(db, { merchantId: 42 })).map((row) => row.idempotencyKey)).toEqual(['k-2']);
    expect((await listOutboxEmails(db)).map((row) => row.idempotencyKey)).toEqual(['k-3', 'k-2', 'backfill_completed:job-1']);
  });
});
