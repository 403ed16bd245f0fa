import type { WeekStart } from '@salla-analytics/core-library';

/**
 * Who is asking: always built by the caller from an authenticated session (the PWA) or an
 * operator's explicit flag (the CLI) — never from the question or anything the model says.
 */
export interface AssistantSession {
  merchantId: number;
  /** The signed-in user (for history); absent for the operator CLI. */
  userId?: string;
  timeZone: string;
  weekStart: WeekStart;
  currency: string;
  /** The clock, injectable for tests and the evaluation. */
  now: Date;
}
