import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../../src/server/page-session';
import { CampaignFormView } from '../../../../src/ui/views/campaign-form-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].campaigns.newCampaign };
}

export default async function Page() {
  const session = await getPageSession();
  if (!session) redirect('/login');
  if (session.role !== 'owner' && session.role !== 'admin') redirect('/campaigns');
  return <CampaignFormView />;
}
