import { readAssistantEnv } from '../env.js';
import type { LlmChatPort } from '../llm/chat-port.js';
import { openAiGatewayFromEnv } from '../assistant/assistant-from-env.js';
import { choosePlan } from '../planner/choose-plan.js';
import { LexicalRetriever } from '../retrieval/lexical-retriever.js';
import { buildDocuments } from '../retrieval/store-knowledge.js';
import { EVAL_CATEGORIES, EVAL_NOW, EVAL_TIME_ZONE } from './eval-set.js';
import type { EvalPlanner } from './run-eval.js';

/**
 * The LLM path on the evaluation set: the same planner choice as the assistant (tool calling
 * through the gateway, offline fallback on any failure), with the evaluation store's profile and
 * lexical retrieval over its definitions and help articles. A fallback counts as the LLM's miss
 * unless the offline plan happens to be right; `fallbacks` reports how many there were.
 */
export function llmEvalPlanner(llm: LlmChatPort, model?: string): EvalPlanner {
  const documents = buildDocuments(
    { merchantId: 1, currency: 'SAR', timeZone: EVAL_TIME_ZONE, weekStart: 'saturday', categories: [...EVAL_CATEGORIES], topProducts: [] },
    [],
  );
  const retriever = new LexicalRetriever(documents);
  return async (question) => {
    const result = await choosePlan({
      question,
      categories: EVAL_CATEGORIES,
      retrieved: await retriever.search(question, 6),
      clock: { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE },
      weekStart: 'saturday',
      llm,
      ...(model ? { llmModel: model } : {}),
    });
    return { plan: result.plan, fellBack: result.planner.kind !== 'llm' };
  };
}

/** The LLM path from OPENAI_* variables, or null when no endpoint is configured. */
export function llmEvalPlannerFromEnv(source: Record<string, string | undefined>): { planner: EvalPlanner; description: string; close(): void } | null {
  const env = readAssistantEnv(source);
  const gateway = openAiGatewayFromEnv(env);
  if (!gateway) return null;
  return {
    planner: llmEvalPlanner(gateway, env.OPENAI_CHAT_MODEL),
    description: `${env.OPENAI_CHAT_MODEL} at ${env.OPENAI_BASE_URL ?? 'OpenAI'}`,
    close: () => gateway.close(),
  };
}
