'use client';

import { Button, Card, CardContent, CardDescription, CardFooter, CardHeader, toast } from '@salla-analytics/ui-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAppLocale } from '../i18n-context';
import { SectionTitle } from '../section-title';
import { type ApiEnvelope, type ApiError, fetchApi } from '../use-api';

/** What GET /api/v1/history-import returns (core-library's BackfillProgress, JSON). */
interface HistoryImport {
  jobId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  done: number;
  total: number | null;
  fraction: number | null;
  ratePerSecond: number | null;
  etaSeconds: number | null;
  resources: Record<'products' | 'customers' | 'orders', { done: number; total: number | null }> | null;
  error: string | null;
  finishedAt: string | null;
}

// Kept with the card (one feature, one file); the app's shared messages stay untouched.
const TEXT = {
  ar: {
    title: 'استيراد سجل المتجر',
    description: 'يستورد الطلبات والمنتجات والعملاء السابقين من سلة، فتشمل التقارير تاريخ متجرك كاملاً. يمكن تشغيله مرة أخرى في أي وقت دون تكرار البيانات.',
    start: 'استيراد السجل',
    again: 'استيراد مرة أخرى',
    starting: 'جارٍ البدء…',
    queued: 'في الانتظار',
    running: 'جارٍ الاستيراد',
    succeeded: 'اكتمل الاستيراد',
    failed: 'تعذّر الاستيراد',
    canceled: 'أُلغي الاستيراد',
    never: 'لم يُستورد سجل هذا المتجر بعد.',
    perSecond: 'عنصر/ث',
    eta: 'الوقت المتبقي',
    resources: { orders: 'الطلبات', products: 'المنتجات', customers: 'العملاء' },
    startFailed: 'تعذّر بدء الاستيراد',
    readOnly: 'يمكن لمالك المتجر أو المسؤول فقط بدء الاستيراد.',
  },
  en: {
    title: 'Store history import',
    description: 'Imports your past orders, products and customers from Salla, so reports cover your whole history. Safe to run again at any time: nothing is counted twice.',
    start: 'Import history',
    again: 'Import again',
    starting: 'Starting…',
    queued: 'Queued',
    running: 'Importing',
    succeeded: 'Import complete',
    failed: 'Import failed',
    canceled: 'Import canceled',
    never: 'This store’s history has not been imported yet.',
    perSecond: 'items/s',
    eta: 'Time left',
    resources: { orders: 'Orders', products: 'Products', customers: 'Customers' },
    startFailed: 'Could not start the import',
    readOnly: 'Only the store owner or an admin can start an import.',
  },
} as const;

const ACTIVE = new Set(['queued', 'running']);

/** Settings → history import: the button, and the progress (done / total, rate, ETA) while it runs. */
export function HistoryImportCard({ role }: { role: string }) {
  const { lang, number, percent } = useAppLocale();
  const text = TEXT[lang];
  const client = useQueryClient();
  const [starting, setStarting] = useState(false);
  const canStart = role === 'owner' || role === 'admin';
  const query = useQuery<ApiEnvelope<HistoryImport | null>, ApiError>({
    queryKey: ['/api/v1/history-import'],
    queryFn: ({ signal }) => fetchApi<HistoryImport | null>('/api/v1/history-import', {}, { signal }),
    // Poll while an import is under way; the pipeline's worker moves it forward.
    refetchInterval: (current) => (current.state.data?.data && ACTIVE.has(current.state.data.data.status) ? 1_000 : false),
  });
  const progress = query.data?.data ?? null;
  const active = progress !== null && ACTIVE.has(progress.status);

  const start = async () => {
    setStarting(true);
    try {
      await fetchApi('/api/v1/history-import', {}, { method: 'POST' });
      await client.invalidateQueries({ queryKey: ['/api/v1/history-import'] });
    } catch {
      toast.error(text.startFailed);
    } finally {
      setStarting(false);
    }
  };

  const eta = progress?.etaSeconds ?? null;
  return (
    <Card className="max-w-2xl" data-testid="history-import">
      <CardHeader>
        <SectionTitle>{text.title}</SectionTitle>
        <CardDescription>{text.description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {progress === null ? (
          <p className="text-sm text-muted-foreground">{query.isPending ? '…' : text.never}</p>
        ) : (
          <>
            <p className="text-sm font-medium" data-testid="history-import-status" data-status={progress.status}>
              {text[progress.status]}
              {progress.fraction !== null && ` — ${percent(progress.fraction)}`}
            </p>
            <div
              role="progressbar"
              aria-label={text.title}
              aria-valuemin={0}
              aria-valuemax={progress.total ?? 0}
              aria-valuenow={progress.done}
              className="h-2 w-full overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full bg-primary transition-all" style={{ width: `${Math.round((progress.fraction ?? 0) * 100)}%` }} />
            </div>
            <p className="text-sm tabular-nums" data-testid="history-import-counts">
              {number(progress.done)}
              {progress.total !== null && ` / ${number(progress.total)}`}
              {active && progress.ratePerSecond !== null && ` · ${number(Math.round(progress.ratePerSecond))} ${text.perSecond}`}
              {active && eta !== null && ` · ${text.eta} ${formatDuration(eta, lang)}`}
            </p>
            {progress.resources && (
              <ul className="grid grid-cols-3 gap-2 text-xs text-muted-foreground">
                {(['orders', 'products', 'customers'] as const).map((resource) => (
                  <li key={resource}>
                    {text.resources[resource]}: {number(progress.resources?.[resource].done ?? 0)}
                    {progress.resources?.[resource].total != null && ` / ${number(progress.resources[resource].total ?? 0)}`}
                  </li>
                ))}
              </ul>
            )}
            {progress.status === 'failed' && progress.error && <p className="rounded-md bg-muted p-3 text-sm">{progress.error}</p>}
          </>
        )}
        {!canStart && <p className="text-sm text-muted-foreground">{text.readOnly}</p>}
      </CardContent>
      {canStart && (
        <CardFooter>
          <Button onClick={() => void start()} disabled={starting || active} data-testid="history-import-start">
            {starting ? text.starting : progress === null ? text.start : text.again}
          </Button>
        </CardFooter>
      )}
    </Card>
  );
}

function formatDuration(seconds: number, lang: 'ar' | 'en'): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (lang === 'ar') return minutes > 0 ? `${minutes} د ${rest} ث` : `${rest} ث`;
  return minutes > 0 ? `${minutes}m ${rest}s` : `${rest}s`;
}
