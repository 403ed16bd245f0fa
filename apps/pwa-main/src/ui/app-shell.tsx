'use client';

import { Button, cn } from '@salla-analytics/ui-components';
import { BarChart3, BellRing, Languages, LayoutDashboard, LogOut, Mail, MessageCircleQuestion, Package, Settings, ShoppingCart, Users, UsersRound } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useAppLocale } from './i18n-context';
import { NotificationBell } from './notification-bell';
import { OfflineBanner } from './offline-banner';

const NAV = [
  { href: '/', key: 'overview', icon: LayoutDashboard },
  { href: '/sales', key: 'sales', icon: BarChart3 },
  { href: '/products', key: 'products', icon: Package },
  { href: '/customers', key: 'customers', icon: Users },
  { href: '/carts', key: 'carts', icon: ShoppingCart },
  { href: '/segments', key: 'segments', icon: UsersRound },
  { href: '/campaigns', key: 'campaigns', icon: Mail },
  { href: '/alerts', key: 'alerts', icon: BellRing },
  { href: '/ask', key: 'ask', icon: MessageCircleQuestion },
  { href: '/settings', key: 'settings', icon: Settings },
] as const;

/** Keeps the period when moving between pages (the view is in the URL). */
const PERIOD_PARAMS = ['preset', 'from', 'to', 'compare'];

export function AppShell({ storeName, children }: { storeName: string; children: ReactNode }) {
  const { t, lang } = useAppLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const carried = new URLSearchParams();
  for (const name of PERIOD_PARAMS) {
    const value = search.get(name);
    if (value) carried.set(name, value);
  }
  const suffix = carried.size > 0 ? `?${carried}` : '';

  const switchLanguage = () => {
    const next = lang === 'ar' ? 'en' : 'ar';
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `sa_lang=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    window.location.reload();
  };

  return (
    <div className="min-h-dvh bg-background text-foreground">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-primary focus:px-3 focus:py-2 focus:text-primary-foreground">
        {t.skipToContent}
      </a>
      <OfflineBanner />
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-primary text-primary-foreground">
              <BarChart3 className="size-5" />
            </span>
            <div className="leading-tight">
              <p className="font-bold">{t.appName}</p>
              <p className="text-sm text-muted-foreground" data-testid="store-name">
                {storeName}
              </p>
            </div>
          </div>
          <div className="flex items-center gap-2">
            <NotificationBell />
            <Button variant="outline" size="sm" onClick={switchLanguage} aria-label={t.switchLanguageLabel} lang={lang === 'ar' ? 'en' : 'ar'} data-testid="language-switch">
              <Languages aria-hidden className="size-4" />
              {t.switchLanguage}
            </Button>
            <form action="/api/auth/logout" method="post">
              <Button variant="ghost" size="sm" type="submit">
                <LogOut aria-hidden className="size-4 rtl:-scale-x-100" />
                {t.logout}
              </Button>
            </form>
          </div>
        </div>
        <nav aria-label={t.navLabel} className="mx-auto max-w-7xl overflow-x-auto px-2">
          <ul className="flex gap-1">
            {NAV.map(({ href, key, icon: Icon }) => {
              const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
              return (
                <li key={href}>
                  <Link
                    href={`${href}${suffix}`}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors',
                      active ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
                    )}
                  >
                    <Icon aria-hidden className="size-4" />
                    {t.nav[key]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
