import { cartRecoveryEmailKey, isRecoveryEmailDue, nextRecoveryEmail } from '@salla-analytics/core-library';
import {
  campaignRules,
  claimRecoverySend,
  type Database,
  finishRecoverySend,
  getMerchant,
  listActiveRecoveryCampaigns,
  listRecoverySends,
  type Merchant,
  type RecoveryCampaign,
  type RecoverySend,
} from '@salla-analytics/database-schema';
import { type createAnalyticsClient, findPurchasedCarts, findRecoveryCandidates, type RecoveryCart } from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import { type RecoveryLocale, renderCartRecoveryEmail } from './render-cart-recovery-email.js';

export const CART_RECOVERY_TEMPLATE = 'cart_recovery';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Carts are read a page at a time (oldest activity first), every page of the window each tick. */
const CANDIDATE_PAGE = 1_000;

/** The email ledger (`sendEmailOnce`): at most one send per (merchant, key), whatever happens. */
export type SendOnce = (input: {
  merchantId: number;
  idempotencyKey: string;
  email: { to: string; locale: RecoveryLocale; template: string; rendered: { subject: string; html: string; text: string } };
}) => Promise<{ status: 'sent' } | { status: 'skipped'; existing: string }>;

export interface CartRecoveryDeps {
  db: Database;
  analytics: ReturnType<typeof createAnalyticsClient>;
  sendOnce: SendOnce;
  logger: Logger;
}

export interface CartRecoveryReport {
  campaigns: number;
  sent: number;
  /** Carts found purchased right before their email. */
  stoppedByPurchase: number;
  /** Attempts the ledger had already handled (a re-run, a duplicate trigger). */
  alreadyHandled: number;
}

/**
 * One cart recovery tick for every active campaign of every store: which carts are owed an email
 * at `now` (delay after the last activity, minimum value, spacing, attempts left, quiet hours in
 * the store's zone), a purchase check right before each send, and the send through the ledger
 * under `cart-recovery:<campaign>:<cart>:<attempt>`. Idempotent: a re-run, a duplicate trigger or
 * a run after a crash sends nothing twice (the claim rows and the ledger hold what happened).
 */
export async function runCartRecovery(
  deps: CartRecoveryDeps,
  { now, signal, pageSize = CANDIDATE_PAGE }: { now: Date; signal?: AbortSignal; /** Carts read per query (tests use a small one). */ pageSize?: number },
): Promise<CartRecoveryReport> {
  const report: CartRecoveryReport = { campaigns: 0, sent: 0, stoppedByPurchase: 0, alreadyHandled: 0 };
  const campaigns = await listActiveRecoveryCampaigns(deps.db);
  const merchants = new Map<bigint, Merchant | null>();
  const failures: unknown[] = [];
  for (const campaign of campaigns) {
    if (signal?.aborted) break;
    if (!merchants.has(campaign.merchantId)) merchants.set(campaign.merchantId, await getMerchant(deps.db, campaign.merchantId));
    const merchant = merchants.get(campaign.merchantId);
    if (!merchant || merchant.status === 'uninstalled') continue;
    report.campaigns += 1;
    try {
      await runCampaign(deps, merchant, campaign, { now, pageSize, ...(signal ? { signal } : {}) }, report);
    } catch (error) {
      // One store's failure must not starve the others; the tick fails at the end and is retried
      // (idempotently: what was sent stays sent).
      failures.push(error);
      deps.logger.error({ merchantId: Number(campaign.merchantId), campaignId: campaign.id, err: { message: (error as Error).message } }, 'cart recovery campaign failed');
    }
  }
  deps.logger.info({ ...report, failed: failures.length, now: now.toISOString() }, 'cart recovery tick');
  if (failures.length > 0) throw new AggregateError(failures, `cart recovery failed for ${failures.length} campaign(s)`);
  return report;
}

