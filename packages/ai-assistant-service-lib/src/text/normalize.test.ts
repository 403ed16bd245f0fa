import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeText, stem } from './normalize.js';

describe('normalizeText', () => {
  it('folds Arabic spelling variants, diacritics, tatweel and Arabic-Indic digits', () => {
    expect(normalizeText('أفضلُ ٣ منتجاتٍ في الرياض؟')).toBe('افضل 3 منتجات في الرياض');
    expect(normalizeText('السلّة المتروكة')).toBe('السله المتروكه');
    expect(normalizeText('إلى مدى ـــ')).toBe('الي مدي');
    expect(normalizeText('۱۲')).toBe('12');
  });

  it('stems the article and plural suffixes so forms meet', () => {
    expect(stem('والعطور')).toBe(stem('عطور'));
    expect(stem('بالعطور')).toBe(stem('عطور'));
    expect(stem('products')).toBe('product');
  });

  it('detects the language of a question', () => {
    expect(detectLanguage('كم بعنا امس؟')).toBe('ar');
    expect(detectLanguage('How much did we sell?')).toBe('en');
    expect(detectLanguage('كم sales الرياض')).toBe('ar');
  });
});
