'use client';

import { Button, Card, CardContent, EmptyState } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../contracts/alerts';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { fetchApi, useApi } from '../use-api';
import { formatWhen, measuredText } from './alerts-view';

/** The notification list; opening it marks everything read (after showing what was new). */
export function NotificationsView({ timeZone }: { timeZone: string }) {
  const locale = useAppLocale();
  const { t } = locale;
  const client = useQueryClient();
  const query = useApi<NotificationView[]>('/api/v1/notifications', { limit: 50 });
  const items = query.data?.data ?? [];
  const unread = Number(query.data?.meta.unread ?? 0);
  const markAll = async () => {
    await fetchApi('/api/v1/notifications', {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ all: true }) });
    await client.invalidateQueries({ queryKey: ['/api/v1/notifications'] });
  };
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t.notifications.title}</h1>
        {unread > 0 && (
          <Button variant="outline" size="sm" onClick={() => void markAll()} data-testid="mark-all-read">
            {t.notifications.markAll}
          </Button>
        )}
      </header>
      <QueryBoundary loading={query.isPending} error={query.error} empty={false} onRetry={() => void query.refetch()} retrying={query.isFetching}>
        {items.length === 0 ? (
          <EmptyState title={t.notifications.none} />
        ) : (
          <Card className="max-w-3xl">
            <CardContent className="p-0">
              <ol className="divide-y divide-border" data-testid="notification-list">
                {items.map((item) => (
                  <li key={item.id} className={item.read ? 'flex flex-col gap-1 px-4 py-3' : 'flex flex-col gap-1 bg-primary/5 px-4 py-3'} data-testid="notification">
                    <span className="flex items-center justify-between gap-2">
                      <strong className="text-sm">
                        {item.ruleName}
                        {!item.read && <span className="ms-2 rounded-full bg-primary px-2 py-0.5 text-xs text-primary-foreground">{t.notifications.unread}</span>}
                      </strong>
                      <time className="text-xs text-muted-foreground" dateTime={item.createdAt}>
                        {formatWhen(locale, item.createdAt, timeZone)}
                      </time>
                    </span>
                    <span className="text-sm">{t.alerts.types[item.type]}</span>
                    <span className="text-xs text-muted-foreground">{measuredText(locale, item)}</span>
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
        )}
      </QueryBoundary>
    </>
  );
}
