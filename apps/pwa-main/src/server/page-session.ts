import { toLocalDate } from '@salla-analytics/core-library';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { isLang, type Lang } from '../i18n/messages';
import { loadStoreSettings, type StoreSettings } from './analytics/merchant-settings';
import { readSession, sessionCookieName } from './auth/session';
import { getContext } from './context';

export interface PageSession {
  role: string;
  store: StoreSettings;
  /** The store's local today: the latest date the range picker offers. */
  today: string;
}

/** The signed-in store for a page render, or null (the page then sends the visitor to /login). */
export const getPageSession = cache(async (): Promise<PageSession | null> => {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (!token) return null;
  const context = getContext();
  const session = await readSession(context.db, token);
  if (!session?.merchant) return null;
  const store = await loadStoreSettings(context.db, Number(session.merchant.id));
  return { role: session.merchant.role, store, today: toLocalDate(new Date(), store.timeZone) };
});

/** Language and digits preferences from their cookies (Arabic by default). */
export async function getDisplayPreferences(): Promise<{ lang: Lang; arabicDigits: boolean }> {
  const jar = await cookies();
  const lang = jar.get('sa_lang')?.value;
  return { lang: isLang(lang) ? lang : 'ar', arabicDigits: jar.get('sa_digits')?.value === 'arab' };
}
