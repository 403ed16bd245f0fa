'use client';

import { Button } from '@salla-analytics/ui-components';
import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useAppLocale } from './i18n-context';

/** "Updated 12 s ago", counted from when the server computed the answer; a button refreshes now. */
export function FreshnessIndicator({ computedAt, fetching, onRefresh }: { computedAt?: string; fetching: boolean; onRefresh: () => void }) {
  const { t, number } = useAppLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  let text = '';
  if (computedAt) {
    const seconds = Math.max(0, Math.round((now - Date.parse(computedAt)) / 1000));
    text = seconds < 2 ? t.freshness.justNow : seconds < 120 ? t.freshness.secondsAgo(number(seconds)) : t.freshness.minutesAgo(number(Math.floor(seconds / 60)));
  }
  return (
    <div className="flex items-center gap-1 text-sm text-muted-foreground">
      <span data-testid="freshness" aria-live="off" suppressHydrationWarning>
        {fetching ? t.freshness.refreshing : text}
      </span>
      <Button variant="ghost" size="icon" onClick={onRefresh} disabled={fetching} aria-label={t.freshness.refresh} title={t.freshness.refresh}>
        <RefreshCw aria-hidden className={fetching ? 'size-4 animate-spin' : 'size-4'} />
      </Button>
    </div>
  );
}
