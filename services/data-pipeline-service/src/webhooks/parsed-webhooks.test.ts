import { parseSallaWebhook, type SallaWebhook } from '@salla-analytics/core-library';
import { describe, expect, it } from 'vitest';
import { ParsedWebhooks } from './parsed-webhooks.js';

const webhook = (id: number): SallaWebhook => {
  const parsed = parseSallaWebhook({ event: 'review.added', merchant: 7, created_at: '2025-05-01 10:00:00', data: { id } });
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
};

describe('ParsedWebhooks', () => {
  it('hands a parse over once, by merchant and delivery key', () => {
    const cache = new ParsedWebhooks();
    cache.remember(ParsedWebhooks.key(7, 'abc'), webhook(1));
    expect(cache.take(ParsedWebhooks.key(8, 'abc'))).toBeUndefined();
    expect(cache.take(ParsedWebhooks.key(7n, 'abc'))).toEqual(webhook(1));
    expect(cache.take(ParsedWebhooks.key(7, 'abc'))).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new ParsedWebhooks(2);
    for (const id of [1, 2, 3]) cache.remember(ParsedWebhooks.key(7, `k${id}`), webhook(id));
    expect(cache.size).toBe(2);
    expect(cache.take(ParsedWebhooks.key(7, 'k1'))).toBeUndefined();
    expect(cache.take(ParsedWebhooks.key(7, 'k3'))).toEqual(webhook(3));
  });
});
