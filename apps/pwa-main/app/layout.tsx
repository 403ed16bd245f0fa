import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/500.css';
import '@fontsource/ibm-plex-sans-arabic/700.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { MESSAGES } from '../src/i18n/messages';
import { getDisplayPreferences } from '../src/server/page-session';
import { Providers } from '../src/ui/providers';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  const t = MESSAGES[lang];
  return {
    title: { default: t.appName, template: `%s · ${t.appName}` },
    description: t.tagline,
    applicationName: t.appName,
    appleWebApp: { capable: true, title: t.appName, statusBarStyle: 'default' },
    icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
  };
}

export const viewport: Viewport = {
  themeColor: '#0f5f63',
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, arabicDigits } = await getDisplayPreferences();
  return (
    <html lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <body className="bg-background font-sans text-foreground antialiased">
        <Providers lang={lang} arabicDigits={arabicDigits}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
