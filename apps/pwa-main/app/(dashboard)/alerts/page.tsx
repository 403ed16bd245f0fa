import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../src/server/page-session';
import { AlertsView } from '../../../src/ui/views/alerts-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].pages.alerts };
}

export default async function Page() {
  const session = await getPageSession();
  if (!session) redirect('/login');
  return <AlertsView role={session.role} timeZone={session.store.timeZone} />;
}
