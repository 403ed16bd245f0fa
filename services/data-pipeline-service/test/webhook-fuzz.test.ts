import { generateStore, toWebhookDeliveries } from '@salla-analytics/core-library';
import { deliveryKeyOf } from '@salla-analytics/database-schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSallaBody } from '../src/index.js';
import { drained, type Engines, type RunningPipeline, SECRET, startEngines, startPipeline, TOKEN } from './support/harness.js';

// Property tests of the webhook endpoint (fast-check): whatever arrives — random bytes, truncated
// or oversized bodies, wrong content types, hostile Unicode — the answer is never a 5xx, the
// process stays up, and each body is either kept (inbox or dead letter) or refused with a code.

const BODY_LIMIT = 32_768;
const M = 760001;
const deliveries = toWebhookDeliveries(generateStore({ seed: 23, merchantId: M, months: 1, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 40 }));
const deliveryTexts = deliveries.map((delivery) => JSON.stringify(delivery));
/** Personal data and credentials planted in bodies: they must never reach a log line. */
const PLANTED = { email: 'fuzz.victim@example.sa', mobile: '+966512345678', name: 'نورة الفزّاز', accessToken: 'salla-access-token-fuzz-0123456789' };

let engines: Engines;
let run: RunningPipeline;
beforeAll(async () => {
  engines = await startEngines();
  run = await startPipeline(engines, { PIPELINE_BODY_LIMIT_BYTES: String(BODY_LIMIT), QUEUE_RETRY_LIMIT: '1', QUEUE_RETRY_DELAY_SECONDS: '1' });
});
afterAll(async () => {
  await run?.stop();
  await engines?.stop();
});

// Strings an attacker would reach for: bidi overrides and isolates, NUL and other controls,
// lone surrogates, zero-width and combining marks, RTL text, quotes and SQL.
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202Eeulav\u202C', '\u2066\u2067\u2068\u2069', 'a\u0000b', '\uD800', '\uDC00x', '\uFEFF\u200B\u200D', 'e\u0301\u0301\u0301', 'سلة\u200F', "'; DROP TABLE webhook_inbox; --", '\\u0000', '𝔘𝔫𝔦'),
);

/** Raw bytes no JSON encoder would write: NUL, overlong forms, surrogates encoded as UTF-8, > U+10FFFF, stray continuation bytes. */
const hostileBytes = fc.constantFrom([0x00], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x80], [0xe2, 0x80, 0xae]);

const delivery = fc.constantFrom(...deliveries) as unknown as fc.Arbitrary<Record<string, unknown> & { data: Record<string, unknown> }>;

/** A real delivery with some of its fields replaced by hostile values (and personal data planted in it). */
const mutatedEnvelope = fc
  .record({
    base: delivery,
    event: fc.option(fc.oneof(hostileString, fc.constantFrom('order.unknown.event', 'app.trial.started', ''.padEnd(300, 'x'))), { nil: undefined }),
    merchant: fc.option(fc.oneof(fc.integer(), fc.double(), hostileString, fc.constantFrom(2 ** 64, -1, 0, '760001', null)), { nil: undefined }),
    createdAt: fc.option(fc.oneof(hostileString, fc.constantFrom('2025-13-45 25:61:61', 'Sun Jun 26 2022 13:29:51 GMT+0300', '')), { nil: undefined }),
    dataKey: fc.option(hostileString, { nil: undefined }),
    dataValue: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 3 })),
  })
  .map(({ base, event, merchant, createdAt, dataKey, dataValue }) => {
    const envelope: Record<string, unknown> = { ...base, data: { ...base.data, customer: { first_name: PLANTED.name, email: PLANTED.email, mobile: PLANTED.mobile }, access_token: PLANTED.accessToken } };
    if (event !== undefined) envelope.event = event;
    if (merchant !== undefined) envelope.merchant = merchant;
    if (createdAt !== undefined) envelope.created_at = createdAt;
    if (dataKey !== undefined) (envelope.data as Record<string, unknown>)[dataKey] = dataValue;
    return Buffer.from(JSON.stringify(envelope));
  });

