import type { CartRecoveryRules } from '@salla-analytics/core-library';
import type { RecoveryCampaign } from '../generated/prisma/client.js';

/** A campaign row's rules in core-library's shape. */
export function campaignRules(campaign: RecoveryCampaign): CartRecoveryRules {
  return {
    delayMinutes: campaign.delayMinutes,
    minCartValueMinor: campaign.minCartValueMinor,
    maxAttempts: campaign.maxAttempts,
    attemptSpacingMinutes: campaign.attemptSpacingMinutes,
    quietHours:
      campaign.quietHoursStart === null || campaign.quietHoursEnd === null ? null : { start: campaign.quietHoursStart, end: campaign.quietHoursEnd },
    attributionWindowHours: campaign.attributionWindowHours,
  };
}

/** The columns for a set of rules. */
export function rulesColumns(rules: CartRecoveryRules): Omit<CartRecoveryRules, 'quietHours'> & { quietHoursStart: number | null; quietHoursEnd: number | null } {
  const { quietHours, ...rest } = rules;
  return { ...rest, quietHoursStart: quietHours?.start ?? null, quietHoursEnd: quietHours?.end ?? null };
}
