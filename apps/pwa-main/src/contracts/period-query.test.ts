import { describe, expect, it } from 'vitest';
import { periodQuerySchema } from './period-query';

describe('periodQuerySchema', () => {
  it('defaults to the last 30 days compared with the previous period', () => {
    expect(periodQuerySchema.parse({})).toEqual({ preset: 'last_30_days', compare: 'previous_period' });
  });

  it('accepts a custom range and rejects broken ones with a reason', () => {
    expect(periodQuerySchema.parse({ preset: 'custom', from: '2025-03-01', to: '2025-03-31', compare: 'previous_year' })).toMatchObject({
      from: '2025-03-01',
    });
    expect(periodQuerySchema.safeParse({ preset: 'custom', from: '2025-03-01' }).success).toBe(false);
    expect(periodQuerySchema.safeParse({ preset: 'custom', from: '2025-03-31', to: '2025-03-01' }).success).toBe(false);
    expect(periodQuerySchema.safeParse({ preset: 'custom', from: "2025-03-01' OR 1=1", to: '2025-03-02' }).success).toBe(false);
    expect(periodQuerySchema.safeParse({ preset: 'forever' }).success).toBe(false);
  });
});
