'use client';

import type { AnswerNumber, AssistantAnswer } from '@salla-analytics/ai-assistant-service-lib';
import { Button, Card, CardContent, CardHeader, cn, formatLocalDateRange } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { Loader2, MessageCircleQuestion, Send } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { AnswerChart } from '../ask/answer-chart';
import { useAsk } from '../ask/use-ask';
import { useAppLocale } from '../i18n-context';
import { SectionTitle } from '../section-title';
import { useApi } from '../use-api';

interface HistoryItem {
  id: string;
  question: string;
  language: string;
  status: string;
  createdAt: string;
  answer: AssistantAnswer;
}

const MAX = 500;

export function AskView() {
  const { t, money, number, percent, locale: dateLocale } = useAppLocale();
  const range = (r: { fromDate: string; toDate: string }) => formatLocalDateRange(r.fromDate, r.toDate, dateLocale);
  const client = useQueryClient();
  const history = useApi<HistoryItem[]>('/api/v1/assistant/history', { limit: 10 });
  const { state, ask, show } = useAsk(() => void client.invalidateQueries({ queryKey: ['/api/v1/assistant/history'] }));
  const [question, setQuestion] = useState('');

  const submit = (event?: FormEvent, text = question) => {
    event?.preventDefault();
    const q = text.trim();
    if (!q || q.length > MAX || state.streaming) return;
    setQuestion(q);
    void ask(q);
  };

  const numbers = state.answer?.numbers ?? state.data?.numbers ?? [];
  const currency = state.answer?.currency ?? state.data?.currency ?? 'SAR';
  const chart = state.answer?.chart ?? state.data?.chart ?? null;
  const definitions = state.answer?.definitions ?? state.data?.definitions ?? [];
  const period = state.answer?.period ?? state.data?.period ?? null;
  const comparison = state.answer?.comparison ?? state.data?.comparison ?? null;
  const cannot = (state.answer?.status ?? state.data?.status) === 'cannot_answer';
  const shown = (n: AnswerNumber) => (n.unit === 'minor_units' ? money(n.value, currency) : n.unit === 'ratio' ? percent(n.value) : number(n.value));
  const answerDir = state.question ? (/[\u0600-\u06FF]/.test(state.question) ? 'rtl' : 'ltr') : undefined;

  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t.ask.title}</h1>
        <p className="text-sm text-muted-foreground">{t.ask.intro}</p>
      </header>
      <Card>
        <CardContent className="flex flex-col gap-3 pt-6">
          <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" data-testid="ask-form">
            <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
              {t.ask.label}
              <input
                dir="auto"
                name="question"
                data-testid="ask-input"
                value={question}
                maxLength={MAX}
                onChange={(e) => setQuestion(e.target.value)}
                placeholder={t.ask.placeholder}
                className="h-11 rounded-md border border-input bg-background px-3 text-base outline-none focus-visible:ring-2 focus-visible:ring-ring"
                autoComplete="off"
              />
            </label>
            <Button type="submit" size="lg" disabled={state.streaming || !question.trim()} data-testid="ask-submit">
              {state.streaming ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Send aria-hidden className="size-4 rtl:-scale-x-100" />}
              {state.streaming ? t.ask.asking : t.ask.submit}
            </Button>
          </form>
          <fieldset className="flex flex-wrap items-center gap-2 border-0 p-0">
            <legend className="sr-only">{t.ask.suggestionsTitle}</legend>
            {t.ask.suggestions.map((s) => (
              <button
                key={s}
                type="button"
                dir="auto"
                onClick={() => {
                  setQuestion(s);
                  submit(undefined, s);
                }}
                className="rounded-full border border-border bg-muted px-3 py-1 text-sm hover:bg-accent"
              >
                {s}
              </button>
            ))}
          </fieldset>
        </CardContent>
      </Card>

      {state.question ? (
        <Card data-testid="ask-answer" aria-busy={state.streaming} data-state={state.streaming ? 'streaming' : state.error ? 'error' : 'done'}>
          <CardHeader className="flex flex-col gap-1">
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <MessageCircleQuestion aria-hidden className="size-4" />
              <span dir="auto" data-testid="ask-question">{state.question}</span>
            </p>
            {state.stage ? (
              <p className="text-sm text-muted-foreground" role="status" data-testid="ask-stage">
                {t.ask.stages[state.stage]}
              </p>
            ) : null}
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            {state.error ? (
              <p role="alert" className="text-destructive">
                {t.ask.failed} <span className="text-xs text-muted-foreground">({state.error.code})</span>
              </p>
            ) : null}
            {cannot ? <p className="text-sm font-medium text-muted-foreground">{t.ask.cannotAnswer}</p> : null}
            <p dir={answerDir} className="text-lg leading-relaxed" data-testid="ask-narrative" aria-live="polite">
              {state.narrative}
            </p>
            {period || state.plan ? (
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" data-testid="ask-plan" data-tool={state.plan?.plan.tool}>
                {period ? (
                  <span>
                    {t.ask.period}: <bdi>{range(period)}</bdi>
                    {comparison ? (
                      <>
                        {' · '}
                        {t.ask.comparedWith} <bdi>{range(comparison)}</bdi>
                      </>
                    ) : null}
                  </span>
                ) : null}
                {state.plan ? <span data-testid="ask-planner">{t.ask.planner[state.plan.planner.kind]}</span> : null}
              </p>
            ) : null}
            {numbers.length ? (
              <section aria-label={t.ask.numbers}>
                <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {numbers.slice(0, 12).map((n) => (
                    <div key={n.id} className="rounded-lg border border-border p-3" data-testid="ask-number" data-id={n.id} data-value={n.value}>
                      <dt className="truncate text-sm text-muted-foreground" dir="auto" title={n.label}>
                        {n.label}
                      </dt>
                      <dd className="mt-1 flex flex-wrap items-baseline gap-2 text-xl font-semibold tabular-nums">
                        <bdi>{shown(n)}</bdi>
                        {n.change === null ? null : (
                          <bdi className={cn('text-sm font-medium', n.change >= 0 ? 'text-emerald-700' : 'text-red-700')}>{percent(n.change, true)}</bdi>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
            {chart ? (
              <section aria-label={chart.title} data-testid="ask-chart" data-chart-type={chart.type}>
                <SectionTitle>{chart.title}</SectionTitle>
                <AnswerChart spec={chart} currency={currency} />
              </section>
            ) : null}
            {definitions.length ? (
              <details className="rounded-lg bg-muted/50 p-3 text-sm" data-testid="ask-definitions">
                <summary className="cursor-pointer font-medium">{t.ask.definitions}</summary>
                <dl className="mt-2 flex flex-col gap-2">
                  {definitions.map((d) => (
                    <div key={d.id}>
                      <dt className="font-medium">{d.label}</dt>
                      <dd className="text-muted-foreground">{d.definition}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
            {state.answer?.sources.length ? (
              <p className="text-xs text-muted-foreground">
                {t.ask.sources}: {state.answer.sources.map((s) => s.title).join(' · ')}
              </p>
            ) : null}
            {state.answer?.followUps.length ? (
              <div className="flex flex-col gap-2">
                <p className="text-sm font-medium">{t.ask.followUps}</p>
                <div className="flex flex-wrap gap-2">
                  {state.answer.followUps.map((f) => (
                    <Button key={f} variant="outline" size="sm" dir="auto" onClick={() => { setQuestion(f); submit(undefined, f); }}>
                      {f}
                    </Button>
                  ))}
                </div>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <SectionTitle>{t.ask.history}</SectionTitle>
        </CardHeader>
        <CardContent>
          {(history.data?.data ?? []).length === 0 ? (
            <p className="text-sm text-muted-foreground">{t.ask.noHistory}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-border" data-testid="ask-history">
              {(history.data?.data ?? []).map((item) => (
                <li key={item.id}>
                  <button type="button" className="flex w-full items-center justify-between gap-3 py-2 text-start hover:text-primary" onClick={() => show(item.answer)}>
                    <span dir="auto" className="truncate">{item.question}</span>
                    <time className="shrink-0 text-xs text-muted-foreground" dateTime={item.createdAt}>
                      <bdi>{new Date(item.createdAt).toLocaleString(dateLocale, { dateStyle: 'medium', timeStyle: 'short' })}</bdi>
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}
