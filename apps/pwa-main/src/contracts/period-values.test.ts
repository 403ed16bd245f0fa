import { describe, expect, it } from 'vitest';
import { periodQuerySchema } from './period-query';
import { readUrlPeriod } from './period-values';

const from = (query: string) => {
  const params = new URLSearchParams(query);
  return readUrlPeriod((name) => params.get(name));
};

describe('readUrlPeriod (the browser’s zod-free reading of the URL)', () => {
  it('reads valid periods and agrees with the server’s schema', () => {
    for (const query of ['preset=last_7_days&compare=none', 'preset=custom&from=2026-03-01&to=2026-03-31&compare=previous_year', '']) {
      const params = Object.fromEntries(new URLSearchParams(query));
      expect(from(query)).toEqual(periodQuerySchema.parse(params));
    }
  });

  it('falls back to the default for anything the server would refuse', () => {
    for (const query of ['preset=forever', 'preset=custom', 'preset=custom&from=2026-03-31&to=2026-03-01', 'preset=custom&from=2026-3-1&to=2026-03-02']) {
      const params = Object.fromEntries(new URLSearchParams(query));
      expect(periodQuerySchema.safeParse(params).success).toBe(false);
      expect(from(query).preset).toBe('last_30_days');
    }
  });
});
