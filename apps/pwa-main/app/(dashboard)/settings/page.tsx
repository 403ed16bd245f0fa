import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../src/server/page-session';
import { SettingsView } from '../../../src/ui/views/settings-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].pages.settings };
}

export default async function Page() {
  const [session, preferences] = await Promise.all([getPageSession(), getDisplayPreferences()]);
  if (!session) redirect('/login');
  return <SettingsView role={session.role} arabicDigits={preferences.arabicDigits} />;
}
