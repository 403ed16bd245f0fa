import type { Rng } from './rng.js';

export interface StatusStep {
  slug: 'under_review' | 'in_progress' | 'shipped' | 'delivered' | 'completed' | 'canceled' | 'refunded';
  at: number;
}

const HOUR = 3_600_000;

/**
 * The statuses an order passes through, as of `now`. About 5% are canceled before shipping and
 * about 2% refunded after delivery; the rest move through review, preparation, shipping and
 * delivery, and most are finally marked completed. Steps after `now` have not happened yet, so
 * recent orders are still open.
 */
export function orderLifecycle(rng: Rng, createdAt: number, now: number): StatusStep[] {
  const outcome = rng.weighted([
    ['normal', 93],
    ['canceled', 5],
    ['refunded', 2],
  ] as const);
  const steps: StatusStep[] = [{ slug: 'under_review', at: createdAt }];
  let at = createdAt;
  const next = (slug: StatusStep['slug'], minHours: number, maxHours: number) => {
    at += Math.round(minHours * HOUR + rng.float() * (maxHours - minHours) * HOUR);
    at -= at % 1000;
    steps.push({ slug, at });
  };

  if (outcome === 'canceled') {
    if (rng.chance(0.5)) next('in_progress', 0.2, 6);
    next('canceled', 0.5, 48);
  } else {
    next('in_progress', 0.2, 8);
    next('shipped', 6, 48);
    next('delivered', 20, 96);
    if (outcome === 'refunded') next('refunded', 48, 240);
    else if (rng.chance(0.65)) next('completed', 2, 72);
  }
  return steps.filter((step) => step.at <= now);
}
