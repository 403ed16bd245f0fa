import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MESSAGES } from '../../../src/i18n/messages';
import { getDisplayPreferences, getPageSession } from '../../../src/server/page-session';
import { ProductsView } from '../../../src/ui/views/products-view';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await getDisplayPreferences();
  return { title: MESSAGES[lang].pages.products };
}

export default async function Page() {
  const session = await getPageSession();
  if (!session) redirect('/login');
  return <ProductsView maxDate={session.today} />;
}
