/** A recovery email that went out (the first one per cart and campaign is enough). */
export interface RecoveryEmailSent {
  campaignId: string;
  cartId: number;
  customerId: number;
  sentAt: Date;
}

export interface AttributablePurchase {
  orderId: number;
  customerId: number;
  createdAt: Date;
  totalMinor: number;
}

export interface RecoveredCart {
  campaignId: string;
  cartId: number;
  orderId: number;
  revenueMinor: number;
}

/**
 * Which carts the campaigns recovered. A cart is recovered by the first order of its customer
 * placed after one of its recovery emails and within `windowMs` of that email; the order is
 * credited to the campaign whose email came last before it (last touch). An order recovers at
 * most one cart (the one emailed most recently before it) and a cart at most one order.
 */
export function attributeRecoveries(
  emails: readonly RecoveryEmailSent[],
  purchases: readonly AttributablePurchase[],
  windowMsOf: (campaignId: string) => number,
): RecoveredCart[] {
  const byCustomer = new Map<number, RecoveryEmailSent[]>();
  for (const email of emails) {
    if (email.customerId === 0) continue;
    const list = byCustomer.get(email.customerId) ?? [];
    list.push(email);
    byCustomer.set(email.customerId, list);
  }
  const recovered = new Map<number, RecoveredCart>();
  const ordered = [...purchases].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.orderId - b.orderId);
  for (const purchase of ordered) {
    const candidates = (byCustomer.get(purchase.customerId) ?? []).filter(
      (email) =>
        !recovered.has(email.cartId) &&
        email.sentAt.getTime() <= purchase.createdAt.getTime() &&
        purchase.createdAt.getTime() < email.sentAt.getTime() + windowMsOf(email.campaignId),
    );
    const touch = candidates.reduce<RecoveryEmailSent | undefined>(
      (latest, email) => (!latest || email.sentAt.getTime() > latest.sentAt.getTime() ? email : latest),
      undefined,
    );
    if (touch) recovered.set(touch.cartId, { campaignId: touch.campaignId, cartId: touch.cartId, orderId: purchase.orderId, revenueMinor: purchase.totalMinor });
  }
  return [...recovered.values()];
}

/** A recovery send as the stats need it (one row per attempt). */
export interface RecoverySendFact {
  campaignId: string;
  cartId: number;
  customerId: number;
  status: 'sending' | 'sent' | 'skipped';
  sentAt: Date | null;
}

export interface RecoveryCampaignStats {
  campaignId: string;
  /** Emails that went out. */
  emailsSent: number;
  /** Carts that got at least one email. */
  cartsEmailed: number;
  recoveredCarts: number;
  recoveredRevenueMinor: number;
}

/**
 * Per-campaign results from the sends and the purchases of the emailed customers: emails sent,
 * carts emailed, and the carts (and revenue) attributed to each campaign by `attributeRecoveries`.
 */
export function summarizeRecoveryCampaigns(
  campaignIds: readonly string[],
  sends: readonly RecoverySendFact[],
  purchases: readonly AttributablePurchase[],
  windowMsOf: (campaignId: string) => number,
): RecoveryCampaignStats[] {
  const sent = sends.filter((send): send is RecoverySendFact & { sentAt: Date } => send.status === 'sent' && send.sentAt !== null);
  const recovered = attributeRecoveries(
    sent.map(({ campaignId, cartId, customerId, sentAt }) => ({ campaignId, cartId, customerId, sentAt })),
    purchases,
    windowMsOf,
  );
  return campaignIds.map((campaignId) => {
    const own = sent.filter((send) => send.campaignId === campaignId);
    const wins = recovered.filter((cart) => cart.campaignId === campaignId);
    return {
      campaignId,
      emailsSent: own.length,
      cartsEmailed: new Set(own.map((send) => send.cartId)).size,
      recoveredCarts: wins.length,
      recoveredRevenueMinor: wins.reduce((sum, cart) => sum + cart.revenueMinor, 0),
    };
  });
}
