import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from './to-csv';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps Arabic text as is', () => {
    expect(csvField('عطر العود الملكي')).toBe('عطر العود الملكي');
    expect(csvField('الرياض، حي النخيل')).toBe('الرياض، حي النخيل');
  });

  it('writes numbers raw (negative numbers are not treated as formulas), empties for null', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(new Date('2025-03-01T12:00:00Z'))).toBe('2025-03-01T12:00:00.000Z');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+966500000000')).toBe("'+966500000000");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and uses CRLF line ends', () => {
    const csv = toCsv(['المنتج', 'الإيرادات'], [
      ['عطر', 1200.5],
      ['بخور, فاخر', 300],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}المنتج,الإيرادات\r\nعطر,1200.5\r\n"بخور, فاخر",300\r\n`);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${UTF8_BOM}a,b\r\n`);
  });
});
