import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_MERCHANTS,
  type Database,
  listDeadLetters,
  markDeadLetterReplayed,
  recordDeadLetter,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const MERCHANT_A = 1305146709n;
const MERCHANT_B = 1305146710;

let postgres: TestPostgres;
let db: Database;
beforeAll(async () => {
  postgres = await startPostgres();
  ({ db } = await postgres.createMigratedDatabase());
  await recordDeadLetter(db, {
    source: 'webhook',
    merchantId: MERCHANT_A,
    event: 'order.created',
    reason: 'invalid_payload',
    message: 'data.id: expected number',
    payload: '{"event":"order.created","merchant":1305146709,"data":{"id":"x"}}',
  });
  await recordDeadLetter(db, {
    source: 'queue',
    merchantId: MERCHANT_B,
    event: 'order.updated',
    reason: 'max_attempts',
    message: 'ClickHouse unavailable after 5 attempts',
    payload: '{}',
  });
});
afterAll(async () => {
  await postgres?.stop();
});

describe('recordDeadLetter', () => {
  it('keeps an unparseable delivery byte for byte, with no merchant and no event', async () => {
    const garbage = new Uint8Array([0x7b, 0x00, 0xff, 0xfe, 0x22, 0xc3]); // NUL and invalid UTF-8
    const letter = await recordDeadLetter(db, {
      source: 'webhook',
      merchantId: null,
      reason: 'unparseable_body',
      message: 'Unexpected token in JSON at position 1',
      payload: garbage,
    });
    expect(letter).toMatchObject({ merchantId: null, event: null, replayCount: 0, replayedAt: null });
    const stored = await db.deadLetter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(Array.from(stored.payload)).toEqual(Array.from(garbage));
  });

  it('stores a blank event as null and NUL in text as U+FFFD (PostgreSQL text cannot hold NUL)', async () => {
    const letter = await recordDeadLetter(db, {
      source: 'webhook',
      merchantId: null,
      event: ' ',
      reason: 'invalid_envelope',
      message: 'data.a\u0000b: expected string',
      payload: '{"data":{"a\\u0000b":1}}',
    });
    expect(letter).toMatchObject({ event: null, message: 'data.a\uFFFDb: expected string' });
    const named = await recordDeadLetter(db, { source: 'webhook', merchantId: null, event: 'a\u0000b', reason: 'invalid_envelope', message: '', payload: '' });
    expect(named.event).toBe('a\uFFFDb');
    await db.deadLetter.deleteMany({ where: { id: { in: [letter.id, named.id] } } });
  });

  it('rejects a reason that is not a machine-readable code', async () => {
    await expect(
      recordDeadLetter(db, {
        source: 'webhook',
        merchantId: null,
        reason: 'Bad Payload!',
        message: '',
        payload: '',
      }),
    ).rejects.toThrow();
  });
});

describe('listDeadLetters', () => {
  it('is scoped to one merchant', async () => {
    const a = await listDeadLetters(db, { merchantId: MERCHANT_A });
    expect(a.map((l) => l.reason)).toEqual(['invalid_payload']);
    expect(a.every((l) => l.merchantId === MERCHANT_A)).toBe(true);

    const b = await listDeadLetters(db, { merchantId: MERCHANT_B });
    expect(b.map((l) => l.reason)).toEqual(['max_attempts']);
  });

  it('lists merchant-less letters only when asked for merchantId null, everything only with ALL_MERCHANTS', async () => {
    const orphans = await listDeadLetters(db, { merchantId: null });
    expect(orphans.map((l) => l.reason)).toEqual(['unparseable_body']);

    const all = await listDeadLetters(db, { merchantId: ALL_MERCHANTS });
    expect(all.map((l) => l.reason).sort()).toEqual(['invalid_payload', 'max_attempts', 'unparseable_body']);
    expect(await listDeadLetters(db, { merchantId: ALL_MERCHANTS, source: 'queue' })).toHaveLength(1);
  });

  it('hides replayed letters unless asked, and pages with `after`', async () => {
    const [letter] = await listDeadLetters(db, { merchantId: MERCHANT_A });
    expect(letter).toBeDefined();
    const id = letter?.id ?? '';
    expect(await markDeadLetterReplayed(db, { id, merchantId: MERCHANT_B })).toBe(false); // not B's
    expect(await markDeadLetterReplayed(db, { id, merchantId: MERCHANT_A })).toBe(true);
    expect(await markDeadLetterReplayed(db, { id, merchantId: MERCHANT_A })).toBe(true);

    expect(await listDeadLetters(db, { merchantId: MERCHANT_A })).toEqual([]);
    const withReplayed = await listDeadLetters(db, { merchantId: MERCHANT_A, includeReplayed: true });
    expect(withReplayed[0]).toMatchObject({ id, replayCount: 2 });

    const firstPage = await listDeadLetters(db, {
      merchantId: ALL_MERCHANTS,
      includeReplayed: true,
      limit: 2,
    });
    const secondPage = await listDeadLetters(db, {
      merchantId: ALL_MERCHANTS,
      includeReplayed: true,
      limit: 2,
      after: firstPage.at(-1)?.id ?? '',
    });
    expect(firstPage).toHaveLength(2);
    expect(secondPage).toHaveLength(1);
    expect(new Set([...firstPage, ...secondPage].map((l) => l.id)).size).toBe(3);
  });
});
