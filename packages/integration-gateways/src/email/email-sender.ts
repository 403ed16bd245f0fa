import type { EmailLocale, EmailModel, EmailTemplateName, RenderedEmail } from './templates.js';

/**
 * One transactional email: by one of our text templates (`template` + `model`), or already
 * rendered by its owner (`rendered`: rich emails such as the digests; `template` then only names
 * and tags it). `idempotencyKey` makes a repeat a no-op.
 */
export type TemplatedEmail = EmailEnvelope &
  ({ template: EmailTemplateName; model: EmailModel; rendered?: undefined } | { template: string; rendered: RenderedEmail; model?: undefined });

export interface EmailEnvelope {
  to: string;
  locale: EmailLocale;
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
