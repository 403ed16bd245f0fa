'use client';

import { Button, Card, CardContent, CardFooter, CardHeader, Skeleton, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CampaignRules, CampaignView } from '../../contracts/campaign-view';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { SectionTitle } from '../section-title';
import { ApiError, fetchApi, useApi } from '../use-api';
import { CampaignStats } from './campaigns-view';
import { FormField, TextInput } from './form-field';

interface Draft {
  name: string;
  status: 'active' | 'paused';
  delayMinutes: string;
  minCartValue: string;
  maxAttempts: string;
  spacingHours: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  attributionHours: string;
}

const DEFAULT_DRAFT: Draft = {
  name: '',
  status: 'active',
  delayMinutes: '60',
  minCartValue: '100',
  maxAttempts: '2',
  spacingHours: '24',
  quiet: true,
  quietFrom: '22:00',
  quietTo: '08:00',
  attributionHours: '72',
};

const toClock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const fromClock = (clock: string) => {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

function draftOf(campaign: CampaignView): Draft {
  const r = campaign.rules;
  return {
    name: campaign.name,
    status: campaign.status,
    delayMinutes: String(r.delayMinutes),
    minCartValue: (r.minCartValueMinor / 100).toFixed(2),
    maxAttempts: String(r.maxAttempts),
    spacingHours: String(r.attemptSpacingMinutes / 60),
    quiet: r.quietHours !== null,
    quietFrom: toClock(r.quietHours?.start ?? 1_320),
    quietTo: toClock(r.quietHours?.end ?? 480),
    attributionHours: String(r.attributionWindowHours),
  };
}

/** The form's values as the API's rules (SAR → halalas, hours → minutes, clock → minute of day). */
function rulesOf(draft: Draft): CampaignRules {
  return {
    delayMinutes: Math.round(Number(draft.delayMinutes)),
    minCartValueMinor: Math.round(Number(draft.minCartValue) * 100),
    maxAttempts: Math.round(Number(draft.maxAttempts)),
    attemptSpacingMinutes: Math.round(Number(draft.spacingHours) * 60),
    quietHours: draft.quiet ? { start: fromClock(draft.quietFrom), end: fromClock(draft.quietTo) } : null,
    attributionWindowHours: Math.round(Number(draft.attributionHours)),
  };
}

/** Create (no `campaignId`) or edit a cart recovery campaign. */
export function CampaignFormView({ campaignId }: { campaignId?: string }) {
  const { t } = useAppLocale();
  const router = useRouter();
  const client = useQueryClient();
  const list = useApi<CampaignView[]>('/api/v1/campaigns', {});
  const existing = campaignId ? list.data?.data.find((c) => c.id === campaignId) : undefined;
  const [draft, setDraft] = useState<Draft | null>(campaignId ? null : DEFAULT_DRAFT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quietId = useId();
  useEffect(() => {
    if (existing && !draft) setDraft(draftOf(existing));
  }, [existing, draft]);
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    setError(null);
    try {
      const body = campaignId
        ? { id: campaignId, name: draft.name, status: draft.status, rules: rulesOf(draft) }
        : { name: draft.name, status: draft.status, rules: rulesOf(draft) };
      await fetchApi('/api/v1/campaigns', {}, { method: campaignId ? 'PATCH' : 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      toast.success(t.campaigns.saved);
      await client.invalidateQueries({ queryKey: ['/api/v1/campaigns'] });
      router.push('/campaigns');
    } catch (failure) {
      setError(failure instanceof ApiError ? `${t.campaigns.saveFailed}: ${failure.message}` : t.campaigns.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const loading = campaignId !== undefined && list.isPending;
  const missing = campaignId !== undefined && !list.isPending && !existing;
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{campaignId ? t.campaigns.editCampaign : t.campaigns.newCampaign}</h1>
        <Button asChild variant="ghost" size="sm">
          <Link href="/campaigns">{t.campaigns.back}</Link>
        </Button>
      </header>
      <QueryBoundary loading={loading} error={list.error} empty={missing} onRetry={() => void list.refetch()} retrying={list.isFetching}>
        {existing && (
          <section className="max-w-3xl" aria-label={t.campaigns.title} data-testid="campaign-stats">
            <CampaignStats campaign={existing} currency={(list.data?.meta.currency as string | undefined) ?? 'SAR'} />
          </section>
        )}
        <Card className="max-w-3xl">
          <form onSubmit={(event) => void submit(event)} data-testid="campaign-form">
            <CardHeader>
              <SectionTitle>{t.campaigns.title}</SectionTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {!draft ? (
                <Skeleton className="h-64 w-full" />
              ) : (
                <>
                  <FormField label={t.campaigns.name}>
                    {(id) => <TextInput id={id} name="name" required maxLength={100} value={draft.name} onChange={(e) => update('name', e.target.value)} />}
                  </FormField>
                  <FormField label={t.campaigns.status}>
                    {(id) => (
                      <select id={id} name="status" className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm sm:w-72" value={draft.status} onChange={(e) => update('status', e.target.value as Draft['status'])}>
                        <option value="active">{t.campaigns.statuses.active}</option>
                        <option value="paused">{t.campaigns.statuses.paused}</option>
                      </select>
                    )}
                  </FormField>
                  <FormField label={t.campaigns.delay}>
                    {(id) => <TextInput id={id} name="delayMinutes" type="number" min={5} max={10080} required value={draft.delayMinutes} onChange={(e) => update('delayMinutes', e.target.value)} />}
                  </FormField>
                  <FormField label={t.campaigns.minValue}>
                    {(id) => <TextInput id={id} name="minCartValue" type="number" min={0} step="0.01" required value={draft.minCartValue} onChange={(e) => update('minCartValue', e.target.value)} />}
                  </FormField>
                  <FormField label={t.campaigns.maxAttempts}>
                    {(id) => <TextInput id={id} name="maxAttempts" type="number" min={1} max={5} required value={draft.maxAttempts} onChange={(e) => update('maxAttempts', e.target.value)} />}
                  </FormField>
                  <FormField label={t.campaigns.spacing}>
                    {(id) => <TextInput id={id} name="spacingHours" type="number" min={0.5} max={336} step="0.5" required value={draft.spacingHours} onChange={(e) => update('spacingHours', e.target.value)} />}
                  </FormField>
                  <fieldset className="grid gap-2 sm:grid-cols-[16rem_1fr] sm:items-center">
                    <legend className="sr-only">{t.campaigns.quietHours}</legend>
                    <label className="flex items-center gap-2 text-sm font-medium">
                      <input type="checkbox" name="quiet" checked={draft.quiet} onChange={(e) => update('quiet', e.target.checked)} className="size-4" />
                      {t.campaigns.quietHours}
                    </label>
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <label htmlFor={`${quietId}-from`} className="flex items-center gap-2">
                        {t.campaigns.quietFrom}
                        <TextInput id={`${quietId}-from`} type="time" name="quietFrom" className="w-32 sm:w-32" disabled={!draft.quiet} value={draft.quietFrom} onChange={(e) => update('quietFrom', e.target.value)} dir="ltr" />
                      </label>
                      <label htmlFor={`${quietId}-to`} className="flex items-center gap-2">
                        {t.campaigns.quietTo}
                        <TextInput id={`${quietId}-to`} type="time" name="quietTo" className="w-32 sm:w-32" disabled={!draft.quiet} value={draft.quietTo} onChange={(e) => update('quietTo', e.target.value)} dir="ltr" />
                      </label>
                    </div>
                  </fieldset>
                  <FormField label={t.campaigns.attribution}>
                    {(id) => <TextInput id={id} name="attributionHours" type="number" min={1} max={720} required value={draft.attributionHours} onChange={(e) => update('attributionHours', e.target.value)} />}
                  </FormField>
                  {error && (
                    <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive">
                      {error}
                    </p>
                  )}
                </>
              )}
            </CardContent>
            <CardFooter>
              <Button type="submit" disabled={saving || !draft} data-testid="save-campaign">
                {campaignId ? t.campaigns.save : t.campaigns.create}
              </Button>
            </CardFooter>
          </form>
        </Card>
      </QueryBoundary>
    </>
  );
}
