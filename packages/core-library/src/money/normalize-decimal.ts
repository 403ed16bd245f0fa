const ARABIC_INDIC_ZERO = 0x0660; // ٠
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // ۰ (Persian/Urdu forms)

// Bidi marks that Intl and copy-paste from RTL text leave around numbers.
const INVISIBLE = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u00a0\u202f\s]/g;
const THOUSANDS_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Turns a human-written decimal into a plain ASCII one ('-1234.50'), or undefined when it is not
 * a number. Accepts Arabic-Indic digits, the Arabic decimal separator '٫', and thousands
 * separators (',' or '٬') only in proper groups of three — '1,5' is ambiguous between locales and
 * is rejected rather than guessed.
 */
export function normalizeDecimalString(input: string): string | undefined {
  let text = '';
  for (const char of input.replace(INVISIBLE, '')) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) text += String(code - ARABIC_INDIC_ZERO);
    else if (code >= EXTENDED_ARABIC_INDIC_ZERO && code <= EXTENDED_ARABIC_INDIC_ZERO + 9)
      text += String(code - EXTENDED_ARABIC_INDIC_ZERO);
    else if (char === '٫') text += '.';
    else if (char === '٬') text += ',';
    else if (char === '\u2212') text += '-';
    else text += char;
  }
  if (text.includes(',')) {
    if (!THOUSANDS_GROUPED.test(text)) return undefined;
    text = text.replaceAll(',', '');
  }
  if (!PLAIN_DECIMAL.test(text)) return undefined;
  // Decimal libraries (and ClickHouse) reject an explicit '+'.
  return text.startsWith('+') ? text.slice(1) : text;
}

/** The same, for a value that may already be a number. Non-finite numbers are not numbers here. */
export function decimalStringOf(value: number | string): string | undefined {
  if (typeof value === 'number') {
    // String() gives the shortest text that round-trips, so 0.29 stays "0.29" (never 0.28999...).
    return Number.isFinite(value) ? String(value) : undefined;
  }
  return normalizeDecimalString(value);
}
