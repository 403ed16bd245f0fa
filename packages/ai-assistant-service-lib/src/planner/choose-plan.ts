import type { PlannerInfo } from '../answer/answer.js';
import type { LlmChatPort } from '../llm/chat-port.js';
import type { Plan } from '../plan/plan-schema.js';
import type { RetrievedDocument } from '../retrieval/documents.js';
import { LlmPlanError, planWithLlm } from './llm-planner.js';
import { planOffline } from './offline-planner.js';
import type { PeriodClock } from './period-phrases.js';

export interface ChoosePlanInput {
  question: string;
  categories: readonly string[];
  retrieved: readonly RetrievedDocument[];
  clock: PeriodClock;
  weekStart: string;
  llm?: LlmChatPort | null;
  llmModel?: string;
  onFallback?: (reason: string) => void;
}

/** The LLM planner when configured, the offline planner otherwise or whenever the LLM path fails. */
export async function choosePlan(input: ChoosePlanInput): Promise<{ plan: Plan; planner: PlannerInfo }> {
  const offline = () => planOffline({ question: input.question, categories: input.categories, clock: input.clock });
  if (!input.llm) return { plan: offline(), planner: { kind: 'offline' } };
  try {
    const plan = await planWithLlm(input.llm, input);
    return { plan, planner: { kind: 'llm', ...(input.llmModel ? { model: input.llmModel } : {}) } };
  } catch (error) {
    const reason = error instanceof LlmPlanError ? `${error.reason}: ${error.message}` : error instanceof Error ? error.message : String(error);
    input.onFallback?.(reason);
    return { plan: offline(), planner: { kind: 'offline', fallbackReason: reason } };
  }
}
