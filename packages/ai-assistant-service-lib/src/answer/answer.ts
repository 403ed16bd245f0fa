import type { Plan } from '../plan/plan-schema.js';
import type { MetricUnit } from '../semantic/metric-catalog.js';

export type AnswerLanguage = 'ar' | 'en';

/** One number of an answer: raw (minor units for money, 0..1 for ratios) and as displayed. */
export interface AnswerNumber {
  id: string;
  label: string;
  value: number;
  unit: MetricUnit;
  previous: number | null;
  /** (value - previous) / previous; null without a comparison or when previous is 0. */
  change: number | null;
  display: string;
}

/** What the PWA draws with ui-components charts. Money values are minor units. */
export type ChartSpec =
  | {
      type: 'time_series';
      title: string;
      unit: MetricUnit;
      seriesLabel: string;
      comparisonLabel: string | null;
      points: Array<{ date: string; value: number; comparison: number | null }>;
    }
  | { type: 'bar'; title: string; unit: MetricUnit; orientation: 'horizontal' | 'vertical'; items: Array<{ label: string; value: number }> }
  | { type: 'donut'; title: string; unit: MetricUnit; slices: Array<{ label: string; value: number }> };

export interface AnswerDefinition {
  id: string;
  label: string;
  definition: string;
}

export interface AnswerSource {
  id: string;
  kind: 'metric' | 'help' | 'store' | 'insight';
  title: string;
}

export interface PlannerInfo {
  kind: 'offline' | 'llm';
  /** Why the LLM path was not used (no key, breaker open, invalid tool call, …). */
  fallbackReason?: string;
  model?: string;
}

export interface AssistantAnswer {
  question: string;
  language: AnswerLanguage;
  status: 'answered' | 'cannot_answer';
  planner: PlannerInfo;
  plan: Plan;
  period: { fromDate: string; toDate: string; timeZone: string } | null;
  comparison: { fromDate: string; toDate: string } | null;
  currency: string;
  narrative: string;
  numbers: AnswerNumber[];
  chart: ChartSpec | null;
  definitions: AnswerDefinition[];
  sources: AnswerSource[];
  followUps: string[];
}
