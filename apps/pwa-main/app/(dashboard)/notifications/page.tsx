import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../src/server/page-session';
import { NotificationsView } from '../../../src/ui/views/notifications-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].pages.notifications };
}

export default async function Page() {
  const session = await getPageSession();
  if (!session) redirect('/login');
  return <NotificationsView timeZone={session.store.timeZone} />;
}
