import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCacheEmailLedger,
  createEmailSender,
  createLruCacheStore,
  createPostmarkSender,
  EMAIL_TEMPLATES,
  type EmailLocale,
  type EmailTemplateName,
  type LocalPostmark,
  type OutboxEmail,
  postmarkTemplateAlias,
  readEmailEnv,
  renderEmail,
  startLocalPostmarkServer,
} from '../src/index.js';

const TOKEN = 'postmark-server-token-test';
let postmark: LocalPostmark;
const model = { name: 'نورة', storeName: 'متجر التمور', orders: 50000, products: 120, customers: 9000 };

beforeAll(async () => {
  postmark = await startLocalPostmarkServer({ serverToken: TOKEN });
  // Postmark-hosted templates, uploaded from the same definitions.
  for (const template of Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[]) {
    for (const locale of ['ar', 'en'] as EmailLocale[]) {
      const source = EMAIL_TEMPLATES[template][locale];
      postmark.addTemplate(postmarkTemplateAlias(template, locale), { subject: source.subject, html: source.body.join('<br>'), text: source.body.join('\n') });
    }
  }
});
afterAll(async () => {
  await postmark?.close();
});

const sender = (options: Partial<Parameters<typeof createPostmarkSender>[0]> = {}) =>
  createPostmarkSender({ serverToken: TOKEN, apiUrl: postmark.url, from: 'Salla Analytics <no-reply@example.com>', ledger: createCacheEmailLedger(createLruCacheStore()), registry: new Registry(), ...options });

describe('templates', () => {
  it('renders Arabic right to left and English left to right, escaping model values in HTML', () => {
    const ar = renderEmail('backfill_completed', 'ar', { ...model, name: '<b>نورة</b>' });
    expect(ar.subject).toBe('اكتمل استيراد سجل متجر متجر التمور');
    expect(ar.html).toContain('dir="rtl"');
    expect(ar.html).toContain('lang="ar"');
    expect(ar.html).toContain('&#60;b&#62;نورة');
    expect(ar.text).toContain('50000 طلب');
    const en = renderEmail('backfill_completed', 'en', model);
    expect(en.html).toContain('dir="ltr"');
    expect(en.subject).toBe('Your متجر التمور history is imported');
    expect(() => renderEmail('alert_triggered', 'en', { name: 'x' })).toThrow(/needs "metric"/);
  });
});

describe('Postmark through the official SDK against the local Postmark API', () => {
  it('sends a rendered email to /email (Arabic) with tag, stream and metadata', async () => {
    const result = await sender().send({ to: 'owner@example.com', template: 'backfill_completed', locale: 'ar', model, idempotencyKey: 'k-1', merchantId: 42 });
    expect(result.status).toBe('sent');
    const message = postmark.messages().find((m) => m.MessageID === result.messageId);
    expect(message).toMatchObject({ endpoint: '/email', To: 'owner@example.com', Tag: 'backfill_completed', MessageStream: 'outbound', Metadata: { idempotency_key: 'k-1', merchant_id: '42' } });
    expect(message?.Subject).toBe('اكتمل استيراد سجل متجر متجر التمور');
    expect(message?.HtmlBody).toContain('dir="rtl"');
  });

  it('sends with a Postmark-hosted template to /email/withTemplate (English)', async () => {
    const result = await sender({ serverTemplates: true }).send({ to: 'owner@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'k-2' });
    const message = postmark.messages().find((m) => m.MessageID === result.messageId);
    expect(message).toMatchObject({ endpoint: '/email/withTemplate', TemplateAlias: 'backfill-completed-en', Subject: 'Your متجر التمور history is imported' });
  });

  it('is idempotent: the same key is sent once, also by concurrent callers sharing the ledger', async () => {
    const ledger = createCacheEmailLedger(createLruCacheStore());
    const a = sender({ ledger });
    const b = sender({ ledger });
    const before = postmark.messages().length;
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => a.send({ to: 'o@example.com', template: 'alert_triggered', locale: 'en', model: { name: 'x', metric: 'AOV', storeName: 's', change: '-12%' }, idempotencyKey: 'k-3' })),
      ...Array.from({ length: 5 }, () => b.send({ to: 'o@example.com', template: 'alert_triggered', locale: 'en', model: { name: 'x', metric: 'AOV', storeName: 's', change: '-12%' }, idempotencyKey: 'k-3' })),
    ]);
    expect(postmark.messages().length - before).toBe(1);
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(1);
    const again = await a.send({ to: 'o@example.com', template: 'alert_triggered', locale: 'en', model: { name: 'x', metric: 'AOV', storeName: 's', change: '-12%' }, idempotencyKey: 'k-3' });
    expect(again).toEqual({ status: 'duplicate', messageId: results.find((r) => r.status === 'sent')?.messageId });
  });

  it('a failed send gives the key back so a retry sends; a 422 is the caller’s error', async () => {
    const s = sender();
    postmark.failNext(500, 1);
    await expect(s.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'k-4' })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect((await s.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'k-4' })).status).toBe('sent');
    await expect(s.send({ to: 'not-an-address', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'k-5' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sender({ serverToken: 'wrong' }).send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'k-6' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('the breaker opens while Postmark is down (calls fail fast without reaching it) and closes after recovery', async () => {
    const s = sender({ breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 300 } });
    postmark.down(true);
    for (let i = 0; i < 2; i++) await expect(s.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: `down-${i}` })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const before = postmark.requests();
    await expect(s.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'down-2' })).rejects.toThrow(/circuit open/);
    expect(postmark.requests()).toBe(before);
    postmark.down(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await s.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'en', model, idempotencyKey: 'down-2' })).status).toBe('sent');
  });
});

describe('outbox (embedded default, no POSTMARK_TOKEN)', () => {
  it('records each email once and writes it to the folder instead of sending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const rows = new Map<string, OutboxEmail & { id: string }>();
      const outbox = {
        async record(email: OutboxEmail) {
          const existing = rows.get(email.idempotencyKey);
          if (existing) return { id: existing.id, duplicate: true };
          const id = `email-${rows.size + 1}`;
          rows.set(email.idempotencyKey, { ...email, id });
          return { id, duplicate: false };
        },
      };
      const env = readEmailEnv({ EMAIL_OUTBOX_DIR: dir });
      const email = createEmailSender(env, { outbox });
      expect(email.kind).toBe('outbox');
      const before = postmark.requests();
      const first = await email.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'ar', model, idempotencyKey: 'job-1' });
      const second = await email.send({ to: 'o@example.com', template: 'backfill_completed', locale: 'ar', model, idempotencyKey: 'job-1' });
      expect(first).toEqual({ status: 'written', messageId: 'email-1' });
      expect(second).toEqual({ status: 'duplicate', messageId: 'email-1' });
      expect(postmark.requests()).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(['email-1.html', 'email-1.json']);
      const saved = JSON.parse(readFileSync(join(dir, 'email-1.json'), 'utf8'));
      expect(saved).toMatchObject({ to: 'o@example.com', subject: 'اكتمل استيراد سجل متجر متجر التمور', locale: 'ar', template: 'backfill_completed' });
      expect(readFileSync(join(dir, 'email-1.html'), 'utf8')).toContain('dir="rtl"');
      expect(createEmailSender(readEmailEnv({ POSTMARK_TOKEN: TOKEN, POSTMARK_API_URL: postmark.url }), { outbox }).kind).toBe('postmark');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
