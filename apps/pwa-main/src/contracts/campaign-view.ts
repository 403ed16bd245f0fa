/** A campaign as GET /api/v1/campaigns returns it (types only: no server code in the browser). */
export interface CampaignRules {
  delayMinutes: number;
  minCartValueMinor: number;
  maxAttempts: number;
  attemptSpacingMinutes: number;
  quietHours: { start: number; end: number } | null;
  attributionWindowHours: number;
}

export interface CampaignView {
  id: string;
  name: string;
  status: 'active' | 'paused';
  rules: CampaignRules;
  activeSince: string;
  createdAt: string;
  stats: { emailsSent: number; cartsEmailed: number; recoveredCarts: number; recoveredRevenueMinor: number };
}
