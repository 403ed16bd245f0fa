import type { Database } from '@salla-analytics/database-schema';
import type { EmailSender } from '@salla-analytics/integration-gateways';
import type { createAnalyticsClient, IAnalyticsRepository } from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import { type SendEmailOnceInput, type SendEmailOnceResult, sendEmailOnce } from '../email/send-email-once.js';

/** What every scheduled feature (alerts, digests, campaigns, exports) gets to work with. */
export interface AutomationDeps {
  db: Database;
  /** Merchant-scoped analytics reads. */
  analytics: IAnalyticsRepository;
  /** The raw ClickHouse client, for queries of olap-repository not on the interface. */
  clickhouse: ReturnType<typeof createAnalyticsClient>;
  /** Postmark or the outbox. Send through `sendEmailOnce`, never directly. */
  email: EmailSender;
  /** At most once per (merchant, idempotency key): see src/email/send-email-once.ts. */
  sendEmailOnce(input: SendEmailOnceInput): Promise<SendEmailOnceResult>;
  logger: Logger;
  /** The scheduler's clock (tests inject one). */
  clock: () => Date;
  /** The PWA's public URL, for links in emails (APP_PUBLIC_URL). */
  appUrl: string;
}

export function createAutomationDeps(deps: Omit<AutomationDeps, 'sendEmailOnce' | 'appUrl'> & { appUrl?: string }): AutomationDeps {
  return { ...deps, appUrl: deps.appUrl ?? 'http://localhost:3000', sendEmailOnce: (input) => sendEmailOnce({ db: deps.db, sender: deps.email }, input) };
}
