import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';
import { addMoney, moneyFromDecimal, moneySchema, subtractMoney, sumMoney } from './money.js';

describe('money arithmetic', () => {
  it('adds and subtracts in the same currency', () => {
    const a = moneyFromDecimal('410.50', 'sar');
    expect(a).toEqual({ amountMinor: 41050, currency: 'SAR' });
    expect(addMoney(a, { amountMinor: 2500, currency: 'SAR' })).toEqual({
      amountMinor: 43550,
      currency: 'SAR',
    });
    expect(subtractMoney(a, { amountMinor: 4105, currency: 'SAR' })).toEqual({
      amountMinor: 36945,
      currency: 'SAR',
    });
    expect(sumMoney([], 'SAR')).toEqual({ amountMinor: 0, currency: 'SAR' });
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney({ amountMinor: 1, currency: 'SAR' }, { amountMinor: 1, currency: 'KWD' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('validates the stored shape', () => {
    expect(moneySchema.safeParse({ amountMinor: 1.5, currency: 'SAR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 150, currency: 'sar' }).data).toEqual({
      amountMinor: 150,
      currency: 'SAR',
    });
  });
});

describe('formatMoney', () => {
  it('formats Arabic with Arabic-Indic digits and English with SAR', () => {
    const money = { amountMinor: 123456, currency: 'SAR' };
    const arabic = formatMoney(money, 'ar');
    expect(arabic).toContain('١٬٢٣٤٫٥٦');
    expect(arabic).toContain('ر.س');
    expect(formatMoney(money, 'en')).toMatch(/SAR\s1,234\.56/);
  });

  it('shows three decimals for KWD and keeps huge amounts exact', () => {
    expect(formatMoney({ amountMinor: 1235, currency: 'KWD' }, 'en')).toMatch(/1\.235/);
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: 'SAR' }, 'en')).toContain(
      '90,071,992,547,409.91',
    );
  });
});
