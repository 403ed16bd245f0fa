import { describe, expect, it } from 'vitest';
import { attributeRecoveries } from './recovery-attribution.js';
import { isInQuietHours, isRecoveryEmailDue, nextRecoveryEmail, outsideQuietHours } from './recovery-schedule.js';

const TZ = 'Asia/Riyadh';
const riyadh = (local: string) => new Date(`${local}+03:00`);
const night = { start: 22 * 60, end: 8 * 60 };
const rules = { delayMinutes: 60, maxAttempts: 2, attemptSpacingMinutes: 24 * 60, quietHours: night };

describe('quiet hours', () => {
  it('reads the store wall clock, across midnight', () => {
    expect(isInQuietHours(riyadh('2026-03-01T21:59:00'), TZ, night)).toBe(false);
    expect(isInQuietHours(riyadh('2026-03-01T22:00:00'), TZ, night)).toBe(true);
    expect(isInQuietHours(riyadh('2026-03-02T07:59:00'), TZ, night)).toBe(true);
    expect(isInQuietHours(riyadh('2026-03-02T08:00:00'), TZ, night)).toBe(false);
    expect(isInQuietHours(riyadh('2026-03-02T13:00:00'), TZ, { start: 12 * 60, end: 14 * 60 })).toBe(true);
    expect(isInQuietHours(riyadh('2026-03-02T03:00:00'), TZ, null)).toBe(false);
    // 20:00 UTC is 23:00 in Riyadh but 21:00 in London (winter, UTC+0) / 16:00 in New York
    expect(isInQuietHours(new Date('2026-01-10T20:00:00Z'), TZ, night)).toBe(true);
    expect(isInQuietHours(new Date('2026-01-10T20:00:00Z'), 'America/New_York', night)).toBe(false);
  });

  it('moves a due time in quiet hours to their end', () => {
    expect(outsideQuietHours(riyadh('2026-03-01T23:30:00'), TZ, night).toISOString()).toBe(riyadh('2026-03-02T08:00:00').toISOString());
    expect(outsideQuietHours(riyadh('2026-03-02T02:00:00'), TZ, night).toISOString()).toBe(riyadh('2026-03-02T08:00:00').toISOString());
    expect(outsideQuietHours(riyadh('2026-03-02T12:00:00'), TZ, night).toISOString()).toBe(riyadh('2026-03-02T12:00:00').toISOString());
  });
});

describe('next recovery email', () => {
  it('waits the delay, then the spacing, and stops at the maximum', () => {
    const abandoned = riyadh('2026-03-01T10:00:00');
    expect(nextRecoveryEmail(rules, abandoned, [], TZ)).toEqual({ attempt: 1, dueAt: riyadh('2026-03-01T11:00:00') });
    expect(nextRecoveryEmail(rules, abandoned, [riyadh('2026-03-01T11:05:00')], TZ)).toEqual({ attempt: 2, dueAt: riyadh('2026-03-02T11:05:00') });
    expect(nextRecoveryEmail(rules, abandoned, [riyadh('2026-03-01T11:05:00'), riyadh('2026-03-02T11:05:00')], TZ)).toBeNull();
    const late = nextRecoveryEmail(rules, riyadh('2026-03-01T21:30:00'), [], TZ);
    expect(late).toEqual({ attempt: 1, dueAt: riyadh('2026-03-02T08:00:00') });
    expect(isRecoveryEmailDue(late, riyadh('2026-03-02T07:59:00'), TZ, night)).toBe(false);
    expect(isRecoveryEmailDue(late, riyadh('2026-03-02T08:00:00'), TZ, night)).toBe(true);
    // due long ago, but now it is quiet again: wait
    expect(isRecoveryEmailDue(late, riyadh('2026-03-02T22:10:00'), TZ, night)).toBe(false);
  });
});

describe('attribution', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
  const windowMs = () => 24 * 3_600_000;

  it('credits the first order after an email within the window, last touch wins', () => {
    const result = attributeRecoveries(
      [
        { campaignId: 'a', cartId: 1, customerId: 10, sentAt: at(1) },
        { campaignId: 'b', cartId: 1, customerId: 10, sentAt: at(3) },
        { campaignId: 'a', cartId: 2, customerId: 20, sentAt: at(1) },
        { campaignId: 'a', cartId: 3, customerId: 30, sentAt: at(5) },
      ],
      [
        { orderId: 100, customerId: 10, createdAt: at(4), totalMinor: 5_000 },
        { orderId: 101, customerId: 10, createdAt: at(6), totalMinor: 7_000 },
        { orderId: 200, customerId: 20, createdAt: at(26), totalMinor: 9_000 },
        { orderId: 300, customerId: 30, createdAt: at(4), totalMinor: 1_000 },
      ],
      windowMs,
    );
    expect(result).toEqual([{ campaignId: 'b', cartId: 1, orderId: 100, revenueMinor: 5_000 }]);
  });
});

describe('campaign stats', () => {
  it('count sent emails, emailed carts, and attributed revenue per campaign', async () => {
    const { summarizeRecoveryCampaigns } = await import('./recovery-attribution.js');
    const at = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
    const stats = summarizeRecoveryCampaigns(
      ['a', 'b'],
      [
        { campaignId: 'a', cartId: 1, customerId: 10, status: 'sent', sentAt: at(1) },
        { campaignId: 'a', cartId: 1, customerId: 10, status: 'sent', sentAt: at(2) },
        { campaignId: 'a', cartId: 2, customerId: 20, status: 'skipped', sentAt: null },
        { campaignId: 'a', cartId: 3, customerId: 30, status: 'sending', sentAt: null },
      ],
      [
        { orderId: 100, customerId: 10, createdAt: at(3), totalMinor: 12_345 },
        { orderId: 200, customerId: 20, createdAt: at(3), totalMinor: 999 },
      ],
      () => 3_600_000 * 24,
    );
    expect(stats).toEqual([
      { campaignId: 'a', emailsSent: 2, cartsEmailed: 1, recoveredCarts: 1, recoveredRevenueMinor: 12_345 },
      { campaignId: 'b', emailsSent: 0, cartsEmailed: 0, recoveredCarts: 0, recoveredRevenueMinor: 0 },
    ]);
  });
});
