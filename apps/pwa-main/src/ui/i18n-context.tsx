'use client';

import { formatLocalDate, formatMoney, formatNumber, formatPercent, localeFor } from '@salla-analytics/ui-components';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Lang, MESSAGES, type Messages } from '../i18n/messages';

export interface AppLocale {
  lang: Lang;
  /** Intl locale: ar-SA (Arabic-Indic digits), ar-SA-u-nu-latn or en-SA. */
  locale: string;
  dir: 'rtl' | 'ltr';
  t: Messages;
  money(minor: number, currency: string): string;
  number(value: number): string;
  percent(ratio: number, signed?: boolean): string;
  date(localDate: string, options?: Intl.DateTimeFormatOptions): string;
}

const Context = createContext<AppLocale | null>(null);

export function I18nProvider({ lang, arabicDigits, children }: { lang: Lang; arabicDigits: boolean; children: ReactNode }) {
  const value = useMemo<AppLocale>(() => {
    const locale = localeFor(lang, { arabicIndicDigits: arabicDigits });
    return {
      lang,
      locale,
      dir: lang === 'ar' ? 'rtl' : 'ltr',
      t: withDigits(MESSAGES[lang], lang === 'ar' && arabicDigits),
      money: (minor, currency) => formatMoney({ amountMinor: minor, currency }, locale),
      number: (value) => formatNumber(value, locale),
      percent: (ratio, signed) => formatPercent(ratio, locale, { signed: signed ?? false }),
      date: (localDate, options) => formatLocalDate(localDate, locale, options),
    };
  }, [lang, arabicDigits]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppLocale(): AppLocale {
  const value = useContext(Context);
  if (!value) throw new Error('useAppLocale needs <I18nProvider>');
  return value;
}

/** Preset labels carry numbers ("last 30 days"): written with Latin digits, shown in the chosen ones. */
function withDigits(messages: Messages, arabicIndic: boolean): Messages {
  if (!arabicIndic) return messages;
  const presets = Object.fromEntries(
    Object.entries(messages.picker.presets).map(([key, label]) => [key, label.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)))]),
  ) as Messages['picker']['presets'];
  return { ...messages, picker: { ...messages.picker, presets } };
}
