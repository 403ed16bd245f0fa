'use client';

import { Button, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { RFM_SEGMENT_NAMES } from '../../contracts/rfm-segment-names';
import { useAppLocale } from '../i18n-context';
import { ApiError, fetchApi } from '../use-api';
import { FormField, TextInput } from './form-field';

const EMPTY = { name: '', minSpend: '', maxSpend: '', minOrders: '', maxOrders: '', lastOrderAfter: '', lastOrderBefore: '', city: '' };
type Draft = typeof EMPTY;

/** The form's values as the API's filters: only what is filled in; SAR → halalas; dates at UTC midnight. */
function filtersOf(draft: Draft, rfm: string[]): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (draft.minSpend) filters.minSpendMinor = Math.round(Number(draft.minSpend) * 100);
  if (draft.maxSpend) filters.maxSpendMinor = Math.round(Number(draft.maxSpend) * 100);
  if (draft.minOrders) filters.minOrders = Number(draft.minOrders);
  if (draft.maxOrders) filters.maxOrders = Number(draft.maxOrders);
  if (draft.lastOrderAfter) filters.lastOrderAfter = `${draft.lastOrderAfter}T00:00:00Z`;
  if (draft.lastOrderBefore) filters.lastOrderBefore = `${draft.lastOrderBefore}T00:00:00Z`;
  if (draft.city.trim()) filters.city = draft.city.trim();
  if (rfm.length > 0) filters.rfmSegments = rfm;
  return filters;
}

export function SegmentForm() {
  const { t } = useAppLocale();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [rfm, setRfm] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await fetchApi('/api/v1/segments', {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: draft.name, filters: filtersOf(draft, rfm) }) });
      toast.success(t.segmentsPage.saved);
      setDraft(EMPTY);
      setRfm([]);
      await client.invalidateQueries({ queryKey: ['/api/v1/segments'] });
    } catch (failure) {
      setError(failure instanceof ApiError ? `${t.segmentsPage.saveFailed}: ${failure.message}` : t.segmentsPage.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const numberField = (key: keyof Draft, label: string, step = '1') => (
    <FormField label={label}>{(id) => <TextInput id={id} name={key} type="number" min={0} step={step} value={draft[key]} onChange={(e) => update(key, e.target.value)} />}</FormField>
  );
  const dateField = (key: keyof Draft, label: string) => (
    <FormField label={label}>{(id) => <TextInput id={id} name={key} type="date" value={draft[key]} onChange={(e) => update(key, e.target.value)} />}</FormField>
  );

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 border-t border-border pt-4" data-testid="segment-form">
      <h3 className="font-medium">{t.segmentsPage.newSegment}</h3>
      <FormField label={t.segmentsPage.name}>
        {(id) => <TextInput id={id} name="name" required maxLength={100} value={draft.name} onChange={(e) => update('name', e.target.value)} />}
      </FormField>
      {numberField('minSpend', t.segmentsPage.minSpend, '0.01')}
      {numberField('maxSpend', t.segmentsPage.maxSpend, '0.01')}
      {numberField('minOrders', t.segmentsPage.minOrders)}
      {numberField('maxOrders', t.segmentsPage.maxOrders)}
      {dateField('lastOrderAfter', t.segmentsPage.lastOrderAfter)}
      {dateField('lastOrderBefore', t.segmentsPage.lastOrderBefore)}
      <FormField label={t.segmentsPage.city}>{(id) => <TextInput id={id} name="city" maxLength={100} value={draft.city} onChange={(e) => update('city', e.target.value)} />}</FormField>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t.segmentsPage.rfmFilter}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {RFM_SEGMENT_NAMES.map((name) => (
            <label key={name} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={rfm.includes(name)}
                onChange={(e) => setRfm((list) => (e.target.checked ? [...list, name] : list.filter((n) => n !== name)))}
              />
              {t.segments[name] ?? name}
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive">
          {error}
        </p>
      )}
      <div>
        <Button type="submit" disabled={saving} data-testid="save-segment">
          {t.segmentsPage.save}
        </Button>
      </div>
    </form>
  );
}