async function runCampaign(
  deps: CartRecoveryDeps,
  merchant: Merchant,
  campaign: RecoveryCampaign,
  { now, pageSize, signal }: { now: Date; pageSize: number; signal?: AbortSignal },
  report: CartRecoveryReport,
) {
  const rules = campaignRules(campaign);
  const merchantId = Number(merchant.id);
  // How far back a cart can still be owed an email: the delay, every spacing, and up to a day per
  // email (and one more) for due times pushed past quiet hours or ticks missed during downtime.
  const horizon = rules.delayMinutes * MINUTE + rules.maxAttempts * (rules.attemptSpacingMinutes * MINUTE + DAY) + DAY;
  const from = new Date(Math.max(campaign.activeSince.getTime(), now.getTime() - horizon));
  const window = { merchantId, abandonedFrom: from, abandonedBefore: new Date(now.getTime() - rules.delayMinutes * MINUTE + 1), minValueMinor: rules.minCartValueMinor };
  let sendsByCart: Map<number, RecoverySend[]> | null = null;
  for (let offset = 0; !signal?.aborted; offset += pageSize) {
    const carts = await findRecoveryCandidates(deps.analytics, { ...window, limit: pageSize, offset });
    if (carts.length === 0) return;
    sendsByCart ??= groupByCart(await listRecoverySends(deps.db, { merchantId, campaignId: campaign.id, since: from }));
    await runCarts(deps, { merchant, campaign, carts, sendsByCart, now }, report, signal);
    if (carts.length < pageSize) return;
  }
}

async function runCarts(
  deps: CartRecoveryDeps,
  { merchant, campaign, carts, sendsByCart, now }: { merchant: Merchant; campaign: RecoveryCampaign; carts: RecoveryCart[]; sendsByCart: Map<number, RecoverySend[]>; now: Date },
  report: CartRecoveryReport,
  signal?: AbortSignal,
) {
  const rules = campaignRules(campaign);
  for (const cart of carts) {
    if (signal?.aborted) return;
    const sends = sendsByCart.get(cart.cartId) ?? [];
    if (sends.some((send) => send.status === 'skipped')) continue;
    const pending = sends.find((send) => send.status === 'sending');
    const sentAt = sends.flatMap((send) => (send.status === 'sent' && send.sentAt ? [send.sentAt] : []));
    // An attempt claimed by an interrupted run is settled through the ledger, never re-computed.
    const next = pending ? { attempt: pending.attempt, dueAt: pending.claimedAt } : nextRecoveryEmail(rules, cart.abandonedAt, sentAt, merchant.timeZone);
    if (!isRecoveryEmailDue(next, now, merchant.timeZone, rules.quietHours) || !next) continue;
    await sendAttempt(deps, { merchant, campaign, cart, attempt: next.attempt, now }, report);
  }
}

async function sendAttempt(
  deps: CartRecoveryDeps,
  { merchant, campaign, cart, attempt, now }: { merchant: Merchant; campaign: RecoveryCampaign; cart: RecoveryCart; attempt: number; now: Date },
  report: CartRecoveryReport,
) {
  const merchantId = Number(merchant.id);
  const idempotencyKey = cartRecoveryEmailKey(campaign.id, cart.cartId, attempt);
  const { send } = await claimRecoverySend(deps.db, {
    merchantId,
    campaignId: campaign.id,
    cartId: cart.cartId,
    customerId: cart.customerId,
    attempt,
    idempotencyKey,
    cartValueMinor: cart.totalMinor,
    currency: cart.currency,
    now,
  });
  if (send.status !== 'sending') return;
  const purchased = await findPurchasedCarts(deps.analytics, { merchantId, cartIds: [cart.cartId] });
  if (purchased.has(cart.cartId)) {
    await finishRecoverySend(deps.db, send.id, { status: 'skipped' });
    report.stoppedByPurchase += 1;
    return;
  }
  const locale: RecoveryLocale = cart.language === 'en' || cart.language === 'ar' ? cart.language : merchant.locale;
  const result = await deps.sendOnce({
    merchantId,
    idempotencyKey,
    email: { to: cart.email, locale, template: CART_RECOVERY_TEMPLATE, rendered: renderCartRecoveryEmail(cart, locale, merchant.name) },
  });
  if (result.status === 'sent') {
    report.sent += 1;
    await finishRecoverySend(deps.db, send.id, { status: 'sent', sentAt: now });
    return;
  }
  report.alreadyHandled += 1;
  if (result.existing === 'sent') await finishRecoverySend(deps.db, send.id, { status: 'sent', sentAt: send.claimedAt });
  else deps.logger.warn({ merchantId, campaignId: campaign.id, attempt }, 'cart recovery email interrupted earlier; left for an operator, not re-sent');
}

function groupByCart(sends: RecoverySend[]): Map<number, RecoverySend[]> {
  const byCart = new Map<number, RecoverySend[]>();
  for (const send of sends) {
    const list = byCart.get(Number(send.cartId)) ?? [];
    list.push(send);
    byCart.set(Number(send.cartId), list);
  }
  return byCart;
}
