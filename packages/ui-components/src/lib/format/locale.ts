/** The app's two languages. */
export type UiLanguage = 'ar' | 'en';

export interface LocaleOptions {
  /**
   * Arabic only: true for Arabic-Indic digits (١٢٣, the 'ar-SA' default), false for Latin digits
   * (123) that many Gulf merchants prefer in dashboards. Default true.
   */
  arabicIndicDigits?: boolean;
}

/**
 * The Intl locale for a UI language in a Saudi context: 'ar-SA' (or 'ar-SA-u-nu-latn') and
 * 'en-SA' (English wording, SAR and Saudi conventions). Every formatter also accepts any BCP 47
 * locale directly; this is only a convenience.
 */
export function localeFor(language: UiLanguage, options: LocaleOptions = {}): string {
  if (language === 'en') return 'en-SA';
  return options.arabicIndicDigits === false ? 'ar-SA-u-nu-latn' : 'ar-SA';
}

/** Writing direction of a locale: rtl for Arabic, Hebrew, Persian and Urdu scripts. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return ['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'dv', 'yi'].includes(language) ? 'rtl' : 'ltr';
}
