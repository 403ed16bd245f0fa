import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../../src/server/page-session';
import { CampaignFormView } from '../../../../src/ui/views/campaign-form-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].campaigns.editCampaign };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [session, { id }] = await Promise.all([getPageSession(), params]);
  if (!session) redirect('/login');
  if (session.role !== 'owner' && session.role !== 'admin') redirect('/campaigns');
  return <CampaignFormView campaignId={id} />;
}
