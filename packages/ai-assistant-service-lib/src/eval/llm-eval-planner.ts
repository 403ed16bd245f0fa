import type { EvalPlanner } from './run-eval.js';

/**
 * The LLM path for the evaluation, from the OpenAI gateway's configuration — null when no key is
 * set. Wired to integration-gateways' OpenAI gateway once it is available.
 */
export function llmEvalPlannerFromEnv(_env: Record<string, string | undefined>): { planner: EvalPlanner; description: string; close(): void } | null {
  return null;
}
