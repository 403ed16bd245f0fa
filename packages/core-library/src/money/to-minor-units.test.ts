import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { currencyExponent } from './currency.js';
import { fromMinorUnits, minorUnitsToDecimalString, toMinorUnits } from './to-minor-units.js';

describe('currencyExponent', () => {
  it('knows two- and three-decimal Gulf currencies', () => {
    for (const code of ['SAR', 'AED', 'QAR', 'USD', 'EUR', 'EGP']) expect(currencyExponent(code)).toBe(2);
    for (const code of ['KWD', 'BHD', 'OMR', 'JOD']) expect(currencyExponent(code)).toBe(3);
    expect(currencyExponent('sar')).toBe(2);
    expect(currencyExponent('XYZ')).toBe(2);
  });
});

describe('toMinorUnits', () => {
  it.each([
    [0.29, 'SAR', 29],
    [456.03, 'SAR', 45603],
    ['41.05', 'SAR', 4105],
    [0.1 + 0.2, 'SAR', 30],
    [1.005, 'SAR', 101],
    ['1.005', 'SAR', 101],
    [1.004, 'SAR', 100],
    [-1.005, 'SAR', -101],
    [2.675, 'SAR', 268],
    [19.99, 'SAR', 1999],
    [1234567.89, 'SAR', 123456789],
    [320, 'SAR', 32000],
    ['0', 'SAR', 0],
    ['-0.00', 'SAR', 0],
    [1.2345, 'KWD', 1235],
    ['12.5', 'KWD', 12500],
    ['.5', 'SAR', 50],
    ['+7', 'SAR', 700],
    [' 15.00 ', 'SAR', 1500],
  ])('%s %s -> %s', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toBe(expected);
  });

  it('reads Arabic-Indic digits and separators', () => {
    expect(toMinorUnits('٤٥٦٫٠٣', 'SAR')).toBe(45603);
    expect(toMinorUnits('١٬٢٣٤٫٥٠', 'SAR')).toBe(123450);
    expect(toMinorUnits('۱۲۳', 'SAR')).toBe(12300);
    expect(toMinorUnits('\u200f٤٥٦٫٠٣\u200f', 'SAR')).toBe(45603);
  });

  it('reads thousands separators only in groups of three', () => {
    expect(toMinorUnits('1,234.50', 'SAR')).toBe(123450);
    expect(toMinorUnits('12,345,678', 'SAR')).toBe(1234567800);
    expect(() => toMinorUnits('1,5', 'SAR')).toThrow(AppError);
    expect(() => toMinorUnits('12,34.5', 'SAR')).toThrow(AppError);
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', 'abc', '1.2.3', '12 SAR', 'NaN', '1e', '--1']) {
      expect(() => toMinorUnits(bad, 'SAR')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    expect(() => toMinorUnits(Number.NaN, 'SAR')).toThrow(AppError);
    expect(() => toMinorUnits(Number.POSITIVE_INFINITY, 'SAR')).toThrow(AppError);
    expect(() => toMinorUnits(1e300, 'SAR')).toThrow(AppError);
  });

  it('round-trips every halala amount of a typical range exactly', () => {
    for (let minor = -2000; minor <= 200_000; minor += 7) {
      expect(toMinorUnits(fromMinorUnits(minor, 'SAR'), 'SAR')).toBe(minor);
    }
  });
});

describe('fromMinorUnits / minorUnitsToDecimalString', () => {
  it('returns major units', () => {
    expect(fromMinorUnits(45603, 'SAR')).toBe(456.03);
    expect(fromMinorUnits(1235, 'KWD')).toBe(1.235);
    expect(minorUnitsToDecimalString(45603, 'SAR')).toBe('456.03');
    expect(minorUnitsToDecimalString(-5, 'SAR')).toBe('-0.05');
    expect(minorUnitsToDecimalString(1, 'KWD')).toBe('0.001');
  });

  it('rejects non-integers', () => {
    expect(() => fromMinorUnits(1.5, 'SAR')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
