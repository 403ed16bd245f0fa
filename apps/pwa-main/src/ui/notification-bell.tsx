'use client';

import { Button } from '@salla-analytics/ui-components';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import type { NotificationView } from '../contracts/alerts';
import { useAppLocale } from './i18n-context';
import { useApi } from './use-api';

/** The header bell: the unread count, linking to the notification list. */
export function NotificationBell() {
  const { t, number } = useAppLocale();
  const query = useApi<NotificationView[]>('/api/v1/notifications', { limit: 1 });
  const unread = Number(query.data?.meta.unread ?? 0);
  return (
    <Button asChild variant="ghost" size="sm" className="relative">
      <Link href="/notifications" aria-label={t.notifications.bell(number(unread))} data-testid="notification-bell">
        <Bell aria-hidden className="size-4" />
        {unread > 0 && (
          <span className="absolute -top-1 -end-1 grid min-w-5 place-items-center rounded-full bg-destructive px-1 text-[11px] font-semibold text-white" data-testid="unread-count">
            {number(unread)}
          </span>
        )}
      </Link>
    </Button>
  );
}
