'use client';

import { Button, Card, CardContent, CardDescription, CardHeader, EmptyState, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import type { AlertEventView, AlertRuleView } from '../../contracts/alerts';
import { type AppLocale, useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { SectionTitle } from '../section-title';
import { fetchApi, useApi } from '../use-api';
import { AlertRuleForm } from './alert-rule-form';

/** A rule's condition in words (spikes shown as × the usual). */
export function describeRule({ t, number, locale }: AppLocale, rule: Pick<AlertRuleView, 'type' | 'threshold' | 'baselineWeeks'>): string {
  const spike = rule.type === 'orders_spike' || rule.type === 'revenue_spike';
  const n = spike ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rule.threshold / 100) : number(rule.threshold);
  return t.alerts.describe[rule.type](n, number(rule.baselineWeeks));
}

/** "Value … · usual …" of a firing, in money or orders. */
export function measuredText(locale: AppLocale, event: { unit: 'orders' | 'minor_units'; value: number; baseline: number | null; currency: string }): string {
  const show = (value: number) => (event.unit === 'minor_units' ? locale.money(value, event.currency) : locale.number(value));
  return event.baseline === null ? locale.t.alerts.measuredNoBaseline(show(event.value)) : locale.t.alerts.measured(show(event.value), show(event.baseline));
}

/** A UTC instant as date and time on the store's clock (its settings' time zone, not the browser's). */
export function formatWhen(locale: AppLocale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function AlertsView({ role, timeZone }: { role: string; timeZone: string }) {
  const locale = useAppLocale();
  const { t, number } = locale;
  const client = useQueryClient();
  const rules = useApi<AlertRuleView[]>('/api/v1/alerts', {});
  const history = useApi<AlertEventView[]>('/api/v1/alerts/history', { limit: 50 });
  const canEdit = role === 'owner' || role === 'admin';
  const when = (iso: string) => formatWhen(locale, iso, timeZone);

  const change = async (init: RequestInit, params: Record<string, string> = {}) => {
    await fetchApi('/api/v1/alerts', params, { headers: { 'content-type': 'application/json' }, ...init });
    await client.invalidateQueries({ queryKey: ['/api/v1/alerts'] });
  };

  return (
    <>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t.alerts.title}</h1>
        <p className="text-sm text-muted-foreground">{t.alerts.help}</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section className="flex flex-col gap-4" aria-labelledby="alert-rules-title">
          <SectionTitle id="alert-rules-title">{t.alerts.rules}</SectionTitle>
          <QueryBoundary loading={rules.isPending} error={rules.error} empty={false} onRetry={() => void rules.refetch()} retrying={rules.isFetching}>
            {(rules.data?.data ?? []).length === 0 ? (
              <EmptyState title={t.alerts.none} />
            ) : (
              <ul className="flex flex-col gap-3" data-testid="alert-rules">
                {(rules.data?.data ?? []).map((rule) => (
                  <li key={rule.id}>
                    <Card data-testid="alert-rule">
                      <CardHeader className="flex flex-row items-start justify-between gap-3">
                        <div className="flex flex-col gap-1.5">
                          <SectionTitle data-testid="alert-rule-name">{rule.name}</SectionTitle>
                          <CardDescription data-testid="alert-rule-condition">{describeRule(locale, rule)}</CardDescription>
                        </div>
                        <span
                          className={rule.enabled ? 'rounded-full bg-success/15 px-2.5 py-0.5 text-xs font-medium text-success' : 'rounded-full bg-muted px-2.5 py-0.5 text-xs font-medium text-muted-foreground'}
                          data-testid="alert-rule-status"
                        >
                          {rule.enabled ? t.alerts.enabled : t.alerts.disabled}
                        </span>
                      </CardHeader>
                      <CardContent className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
                        <span>{rule.lastFiredAt ? t.alerts.lastFired(when(rule.lastFiredAt), rule.firedCount, number(rule.firedCount)) : t.alerts.neverFired}</span>
                        {canEdit && (
                          <span className="flex gap-2">
                            <Button variant="outline" size="sm" onClick={() => void change({ method: 'PATCH', body: JSON.stringify({ id: rule.id, enabled: !rule.enabled }) })}>
                              {rule.enabled ? t.alerts.turnOff : t.alerts.turnOn}
                            </Button>
                            <Button
                              variant="ghost"
                              size="sm"
                              onClick={() => void change({ method: 'DELETE' }, { id: rule.id }).then(() => toast.success(t.alerts.deleted))}
                            >
                              {t.alerts.delete}
                            </Button>
                          </span>
                        )}
                      </CardContent>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </QueryBoundary>
          {canEdit ? <AlertRuleForm /> : <p className="rounded-md bg-muted p-3 text-sm">{t.alerts.readOnly}</p>}
        </section>
        <section className="flex flex-col gap-4" aria-labelledby="alert-history-title">
          <SectionTitle id="alert-history-title">{t.alerts.history}</SectionTitle>
          <QueryBoundary loading={history.isPending} error={history.error} empty={false} onRetry={() => void history.refetch()} retrying={history.isFetching}>
            {(history.data?.data ?? []).length === 0 ? (
              <EmptyState title={t.alerts.noHistory} />
            ) : (
              <Card>
                <CardContent className="p-0">
                  <ol className="divide-y divide-border" data-testid="alert-history">
                    {(history.data?.data ?? []).map((event) => (
                      <li key={event.id} className="flex flex-col gap-1 px-4 py-3">
                        <span className="flex items-center justify-between gap-2">
                          <strong className="text-sm">{event.ruleName}</strong>
                          <time className="text-xs text-muted-foreground" dateTime={event.firedAt}>
                            {when(event.firedAt)}
                          </time>
                        </span>
                        <span className="text-sm text-muted-foreground">{measuredText(locale, event)}</span>
                      </li>
                    ))}
                  </ol>
                </CardContent>
              </Card>
            )}
          </QueryBoundary>
        </section>
      </div>
    </>
  );
}