/** Bodies that must be accepted as they are: unknown events with any data, hostile text in extra top-level keys. */
const acceptable = fc.oneof(
  fc.record({ base: delivery, key: hostileString, value: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })) }).map(({ base, key, value }) =>
    Buffer.from(JSON.stringify({ ...base, [`x_${key}`]: value })),
  ),
  fc.record({ base: delivery, event: fc.constantFrom('app.trial.started', 'order.unknown.event', 'review.added', 'حدث.جديد'), data: fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 })) }).map(
    ({ base, event, data }) => Buffer.from(JSON.stringify({ ...base, event, data })),
  ),
);

/** Raw hostile bytes spliced into a real delivery (inside a string, or anywhere). */
const splicedBytes = fc.record({ text: fc.constantFrom(...deliveryTexts), at: fc.nat(), bytes: hostileBytes }).map(({ text, at, bytes }) => {
  const raw = Buffer.from(text);
  const cut = at % raw.length;
  return Buffer.concat([raw.subarray(0, cut), Buffer.from(bytes), raw.subarray(cut)]);
});

const truncated = fc.record({ text: fc.constantFrom(...deliveryTexts), at: fc.nat() }).map(({ text, at }) => Buffer.from(text.slice(0, at % text.length)));
const randomBytes = fc.uint8Array({ maxLength: 2_048 }).map((bytes) => Buffer.from(bytes));
const randomJson = fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null'));
const oversized = fc.record({ text: fc.constantFrom(...deliveryTexts), extra: fc.integer({ min: 1, max: 20_000 }) }).map(({ text, extra }) =>
  Buffer.from(`${text.slice(0, -1)},"padding":"${'ا'.repeat(Math.ceil((BODY_LIMIT + extra) / 2))}"}`),
);

/** A body that prints as a short summary in fast-check's counterexamples (oversized ones are 32 KB). */
const summarized = (kind: string) => (bytes: Buffer) => ({
  bytes,
  [fc.toStringMethod]: () => `${kind}(${bytes.length} bytes: ${JSON.stringify(bytes.subarray(0, 160).toString('latin1'))})`,
});
const body = fc.oneof(
  { arbitrary: mutatedEnvelope.map(summarized('mutated')), weight: 4 },
  { arbitrary: acceptable.map(summarized('acceptable')), weight: 3 },
  { arbitrary: splicedBytes.map(summarized('spliced')), weight: 3 },
  { arbitrary: truncated.map(summarized('truncated')), weight: 2 },
  { arbitrary: randomBytes.map(summarized('random')), weight: 2 },
  { arbitrary: randomJson.map(summarized('json')), weight: 2 },
  { arbitrary: oversized.map(summarized('oversized')), weight: 1 },
);
const contentType = fc.option(
  fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/octet-stream', '\u202Eapplication/json', ''),
  { nil: undefined },
);
/** How the request authenticates: the right signature, the token strategy, a wrong one, none. */
const auth = fc.constantFrom('signature', 'signature', 'signature', 'token', 'wrong', 'none');

type Seen = { key: string; status: number; reason?: string };
const seen: Seen[] = [];

async function post(raw: Buffer, type: string | undefined, how: string) {
  const headers: Record<string, string> = {};
  if (type !== undefined) headers['content-type'] = type.replace(/[^\t\x20-\x7e]/g, '?');
  if (how === 'signature') headers['x-salla-signature'] = signSallaBody(raw, SECRET);
  if (how === 'token') headers.authorization = `Bearer ${TOKEN}`;
  if (how === 'wrong') headers['x-salla-signature'] = signSallaBody(raw, 'not-the-secret-0123456789');
  const response = await fetch(`${run.url}/webhooks/salla`, { method: 'POST', body: raw, headers });
  return { status: response.status, json: (await response.json()) as { status?: string; id?: string; error?: { code: string; message: string; reason?: string } } };
}

