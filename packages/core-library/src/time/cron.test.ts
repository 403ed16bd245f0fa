import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { assertCronExpression, dueCronTicks, latestCronTick, nextCronTick } from './cron.js';

const at = (iso: string) => new Date(iso);

describe('cron (UTC)', () => {
  it('finds the next tick strictly after an instant', () => {
    expect(nextCronTick('*/15 * * * *', at('2026-03-02T05:00:00Z')).toISOString()).toBe('2026-03-02T05:15:00.000Z');
    expect(nextCronTick('0 5 * * *', at('2026-03-02T05:00:00.001Z')).toISOString()).toBe('2026-03-03T05:00:00.000Z');
  });

  it('finds the latest tick at or before an instant', () => {
    expect(latestCronTick('*/15 * * * *', at('2026-03-02T05:14:59Z'))?.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(latestCronTick('*/15 * * * *', at('2026-03-02T05:15:00Z'))?.toISOString()).toBe('2026-03-02T05:15:00.000Z');
  });

  it('lists due ticks from a start, keeping only the last `limit`, and the next one', () => {
    const due = dueCronTicks('0 * * * *', at('2026-03-02T01:00:00Z'), at('2026-03-02T04:30:00Z'), 2);
    expect(due.ticks.map((tick) => tick.toISOString())).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-02T04:00:00.000Z']);
    expect(due.next.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    const none = dueCronTicks('0 * * * *', at('2026-03-02T05:00:00Z'), at('2026-03-02T04:59:59Z'), 5);
    expect(none.ticks).toEqual([]);
    expect(none.next.toISOString()).toBe('2026-03-02T05:00:00.000Z');
  });

  it('refuses expressions that are not 5-field cron with a typed error', () => {
    for (const bad of ['* * * *', '0 0 * * * *', 'every hour', '61 * * * *']) {
      let caught: unknown;
      try {
        assertCronExpression(bad);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught) && caught.code === 'INVALID_ARGUMENT').toBe(true);
    }
  });
});
