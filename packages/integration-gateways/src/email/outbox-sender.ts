import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmailSender, TemplatedEmail } from './email-sender.js';
import { renderEmail } from './templates.js';

/** An email as the outbox keeps it. */
export interface OutboxEmail {
  idempotencyKey: string;
  merchantId: number | null;
  from: string;
  to: string;
  subject: string;
  htmlBody: string;
  textBody: string;
  template: string;
  locale: string;
}

/**
 * Where outbox emails are recorded — a port: database-schema's `recordOutboxEmail` (table
 * `email_outbox`, unique per idempotency key) in the services.
 */
export interface OutboxStore {
  record(email: OutboxEmail): Promise<{ id: string; duplicate: boolean }>;
}

export interface OutboxSenderOptions {
  /** Folder that gets `<id>.json` and `<id>.html` per email. */
  dir: string;
  from: string;
  store: OutboxStore;
}

/**
 * The embedded default: nothing leaves the machine. Each email is rendered exactly as Postmark
 * would get it, recorded in the outbox table (a repeated idempotency key is a duplicate) and
 * written to the outbox folder for a human to open.
 */
export function createOutboxSender(options: OutboxSenderOptions): EmailSender {
  return {
    kind: 'outbox',
    async send(email: TemplatedEmail) {
      const rendered = email.rendered ?? renderEmail(email.template, email.locale, email.model);
      const record: OutboxEmail = {
        idempotencyKey: email.idempotencyKey,
        merchantId: email.merchantId ?? null,
        from: options.from,
        to: email.to,
        subject: rendered.subject,
        htmlBody: rendered.html,
        textBody: rendered.text,
        template: email.template,
        locale: email.locale,
      };
      const { id, duplicate } = await options.store.record(record);
      if (duplicate) return { status: 'duplicate', messageId: id };
      await mkdir(options.dir, { recursive: true });
      await writeFile(join(options.dir, `${id}.json`), `${JSON.stringify({ id, ...record }, null, 2)}\n`);
      await writeFile(join(options.dir, `${id}.html`), rendered.html);
      return { status: 'written', messageId: id };
    },
    async close() {},
  };
}