describe('webhook endpoint fuzz (fast-check)', () => {
  it('never answers 5xx: every body is accepted and kept, kept as a dead letter with its reason, or refused with a code', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, auth, async (raw, type, how) => {
        const { status, json } = await post(raw.bytes, type, how);
        expect(status).toBeLessThan(500);
        if (status !== 200) expect(json.error?.code).toMatch(/^[A-Z_]+$/);
        // A Content-Type that is no media type at all (empty, stray characters) is refused before anything is read.
        const sentType = type?.replace(/[^\t\x20-\x7e]/g, '?');
        if (sentType !== undefined && !/^[\w.+-]+\/[\w.+-]+( *;.*)?$/.test(sentType) && status === 415) {
          expect(json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
          return;
        }
        const authentic = how === 'signature' || how === 'token';
        if (raw.bytes.length > BODY_LIMIT) {
          expect(status).toBe(413);
          expect(json.error?.code).toBe('PAYLOAD_TOO_LARGE');
          return;
        }
        if (!authentic) {
          expect(status).toBe(401);
          expect(json.error?.code).toBe('INVALID_SIGNATURE');
          return;
        }
        expect([200, 400]).toContain(status);
        if (status === 200) expect(['accepted', 'duplicate']).toContain(json.status);
        else {
          expect(json.error?.code).toBe('VALIDATION_FAILED');
          expect(json.error?.reason).toMatch(/^invalid_(encoding|json|envelope)$/);
        }
        seen.push({ key: deliveryKeyOf(raw.bytes), status, ...(json.error?.reason ? { reason: json.error.reason } : {}) });
      }),
      { numRuns: 3_000, seed: 20261122 },
    );

    console.log(`webhook fuzz: ${seen.length} authentic bodies: ${JSON.stringify(Object.fromEntries([200, 400].map((status) => [status, seen.filter((entry) => entry.status === status).length])))}`);
    // Still up, and the consumers got through everything that was accepted.
    expect((await fetch(`${run.url}/health`)).status).toBe(200);
    await drained(engines, 120_000);

    // Kept: each accepted body is in the inbox, each refused one a dead letter with the same bytes and reason.
    const inbox = new Set((await engines.postgres.query<{ key: string }>('pipeline', 'SELECT delivery_key AS key FROM webhook_inbox')).map((row) => row.key));
    const letters = new Map(
      (await engines.postgres.query<{ key: string; reason: string }>('pipeline', `SELECT encode(sha256(payload), 'hex') AS key, reason FROM dead_letters WHERE source = 'webhook'`)).map((row) => [row.key, row.reason]),
    );
    const accepted = seen.filter((entry) => entry.status === 200);
    const refused = seen.filter((entry) => entry.status === 400);
    expect(accepted.filter((entry) => !inbox.has(entry.key))).toEqual([]);
    expect(refused.filter((entry) => letters.get(entry.key) !== entry.reason)).toEqual([]);
    // The fuzz reached every outcome (so the checks above could fail).
    expect(accepted.length).toBeGreaterThan(300);
    expect(new Set(refused.map((entry) => entry.reason))).toEqual(new Set(['invalid_encoding', 'invalid_json', 'invalid_envelope']));
    // A valid envelope whose payload the schemas refuse was kept (200) and dead-lettered by the
    // consumer with the same bytes, its inbox entry failed: reached, and nothing else failed.
    const consumerLetters = await engines.postgres.query<{ key: string; reason: string; status: string | null }>(
      'pipeline',
      `SELECT encode(sha256(d.payload), 'hex') AS key, d.reason, i.status::text AS status
       FROM dead_letters d LEFT JOIN webhook_inbox i ON i.merchant_id = d.merchant_id AND i.delivery_key = encode(sha256(d.payload), 'hex')
       WHERE d.source = 'queue'`,
    );
    expect(consumerLetters.length).toBeGreaterThan(0);
    expect(consumerLetters.filter((letter) => letter.reason !== 'invalid_payload' || letter.status !== 'failed')).toEqual([]);
    const acceptedKeys = new Set(accepted.map((entry) => entry.key));
    expect(consumerLetters.filter((letter) => !acceptedKeys.has(letter.key))).toEqual([]);

    // The captured logs carry neither the secrets nor the planted personal data.
    const logs = run.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect([SECRET, TOKEN, ...Object.values(PLANTED)].filter((needle) => logs.includes(needle))).toEqual([]);
  });
});
