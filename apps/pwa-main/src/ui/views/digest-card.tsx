'use client';

import { Button, Card, CardContent, CardDescription, CardFooter, CardHeader, Skeleton, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DigestPreferenceView } from '../../contracts/alerts';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { SectionTitle } from '../section-title';
import { fetchApi, useApi } from '../use-api';
import { Choice, FormField } from './form-field';

type Draft = Pick<DigestPreferenceView, 'enabled' | 'frequency' | 'hour' | 'locale'>;

/** Settings → the user's own daily/weekly summary email for this store. */
export function DigestCard() {
  const { t, locale } = useAppLocale();
  const client = useQueryClient();
  const query = useApi<DigestPreferenceView>('/api/v1/digest', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (query.data && !draft) {
      const { enabled, frequency, hour, locale: language } = query.data.data;
      setDraft({ enabled, frequency, hour, locale: language });
    }
  }, [query.data, draft]);
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const hourLabel = (hour: number) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 1, hour)));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      await fetchApi('/api/v1/digest', {}, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) });
      toast.success(t.digest.saved);
      await client.invalidateQueries({ queryKey: ['/api/v1/digest'] });
    } catch {
      toast.error(t.digest.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card className="max-w-2xl" data-testid="digest-card">
      <CardHeader>
        <SectionTitle>{t.digest.title}</SectionTitle>
        <CardDescription>{t.digest.description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <QueryBoundary loading={query.isPending} error={query.error} empty={false} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {draft ? (
            <>
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" name="digestEnabled" checked={draft.enabled} onChange={(e) => update('enabled', e.target.checked)} className="size-4" />
                {t.digest.enabled}
              </label>
              <FormField label={t.digest.frequency}>
                {(id) => (
                  <Choice
                    id={id}
                    value={draft.frequency}
                    disabled={!draft.enabled}
                    onChange={(v) => update('frequency', v as Draft['frequency'])}
                    options={[
                      ['daily', t.digest.daily],
                      ['weekly', t.digest.weekly],
                    ]}
                  />
                )}
              </FormField>
              <FormField label={`${t.digest.hour} — ${t.digest.zone(query.data?.data.timeZone ?? '')}`}>
                {(id) => (
                  <Choice
                    id={id}
                    value={String(draft.hour)}
                    disabled={!draft.enabled}
                    onChange={(v) => update('hour', Number(v))}
                    options={Array.from({ length: 24 }, (_, hour) => [String(hour), hourLabel(hour)])}
                  />
                )}
              </FormField>
              <FormField label={t.digest.language}>
                {(id) => (
                  <Choice
                    id={id}
                    value={draft.locale}
                    disabled={!draft.enabled}
                    onChange={(v) => update('locale', v as Draft['locale'])}
                    options={[
                      ['ar', 'العربية'],
                      ['en', 'English'],
                    ]}
                  />
                )}
              </FormField>
            </>
          ) : (
            <Skeleton className="h-32 w-full" />
          )}
        </QueryBoundary>
      </CardContent>
      <CardFooter>
        <Button onClick={() => void save()} disabled={saving || !draft} data-testid="save-digest">
          {t.digest.save}
        </Button>
      </CardFooter>
    </Card>
  );
}
