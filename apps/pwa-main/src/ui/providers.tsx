'use client';

import { Toaster, UiProvider } from '@salla-analytics/ui-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Lang } from '../i18n/messages';
import { I18nProvider, useAppLocale } from './i18n-context';
import { ServiceWorkerRegistration } from './service-worker-registration';

export function Providers({ lang, arabicDigits, children }: { lang: Lang; arabicDigits: boolean; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            // Refresh while the tab is visible (TanStack pauses intervals in hidden tabs).
            refetchInterval: 60_000,
            refetchOnWindowFocus: true,
            retry: (count, error) => count < 2 && !(error instanceof Error && /^(4\d\d)/.test(error.message)),
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider lang={lang} arabicDigits={arabicDigits}>
        <LocalizedUi>{children}</LocalizedUi>
      </I18nProvider>
      <ServiceWorkerRegistration />
    </QueryClientProvider>
  );
}

function LocalizedUi({ children }: { children: ReactNode }) {
  const { locale, dir } = useAppLocale();
  return (
    <UiProvider locale={locale} dir={dir}>
      {children}
      <Toaster />
    </UiProvider>
  );
}
