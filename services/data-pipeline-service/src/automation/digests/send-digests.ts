import { digestDueAt } from '@salla-analytics/core-library';
import { type DigestRecipient, listDigestRecipients } from '@salla-analytics/database-schema';
import { renderDigestEmail } from '@salla-analytics/integration-gateways';
import type { AutomationDeps } from '../automation-deps.js';

/** Every quarter hour (UTC): each store's local HH:00 falls on one of these ticks (see digestDueAt). */
export const DIGESTS_SCHEDULE = { name: 'digests.send', cron: '*/15 * * * *', maxCatchUp: 8 } as const;

export interface DigestSent {
  userId: string;
  merchantId: number;
  kind: 'daily' | 'weekly';
  localDate: string;
  status: 'sent' | 'skipped';
}

/**
 * Sends the digests due at tick `at`: for each enabled preference whose store-local hour starts at
 * this tick (weekly: on the store's week start), the period's numbers with the previous period's,
 * through the ledger with key `digest:<userId>:<daily|weekly>:<localDate>` — so a re-run of the
 * tick, or a catch-up after downtime, never sends one twice.
 */
export async function sendDigests(deps: AutomationDeps, at: Date): Promise<DigestSent[]> {
  const sent: DigestSent[] = [];
  for (const recipient of await listDigestRecipients(deps.db)) {
    const due = digestDueAt(recipient, recipient, at);
    if (!due) continue;
    const result = await sendOne(deps, recipient, due);
    sent.push({ userId: recipient.userId, merchantId: Number(recipient.merchantId), kind: due.kind, localDate: due.localDate, status: result });
  }
  return sent;
}

async function sendOne(deps: AutomationDeps, recipient: DigestRecipient, due: NonNullable<ReturnType<typeof digestDueAt>>): Promise<'sent' | 'skipped'> {
  const merchantId = Number(recipient.merchantId);
  const [overview, top] = await Promise.all([
    deps.analytics.getRevenueOverview({ merchantId, period: due.period, comparison: due.comparison }),
    deps.analytics.getTopProducts({ merchantId, period: due.period, limit: 5 }),
  ]);
  const metric = (value: { value: number; previous: number | null }) => ({ value: value.value, previous: value.previous });
  const rendered = renderDigestEmail({
    locale: recipient.locale,
    kind: due.kind,
    storeName: recipient.storeName,
    recipientName: recipient.name,
    currency: overview.currency ?? recipient.currency,
    period: { fromDate: due.period.fromDate, toDate: due.period.toDate },
    comparison: { fromDate: due.comparison.fromDate, toDate: due.comparison.toDate },
    metrics: {
      netSales: metric(overview.metrics.netSales),
      orders: metric(overview.metrics.orders),
      aov: metric(overview.metrics.aov),
      uniqueCustomers: metric(overview.metrics.uniqueCustomers),
    },
    topProducts: top.map((product) => ({ name: product.name, quantity: product.quantity, revenueMinor: product.revenueMinor })),
    dashboardUrl: `${deps.appUrl}/`,
    settingsUrl: `${deps.appUrl}/settings`,
  });
  const result = await deps.sendEmailOnce({
    merchantId: recipient.merchantId,
    idempotencyKey: `digest:${recipient.userId}:${due.kind}:${due.localDate}`,
    email: { to: recipient.email, locale: recipient.locale, template: `${due.kind}_digest`, rendered },
  });
  return result.status === 'sent' ? 'sent' : 'skipped';
}

