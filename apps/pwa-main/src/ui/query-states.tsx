'use client';

import { EmptyState, ErrorState, Skeleton } from '@salla-analytics/ui-components';
import type { ReactNode } from 'react';
import { useAppLocale } from './i18n-context';
import type { ApiError } from './use-api';

/** Skeleton while loading, the error state with retry, the empty state, or the content. */
export function QueryBoundary({
  loading,
  error,
  empty,
  onRetry,
  retrying,
  skeletonHeight = 240,
  children,
}: {
  loading: boolean;
  error: ApiError | null;
  empty: boolean;
  onRetry: () => void;
  retrying: boolean;
  skeletonHeight?: number;
  children: ReactNode;
}) {
  const { t } = useAppLocale();
  if (loading) return <Skeleton className="w-full" style={{ height: skeletonHeight }} />;
  if (error) {
    return (
      <ErrorState
        title={t.states.errorTitle}
        description={t.states.errorDescription}
        onRetry={onRetry}
        retryLabel={t.states.retry}
        retrying={retrying}
        {...(error.requestId ? { reference: `${t.states.reference}: ${error.requestId}` } : {})}
      />
    );
  }
  if (empty) return <EmptyState title={t.states.emptyTitle} description={t.states.emptyDescription} />;
  return <>{children}</>;
}
