'use client';

import { Button, toast } from '@salla-analytics/ui-components';
import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { FILES_TEXT } from '../i18n/files-messages';
import { useAppLocale } from './i18n-context';
import { type ApiEnvelope, type ApiError, fetchApi } from './use-api';
import { usePeriod } from './use-period';

/** What POST /api/v1/exports and GET /api/v1/exports?id= return. */
interface ExportProgress {
  jobId: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled' | 'expired';
  done: number;
  total: number | null;
  fraction: number | null;
  rows: number | null;
  downloadUrl: string | null;
  error: string | null;
}

export type ExportTableName = 'products' | 'categories' | 'sales_breakdown' | 'rfm_segments' | 'rfm_members' | 'segment_members' | 'carts';

function startDownload(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "Export: CSV | Excel" for a table view: the server exports every row with the view's filters and
 * period (URL). Small exports download at once; large ones run in the background with progress
 * here, then download by a signed link.
 */
export function ExportButton({ table, filters = {} }: { table: ExportTableName; filters?: Record<string, string | undefined> }) {
  const { lang, number, percent } = useAppLocale();
  const text = FILES_TEXT[lang].export;
  const { params } = usePeriod();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery<ApiEnvelope<ExportProgress>, ApiError>({
    queryKey: ['/api/v1/exports', jobId],
    queryFn: ({ signal }) => fetchApi<ExportProgress>('/api/v1/exports', { id: jobId ?? '' }, { signal }),
    enabled: jobId !== null,
    refetchInterval: (current) => (['queued', 'running'].includes(current.state.data?.data.status ?? 'queued') ? 1_000 : false),
  });
  const progress = job.data?.data ?? null;

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setJobId(null);
    try {
      const defined = Object.fromEntries(Object.entries({ ...params, ...filters }).filter(([, v]) => v !== undefined));
      const { data } = await fetchApi<ExportProgress>('/api/v1/exports', {}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ table, format, locale: lang, ...defined }),
      });
      if (data.status === 'succeeded' && data.downloadUrl) startDownload(data.downloadUrl);
      else if (data.jobId) {
        setJobId(data.jobId);
        toast(text.queued);
      }
    } catch {
      toast.error(text.failed);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col items-end gap-1" data-testid={`export-${table}`}>
      <fieldset title={text.hint} className="m-0 flex items-center gap-1 border-0 p-0">
        <legend className="sr-only">{`${text.label} — ${text.hint}`}</legend>
        <span aria-hidden className="flex items-center gap-1 text-sm text-muted-foreground">
          <Download className="size-4" />
          {text.label}
        </span>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} size="sm" variant="outline" disabled={busy !== null} onClick={() => void run(format)} data-testid={`export-${table}-${format}`}>
            {busy === format ? text.preparing : text[format]}
          </Button>
        ))}
      </fieldset>
      {progress && (
        <p className="text-xs tabular-nums" data-testid={`export-${table}-status`} data-status={progress.status} aria-live="polite">
          {progress.status === 'succeeded' && progress.downloadUrl ? (
            <>
              {text.ready} ({number(progress.rows ?? 0)} {text.rows}) —{' '}
              <a className="font-medium underline" href={progress.downloadUrl} data-testid={`export-${table}-download`}>
                {text.download}
              </a>
            </>
          ) : progress.status === 'failed' ? (
            text.failed
          ) : progress.status === 'expired' ? (
            text.expired
          ) : (
            `${text.running} ${progress.fraction !== null ? percent(progress.fraction) : ''} (${number(progress.done)}${progress.total !== null ? ` / ${number(progress.total)}` : ''})`
          )}
        </p>
      )}
    </div>
  );
}
