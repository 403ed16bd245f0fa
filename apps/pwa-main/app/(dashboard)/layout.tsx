import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getPageSession } from '../../src/server/page-session';
import { AppShell } from '../../src/ui/app-shell';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getPageSession();
  if (!session) redirect('/login');
  return <AppShell storeName={session.store.name}>{children}</AppShell>;
}
