import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';

describe('alert rule "fired n times"', () => {
  it('uses each Arabic plural form', () => {
    const times = (n: number) => MESSAGES.ar.alerts.lastFired('أمس', n, String(n));
    expect(times(1)).toBe('آخر تنبيه: أمس · مرة واحدة');
    expect(times(2)).toBe('آخر تنبيه: أمس · مرتان');
    expect(times(3)).toBe('آخر تنبيه: أمس · 3 مرات');
    expect(times(10)).toBe('آخر تنبيه: أمس · 10 مرات');
    expect(times(11)).toBe('آخر تنبيه: أمس · 11 مرة');
    expect(times(100)).toBe('آخر تنبيه: أمس · 100 مرة');
    expect(times(103)).toBe('آخر تنبيه: أمس · 103 مرات');
  });

  it('says "once" and "n times" in English, with the digits it is given', () => {
    expect(MESSAGES.en.alerts.lastFired('yesterday', 1, '1')).toBe('Last fired: yesterday · once');
    expect(MESSAGES.en.alerts.lastFired('yesterday', 2, '2')).toBe('Last fired: yesterday · 2 times');
    expect(MESSAGES.ar.alerts.lastFired('أمس', 5, '٥')).toBe('آخر تنبيه: أمس · ٥ مرات');
  });
});
