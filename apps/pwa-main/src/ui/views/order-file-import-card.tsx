'use client';

import { Button, Card, CardContent, CardDescription, CardHeader, toast } from '@salla-analytics/ui-components';
import { useQuery } from '@tanstack/react-query';
import { Upload } from 'lucide-react';
import { useId, useState } from 'react';
import { FILES_TEXT } from '../../i18n/files-messages';
import { useAppLocale } from '../i18n-context';
import { SectionTitle } from '../section-title';
import { type ApiEnvelope, ApiError, fetchApi } from '../use-api';

interface UploadResult {
  uploadId: string;
  fileName: string;
  rowCount: number;
  headers: string[];
  suggestedMapping: Record<string, number>;
  fields: Array<{ field: string; label: { ar: string; en: string }; required: boolean }>;
}

interface Preview {
  validOrders: number;
  rejectedOrders: number;
  errorCount: number;
  errors: Array<{ row: number; column: string; code: string; message: { ar: string; en: string } }>;
  totalsMinor: Record<string, number>;
}

interface ImportProgress {
  status: 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  done: number;
  total: number | null;
  fraction: number | null;
  orders: number | null;
  error: string | null;
}

const ACTIVE = new Set(['queued', 'running']);

function postJson<T>(path: string, body: unknown): Promise<ApiEnvelope<T>> {
  return fetchApi<T>(path, {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Settings → import orders from a file: upload (CSV/XLSX), map the columns (suggested from the
 * headers, Arabic or English), check every row (rejected rows with their reason), then import the
 * valid orders through the pipeline with progress.
 */
export function OrderFileImportCard({ role }: { role: string }) {
  const { lang, number, money, percent } = useAppLocale();
  const text = FILES_TEXT[lang].import;
  const inputId = useId();
  const canImport = role === 'owner' || role === 'admin';
  const [upload, setUpload] = useState<UploadResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'upload' | 'check' | 'start' | null>(null);
  const [started, setStarted] = useState(false);

  const progressQuery = useQuery<ApiEnvelope<ImportProgress>, ApiError>({
    queryKey: ['/api/v1/imports', upload?.uploadId],
    queryFn: ({ signal }) => fetchApi<ImportProgress>('/api/v1/imports', { id: upload?.uploadId ?? '' }, { signal }),
    enabled: started && upload !== null,
    refetchInterval: (current) => (ACTIVE.has(current.state.data?.data.status ?? 'queued') ? 1_000 : false),
  });
  const progress = progressQuery.data?.data ?? null;

  const fail = (error: unknown) => toast.error(error instanceof ApiError ? error.message.replace(/^\d+ [A-Z_]+: /, '') : String(error));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy('upload');
    setPreview(null);
    setStarted(false);
    try {
      const form = new FormData();
      form.set('file', file);
      const { data } = await fetchApi<UploadResult>('/api/v1/imports', {}, { method: 'POST', body: form });
      setUpload(data);
      setMapping(data.suggestedMapping);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const check = async () => {
    if (!upload) return;
    setBusy('check');
    try {
      setPreview((await postJson<Preview>('/api/v1/imports/preview', { uploadId: upload.uploadId, mapping })).data);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const start = async () => {
    if (!upload) return;
    setBusy('start');
    try {
      await postJson('/api/v1/imports/start', { uploadId: upload.uploadId, mapping });
      setStarted(true);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const setField = (field: string, value: string) => {
    setPreview(null);
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
  };

  return (
    <Card className="max-w-3xl" data-testid="order-file-import">
      <CardHeader>
        <SectionTitle>{text.title}</SectionTitle>
        <CardDescription>{text.description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {!canImport ? (
          <p className="text-sm text-muted-foreground">{text.readOnly}</p>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={inputId} className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-input bg-background px-4 text-sm font-medium shadow-xs hover:bg-muted">
              <Upload aria-hidden className="size-4" />
              {busy === 'upload' ? text.uploading : upload ? text.another : text.choose}
            </label>
            <input
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="sr-only"
              data-testid="import-file"
              onChange={(event) => void onFile(event.target.files?.[0])}
            />
            <span className="text-xs text-muted-foreground">{upload ? `${upload.fileName} — ${text.fileRows(number(upload.rowCount))}` : text.limits}</span>
          </div>
        )}

        {upload && canImport && (
          <section aria-label={text.mapping} className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold">{text.mapping}</h3>
            <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
              {upload.fields.map(({ field, label, required }) => (
                <label key={field} className="flex items-center justify-between gap-2 text-sm">
                  <span>
                    {label[lang]}
                    {required && <span className="ms-1 text-xs text-destructive">({text.required})</span>}
                  </span>
                  <select
                    className="h-8 w-44 rounded-md border border-input bg-background px-2 text-sm"
                    value={mapping[field] ?? ''}
                    onChange={(event) => setField(field, event.target.value)}
                    data-testid={`map-${field}`}
                  >
                    <option value="">{text.none}</option>
                    {upload.headers.map((header, index) => (
                      <option key={`${header}-${index}`} value={index}>
                        {header || `#${index + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <div>
              <Button variant="outline" onClick={() => void check()} disabled={busy !== null} data-testid="import-check">
                {busy === 'check' ? text.checking : text.check}
              </Button>
            </div>
          </section>
        )}

        {preview && (
          <section className="flex flex-col gap-2" data-testid="import-preview">
            <p className="text-sm font-medium" data-testid="import-summary">
              {text.summary(number(preview.validOrders), number(preview.rejectedOrders))}
              {Object.entries(preview.totalsMinor).map(([currency, minor]) => ` · ${text.total}: ${money(minor, currency)}`)}
            </p>
            {preview.errors.length > 0 && (
              <div className="max-h-64 overflow-auto rounded-md border">
                <table className="w-full text-sm" data-testid="import-errors">
                  <caption className="sr-only">{text.errorsTitle}</caption>
                  <thead className="bg-muted text-start">
                    <tr>
                      <th className="px-2 py-1 text-start">{text.row}</th>
                      <th className="px-2 py-1 text-start">{text.column}</th>
                      <th className="px-2 py-1 text-start">{text.reason}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((error, index) => (
                      <tr key={`${error.row}-${error.column}-${index}`} className="border-t">
                        <td className="px-2 py-1 tabular-nums">{number(error.row)}</td>
                        <td className="px-2 py-1">{error.column || '—'}</td>
                        <td className="px-2 py-1">{error.message[lang]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {!started && (
              <div>
                <Button onClick={() => void start()} disabled={busy !== null || preview.validOrders === 0} data-testid="import-start">
                  {busy === 'start' ? text.starting : text.start}
                </Button>
              </div>
            )}
          </section>
        )}

        {started && progress && (
          <section className="flex flex-col gap-2">
            <p className="text-sm font-medium" data-testid="import-status" data-status={progress.status} aria-live="polite">
              {text[progress.status]}
              {progress.fraction !== null && ` — ${percent(progress.fraction)}`}
              {progress.status === 'succeeded' && ` · ${text.imported(number(progress.done))}`}
            </p>
            <div role="progressbar" aria-label={text.title} aria-valuemin={0} aria-valuemax={progress.total ?? 0} aria-valuenow={progress.done} className="h-2 w-full overflow-hidden rounded-full bg-muted">
              <div className="h-full bg-primary transition-all" style={{ width: `${Math.round((progress.fraction ?? 0) * 100)}%` }} />
            </div>
            {progress.error && <p className="rounded-md bg-muted p-3 text-sm">{progress.error}</p>}
          </section>
        )}
      </CardContent>
    </Card>
  );
}
