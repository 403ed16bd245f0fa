import type { EmailLocale, EmailModel, EmailTemplateName } from './templates.js';

/** One transactional email, by template. `idempotencyKey` makes a repeat a no-op. */
export interface TemplatedEmail {
  to: string;
  template: EmailTemplateName;
  locale: EmailLocale;
  model: EmailModel;
  /** The same key is sent once (e.g. `backfill_completed:<jobId>`). */
  idempotencyKey: string;
  merchantId?: number;
  /** Postmark's tag (reporting); defaults to the template name. */
  tag?: string;
}

export interface EmailSendResult {
  /** `sent` by Postmark, `written` to the outbox, or a `duplicate` of an earlier send with the same key. */
  status: 'sent' | 'written' | 'duplicate';
  /** Postmark's MessageID, or the outbox id. */
  messageId: string | null;
}

export interface EmailSender {
  readonly kind: 'postmark' | 'outbox';
  send(email: TemplatedEmail): Promise<EmailSendResult>;
  close(): Promise<void>;
}
