/**
 * Arabic-aware text normalisation shared by the planner and lexical retrieval. Merchants write
 * the same word many ways (أ/ا/إ, ة/ه, ى/ي, with or without diacritics, Arabic-Indic digits), so
 * everything is matched on one folded form.
 */
const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, superscript alef, Quranic marks, tatweel
const ARABIC_LETTER = /[\u0621-\u064A]/;

export function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Lower-case, digits to Latin, Arabic letters folded (أإآٱ→ا, ة→ه, ى→ي, ؤ→و, ئ→ي), punctuation to spaces. */
export function normalizeText(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[؟?!.,،؛;:()[\]{}"'«»“”‘’`~@#$%^&*+=|\\/<>_]/g, ' ')
    .replace(/(?<!\d)-|-(?!\d)/g, ' ') // keep 2026-01-05 whole
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  return normalizeText(text).split(' ').filter(Boolean);
}

/**
 * A light Arabic stem for matching: drops the definite article and common one-letter prefixes
 * (و، ب، ل، ف) and plural/feminine suffixes, so "والعطور", "بالعطور" and "عطور" meet.
 */
export function stem(word: string): string {
  let w = word;
  if (!ARABIC_LETTER.test(w)) return w.replace(/(?<=\w{3})(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : ''));
  for (const prefix of ['وال', 'بال', 'فال', 'كال', 'لل', 'ال']) {
    if (w.startsWith(prefix) && w.length - prefix.length >= 2) {
      w = w.slice(prefix.length);
      break;
    }
  }
  if (w.length > 4 && /^[وبف]/.test(w)) w = w.slice(1);
  for (const suffix of ['ات', 'ين', 'ون', 'ها', 'ه']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** 'ar' when the text has more Arabic letters than Latin ones. */
export function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return arabic >= latin && arabic > 0 ? 'ar' : 'en';
}

/** Whether the normalised text contains the phrase as whole words. */
export function hasPhrase(normalized: string, phrase: string): boolean {
  const p = normalizeText(phrase);
  if (!p) return false;
  return ` ${normalized} `.includes(` ${p} `);
}

/** Whether the normalised text contains any phrase; phrases ending in '*' match word prefixes. */
export function hasAny(normalized: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    if (phrase.endsWith('*')) {
      const p = normalizeText(phrase.slice(0, -1));
      return ` ${normalized}`.includes(` ${p}`);
    }
    return hasPhrase(normalized, phrase);
  });
}
