import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  findOrCreateUser,
  listAssistantExchanges,
  recordAssistantExchange,
  upsertMerchant,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const A = 1305146709n;
const B = 42;
let postgres: TestPostgres;
let db: Database;
let alice: string;
let bob: string;

beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
  await upsertMerchant(db, { id: A, name: 'متجر أ' });
  await upsertMerchant(db, { id: B, name: 'Store B' });
  alice = (await findOrCreateUser(db, { email: 'alice@example.com' })).user.id;
  bob = (await findOrCreateUser(db, { email: 'bob@example.com' })).user.id;
});
afterAll(async () => postgres?.stop());

const exchange = (merchantId: bigint | number, userId: string, question: string, at: Date) => ({
  merchantId,
  userId,
  question,
  language: 'ar' as const,
  status: 'answered' as const,
  planner: 'offline' as const,
  plan: { tool: 'get_metric', args: { metric: 'netSales' } },
  answer: { narrative: 'صافي المبيعات…', numbers: [{ id: 'netSales', value: 123_45 }] },
  at,
});

describe('assistant history', () => {
  it('keeps each user’s questions per store, newest first, with the answer as JSON', async () => {
    await recordAssistantExchange(db, exchange(A, alice, 'كم بعنا امس؟', new Date('2026-11-01T10:00:00Z')));
    await recordAssistantExchange(db, exchange(A, alice, 'وش أكثر منتج؟', new Date('2026-11-02T10:00:00Z')));
    await recordAssistantExchange(db, exchange(A, bob, 'bob in A', new Date('2026-11-03T10:00:00Z')));
    await recordAssistantExchange(db, exchange(B, alice, 'alice in B', new Date('2026-11-04T10:00:00Z')));
    const history = await listAssistantExchanges(db, { merchantId: A, userId: alice });
    expect(history.map((h) => h.question)).toEqual(['وش أكثر منتج؟', 'كم بعنا امس؟']);
    expect(history[0]?.merchantId).toBe(A);
    expect(history[0]?.answer).toEqual({ narrative: 'صافي المبيعات…', numbers: [{ id: 'netSales', value: 12345 }] });
    expect((await listAssistantExchanges(db, { merchantId: B, userId: alice })).map((h) => h.question)).toEqual(['alice in B']);
    expect((await listAssistantExchanges(db, { merchantId: A, userId: alice, limit: 1 })).map((h) => h.question)).toEqual(['وش أكثر منتج؟']);
    expect(
      (await listAssistantExchanges(db, { merchantId: A, userId: alice, before: new Date('2026-11-02T00:00:00Z') })).map((h) => h.question),
    ).toEqual(['كم بعنا امس؟']);
  });

  it('refuses an exchange without a question or with an unknown planner', async () => {
    await expect(recordAssistantExchange(db, { ...exchange(A, alice, '  ', new Date()) })).rejects.toThrow();
    await expect(recordAssistantExchange(db, { ...exchange(A, alice, 'x', new Date()), planner: 'gpt' as 'llm' })).rejects.toThrow();
  });
});
