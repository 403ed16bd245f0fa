import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getEnv } from '../../src/env';
import { MESSAGES } from '../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../src/server/page-session';
import { LoginView } from '../../src/ui/login-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].login.title };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getPageSession()) redirect('/');
  const env = getEnv();
  const { error } = await searchParams;
  return <LoginView sallaOAuth={env.sallaOAuth} demoLogin={env.demoLogin} failed={error !== undefined} />;
}
