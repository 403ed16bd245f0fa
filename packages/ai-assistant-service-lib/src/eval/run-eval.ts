import type { Plan } from '../plan/plan-schema.js';
import { canonicalPlan } from '../plan/plan-schema.js';
import { planOffline } from '../planner/offline-planner.js';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_SET, EVAL_TIME_ZONE, type EvalCase } from './eval-set.js';

export interface EvalFailure {
  id: string;
  question: string;
  expected: string;
  got: string;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  byLanguage: Record<'ar' | 'en', { total: number; correct: number; accuracy: number }>;
  failures: EvalFailure[];
  /** Cases the LLM path answered with the offline fallback instead (LLM runs only). */
  fallbacks: number;
  /** Correct plans that came from the planner itself, not from the offline fallback. */
  correctWithoutFallback: number;
}

export type EvalPlanner = (question: string) => Promise<{ plan: Plan; fellBack?: boolean }>;

/** Plan accuracy: a case is correct when its plan equals the expected one exactly (defaults filled). */
export async function evaluatePlanner(planner: EvalPlanner, cases: readonly EvalCase[] = EVAL_SET): Promise<EvalReport> {
  const failures: EvalFailure[] = [];
  const byLanguage = { ar: { total: 0, correct: 0, accuracy: 0 }, en: { total: 0, correct: 0, accuracy: 0 } };
  let fallbacks = 0;
  let correctWithoutFallback = 0;
  for (const item of cases) {
    const expected = canonicalPlan(item.expected);
    let got: string;
    let fellBack = false;
    try {
      const result = await planner(item.question);
      fellBack = result.fellBack === true;
      if (fellBack) fallbacks += 1;
      got = canonicalPlan(result.plan);
    } catch (error) {
      got = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    byLanguage[item.lang].total += 1;
    if (got === expected) {
      byLanguage[item.lang].correct += 1;
      if (!fellBack) correctWithoutFallback += 1;
    } else failures.push({ id: item.id, question: item.question, expected, got });
  }
  for (const lang of ['ar', 'en'] as const) byLanguage[lang].accuracy = byLanguage[lang].correct / Math.max(1, byLanguage[lang].total);
  const correct = byLanguage.ar.correct + byLanguage.en.correct;
  return { total: cases.length, correct, accuracy: correct / Math.max(1, cases.length), byLanguage, failures, fallbacks, correctWithoutFallback };
}

/** The offline planner on the evaluation set's clock and store. */
export const offlineEvalPlanner: EvalPlanner = async (question) => ({
  plan: planOffline({ question, categories: EVAL_CATEGORIES, clock: { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE } }),
});

export function formatReport(name: string, report: EvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${name}: plan accuracy ${pct(report.accuracy)} (${report.correct}/${report.total}) — Arabic ${pct(report.byLanguage.ar.accuracy)} (${report.byLanguage.ar.correct}/${report.byLanguage.ar.total}), English ${pct(report.byLanguage.en.accuracy)} (${report.byLanguage.en.correct}/${report.byLanguage.en.total})` +
      (report.fallbacks
        ? `; ${report.fallbacks} answered by the offline fallback — planned by the model itself: ${pct(report.correctWithoutFallback / Math.max(1, report.total))} (${report.correctWithoutFallback}/${report.total})`
        : ''),
  ];
  for (const f of report.failures) lines.push(`  ✗ ${f.id} ${f.question}\n      expected ${f.expected}\n      got      ${f.got}`);
  return lines.join('\n');
}
