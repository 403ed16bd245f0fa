import type { StoryContext } from '@storybook/react-vite';
import { localeFor } from '../lib/format/locale';

export type Lang = 'ar' | 'en';

/** Every component gets these four stories: Arabic/RTL and English/LTR, light and dark. */
export const ArabicRtlLightGlobals = { globals: { locale: 'ar', theme: 'light' } };
export const ArabicRtlDarkGlobals = { globals: { locale: 'ar', theme: 'dark' } };
export const EnglishLtrLightGlobals = { globals: { locale: 'en', theme: 'light' } };
export const EnglishLtrDarkGlobals = { globals: { locale: 'en', theme: 'dark' } };

export function langOf(context: Pick<StoryContext, 'globals'>): Lang {
  return context.globals.locale === 'en' ? 'en' : 'ar';
}

export function localeOf(context: Pick<StoryContext, 'globals'>): string {
  return localeFor(langOf(context));
}

/** Deterministic pseudo-random numbers (mulberry32) so stories and screenshots never change. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 'YYYY-MM-DD' n days after a local date. */
export function addDays(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
