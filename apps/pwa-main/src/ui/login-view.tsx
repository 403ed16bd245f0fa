'use client';

import { Button, Card, CardContent, CardDescription, CardHeader } from '@salla-analytics/ui-components';
import { BarChart3, Languages, Store } from 'lucide-react';
import { useAppLocale } from './i18n-context';

export function LoginView({ sallaOAuth, demoLogin, failed }: { sallaOAuth: boolean; demoLogin: boolean; failed: boolean }) {
  const { t, lang } = useAppLocale();
  const switchLanguage = () => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `sa_lang=${lang === 'ar' ? 'en' : 'ar'}; Path=/; Max-Age=31536000; SameSite=Lax`;
    window.location.reload();
  };
  return (
    <main className="grid min-h-dvh place-items-center bg-background p-4">
      <Card className="w-full max-w-md">
        <CardHeader className="items-center text-center">
          <span aria-hidden className="mb-2 grid size-12 place-items-center rounded-xl bg-primary text-primary-foreground">
            <BarChart3 className="size-6" />
          </span>
          <h1 className="text-2xl font-bold">{t.appName}</h1>
          <CardDescription>{t.login.subtitle}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {failed && (
            <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive">
              {t.login.failed}
            </p>
          )}
          {sallaOAuth && (
            <Button asChild size="lg">
              <a href="/api/auth/salla/login">
                <Store aria-hidden className="size-4" />
                {t.login.withSalla}
              </a>
            </Button>
          )}
          {demoLogin && (
            <form action="/api/auth/demo" method="post" className="flex flex-col gap-1">
              <Button type="submit" size="lg" variant={sallaOAuth ? 'outline' : 'default'} className="w-full" data-testid="demo-login">
                {t.login.demo}
              </Button>
              <p className="text-center text-xs text-muted-foreground">{t.login.demoHint}</p>
            </form>
          )}
          {!sallaOAuth && !demoLogin && <p className="text-center text-sm text-muted-foreground">{t.login.none}</p>}
          <Button variant="ghost" size="sm" onClick={switchLanguage} className="self-center" lang={lang === 'ar' ? 'en' : 'ar'} data-testid="language-switch">
            <Languages aria-hidden className="size-4" />
            {t.switchLanguage}
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
