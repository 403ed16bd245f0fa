'use client';

import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  Skeleton,
  toast,
} from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { fetchApi, useApi } from '../use-api';
import { SectionTitle } from '../section-title';
import { DigestCard } from './digest-card';
import { HistoryImportCard } from './history-import-card';
import { Choice, FormField as Field } from './form-field';
import { OrderFileImportCard } from './order-file-import-card';

interface StoreSettings {
  name: string;
  timeZone: string;
  weekStart: 'saturday' | 'sunday' | 'monday';
  locale: 'ar' | 'en';
  currency: string;
}

const TIME_ZONES = ['Asia/Riyadh', 'Asia/Dubai', 'Asia/Kuwait', 'Asia/Qatar', 'Asia/Bahrain', 'Asia/Muscat', 'Africa/Cairo', 'Europe/London', 'UTC'];
const CURRENCIES = ['SAR', 'AED', 'KWD', 'BHD', 'QAR', 'OMR', 'USD'];

export function SettingsView({ role, arabicDigits }: { role: string; arabicDigits: boolean }) {
  const { t, lang } = useAppLocale();
  const client = useQueryClient();
  const query = useApi<StoreSettings>('/api/v1/settings', {});
  const [draft, setDraft] = useState<StoreSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const canEdit = role === 'owner' || role === 'admin';
  useEffect(() => {
    if (query.data && !draft) setDraft(query.data.data);
  }, [query.data, draft]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const { timeZone, weekStart, locale, currency } = draft;
      await fetchApi('/api/v1/settings', {}, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeZone, weekStart, locale, currency }) });
      toast.success(t.settings.saved);
      await client.invalidateQueries();
      if (locale !== lang) window.location.reload();
    } catch {
      toast.error(t.settings.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const setDigits = (value: string) => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain display preference for this browser
    document.cookie = `sa_digits=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
    window.location.reload();
  };

  const update = <K extends keyof StoreSettings>(key: K, value: StoreSettings[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  return (
    <>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t.pages.settings}</h1>
      </header>
      <Card className="max-w-2xl">
        <CardHeader>
          <SectionTitle>{t.settings.title}</SectionTitle>
          <CardDescription>{t.settings.description}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <QueryBoundary loading={query.isPending} error={query.error} empty={false} onRetry={() => void query.refetch()} retrying={query.isFetching}>
            {draft ? (
              <>
                <p className="text-sm">
                  {t.settings.role}: <strong data-testid="role">{t.settings.roles[role] ?? role}</strong>
                </p>
                {!canEdit && <p className="rounded-md bg-muted p-3 text-sm">{t.settings.readOnly}</p>}
                <Field label={t.settings.timeZone}>
                  {(id) => (
                    <Choice id={id} value={draft.timeZone} disabled={!canEdit} onChange={(v) => update('timeZone', v)} options={TIME_ZONES.map((z) => [z, z])} />
                  )}
                </Field>
                <Field label={t.settings.weekStart}>
                  {(id) => (
                    <Choice
                      id={id}
                      value={draft.weekStart}
                      disabled={!canEdit}
                      onChange={(v) => update('weekStart', v as StoreSettings['weekStart'])}
                      options={['saturday', 'sunday', 'monday'].map((d) => [d, t.settings.weekdays[d] ?? d])}
                    />
                  )}
                </Field>
                <Field label={t.settings.language}>
                  {(id) => (
                    <Choice id={id} value={draft.locale} disabled={!canEdit} onChange={(v) => update('locale', v as 'ar' | 'en')} options={['ar', 'en'].map((l) => [l, t.settings.languages[l] ?? l])} />
                  )}
                </Field>
                <Field label={t.settings.currency}>
                  {(id) => <Choice id={id} value={draft.currency} disabled={!canEdit} onChange={(v) => update('currency', v)} options={CURRENCIES.map((c) => [c, c])} />}
                </Field>
              </>
            ) : (
              <Skeleton className="h-40 w-full" />
            )}
          </QueryBoundary>
        </CardContent>
        {canEdit && (
          <CardFooter>
            <Button onClick={() => void save()} disabled={saving || !draft}>
              {saving ? t.settings.saving : t.settings.save}
            </Button>
          </CardFooter>
        )}
      </Card>
      <DigestCard />
      <HistoryImportCard role={role} />
      <OrderFileImportCard role={role} />
      <Card className="max-w-2xl">
        <CardHeader>
          <SectionTitle>{t.settings.digits}</SectionTitle>
          <CardDescription>{t.settings.digitsHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          <Field label={t.settings.digits}>
            {(id) => (
              <Choice
                id={id}
                value={arabicDigits ? 'arab' : 'latn'}
                onChange={setDigits}
                options={[
                  ['latn', t.settings.digitsLatin],
                  ['arab', t.settings.digitsArabic],
                ]}
              />
            )}
          </Field>
        </CardContent>
      </Card>
    </>
  );
}
