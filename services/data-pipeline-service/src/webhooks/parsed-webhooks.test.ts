import { MessageChannel } from 'node:worker_threads';
import { generateStore, parseSallaWebhook, type SallaWebhook, toWebhookDeliveries } from '@salla-analytics/core-library';
import { describe, expect, it } from 'vitest';
import { type ParsedEntries, ParsedWebhooks } from './parsed-webhooks.js';

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

  it('forwards what it is given to another thread, one message per turn, equal to a fresh parse', async () => {
    const store = generateStore({ seed: 5, merchantId: 7, months: 1, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 10 });
    const bodies = toWebhookDeliveries(store).map((delivery) => JSON.stringify(delivery));
    const { port1, port2 } = new MessageChannel();
    const intake = new ParsedWebhooks();
    const consumer = new ParsedWebhooks();
    let messages = 0;
    const received = new Promise<void>((resolve) =>
      port2.on('message', (entries: ParsedEntries) => {
        messages += 1;
        consumer.rememberAll(entries);
        if (consumer.size === bodies.length) resolve();
      }),
    );
    intake.forwardTo((entries) => port1.postMessage(entries));
    for (const [index, body] of bodies.entries()) {
      const parsed = parseSallaWebhook(JSON.parse(body));
      if (!parsed.ok) throw parsed.error;
      intake.remember(ParsedWebhooks.key(7, `k${index}`), parsed.value);
    }
    expect(intake.size).toBe(0);
    await received;
    port1.close();
    expect(messages).toBe(1);
    for (const [index, body] of bodies.entries()) {
      const fresh = parseSallaWebhook(JSON.parse(body));
      const taken = consumer.take(ParsedWebhooks.key(7n, `k${index}`));
      // Dates stay Dates, every normalized field survives the clone.
      expect(taken).toStrictEqual(fresh.ok ? fresh.value : undefined);
    }
  });
});
