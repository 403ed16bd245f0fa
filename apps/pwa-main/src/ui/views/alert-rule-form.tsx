'use client';

import { ALERT_THRESHOLD_LIMITS, type AlertRuleKind } from '@salla-analytics/core-library';
import { Button, Card, CardContent, CardFooter, CardHeader, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useAppLocale } from '../i18n-context';
import { SectionTitle } from '../section-title';
import { ApiError, fetchApi } from '../use-api';
import { FormField, TextInput } from './form-field';

const TYPES: AlertRuleKind[] = ['revenue_drop', 'no_orders', 'orders_spike', 'revenue_spike'];
const DEFAULT_THRESHOLD: Record<AlertRuleKind, string> = { revenue_drop: '30', no_orders: '6', orders_spike: '3', revenue_spike: '3' };
const isSpike = (type: AlertRuleKind) => type === 'orders_spike' || type === 'revenue_spike';
const SELECT = 'h-9 w-full rounded-md border border-input bg-background px-3 text-sm sm:w-72';

/** Spikes are entered as "× the usual" and stored as a percent of the baseline (3 → 300). */
export function thresholdFromInput(type: AlertRuleKind, value: string): number {
  return isSpike(type) ? Math.round(Number(value) * 100) : Math.round(Number(value));
}

export function AlertRuleForm() {
  const { t, number } = useAppLocale();
  const client = useQueryClient();
  const [type, setType] = useState<AlertRuleKind>('revenue_drop');
  const [name, setName] = useState('');
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD.revenue_drop);
  const [weeks, setWeeks] = useState('4');
  const [suppression, setSuppression] = useState('24');
  const [email, setEmail] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const limits = ALERT_THRESHOLD_LIMITS[type];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: name.trim() || t.alerts.types[type],
        type,
        threshold: thresholdFromInput(type, threshold),
        ...(type === 'no_orders' ? {} : { baselineWeeks: Number(weeks) }),
        suppressionHours: Number(suppression),
        emailEnabled: email,
      };
      await fetchApi('/api/v1/alerts', {}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      toast.success(t.alerts.created);
      // Ready for the next rule: back to the defaults.
      setName('');
      setThreshold(DEFAULT_THRESHOLD[type]);
      setWeeks('4');
      setSuppression('24');
      setEmail(true);
      await client.invalidateQueries({ queryKey: ['/api/v1/alerts'] });
    } catch (failure) {
      const refused = failure instanceof ApiError && (failure.code === 'VALIDATION_FAILED' || failure.code === 'INVALID_ARGUMENT');
      const scale = isSpike(type) ? 100 : 1;
      setError(refused ? `${t.alerts.saveFailed}. ${t.alerts.allowedRange(number(limits.min / scale), number(limits.max / scale))}` : t.alerts.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <form onSubmit={(event) => void submit(event)} data-testid="alert-form">
        <CardHeader>
          <SectionTitle>{t.alerts.newRule}</SectionTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <FormField label={t.alerts.type}>
            {(id) => (
              <select
                id={id}
                name="type"
                className={SELECT}
                value={type}
                onChange={(e) => {
                  const next = e.target.value as AlertRuleKind;
                  setType(next);
                  setThreshold(DEFAULT_THRESHOLD[next]);
                }}
              >
                {TYPES.map((option) => (
                  <option key={option} value={option}>
                    {t.alerts.types[option]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t.alerts.name}>
            {(id) => <TextInput id={id} name="name" maxLength={120} placeholder={t.alerts.types[type]} value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <FormField label={t.alerts.thresholdLabel[type]}>
            {(id) => (
              <TextInput
                id={id}
                name="threshold"
                type="number"
                required
                min={isSpike(type) ? limits.min / 100 : limits.min}
                max={isSpike(type) ? limits.max / 100 : limits.max}
                step={isSpike(type) ? 0.1 : 1}
                value={threshold}
                onChange={(e) => setThreshold(e.target.value)}
              />
            )}
          </FormField>
          {type !== 'no_orders' && (
            <FormField label={t.alerts.baselineWeeks}>
              {(id) => <TextInput id={id} name="baselineWeeks" type="number" min={1} max={12} required value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
            </FormField>
          )}
          <FormField label={t.alerts.suppression}>
            {(id) => <TextInput id={id} name="suppressionHours" type="number" min={1} max={336} required value={suppression} onChange={(e) => setSuppression(e.target.value)} />}
          </FormField>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="emailEnabled" checked={email} onChange={(e) => setEmail(e.target.checked)} className="size-4" />
            {t.alerts.email}
          </label>
          {error && (
            <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive">
              {error}
            </p>
          )}
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={saving} data-testid="create-alert">
            {t.alerts.create}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
