import { createOpenAiGateway, type OpenAiGateway } from '@salla-analytics/integration-gateways';
import type { IAnalyticsRepository } from '@salla-analytics/olap-repository';
import { type AssistantEnv, readAssistantEnv } from '../env.js';
import { type Assistant, type AssistantOptions, createAssistant } from './assistant.js';

/** The OpenAI gateway (integration-gateways) as configured, or null without OPENAI_API_KEY. */
export function openAiGatewayFromEnv(env: AssistantEnv): OpenAiGateway | null {
  if (!env.OPENAI_API_KEY) return null;
  return createOpenAiGateway({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    chatModel: env.OPENAI_CHAT_MODEL,
    embeddingModel: env.OPENAI_EMBEDDING_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    breaker: {
      errorThresholdPercentage: env.OPENAI_BREAKER_ERROR_PERCENT,
      volumeThreshold: env.OPENAI_BREAKER_MIN_CALLS,
      resetTimeoutMs: env.OPENAI_BREAKER_RESET_MS,
    },
  });
}

export interface ConfiguredAssistant {
  assistant: Assistant;
  /** What answers questions: `offline`, or `llm (<model>)` and the retrieval in use. */
  describe: { planner: string; retrieval: 'lexical' | 'embeddings' };
  close(): void;
}

/**
 * The assistant the PWA's Ask panel and the admin CLI both use: LLM planner and embeddings through
 * the OpenAI gateway when configured (with the offline planner and lexical retrieval behind them),
 * otherwise fully offline.
 */
export function assistantFromEnv(
  repository: IAnalyticsRepository,
  source: Record<string, string | undefined> = process.env,
  onEvent?: AssistantOptions['onEvent'],
): ConfiguredAssistant {
  const env = readAssistantEnv(source);
  const gateway = openAiGatewayFromEnv(env);
  const llm = gateway && env.ASSISTANT_PLANNER === 'auto' ? gateway : null;
  const embeddings = gateway && env.ASSISTANT_RETRIEVAL === 'auto' ? gateway : null;
  const assistant = createAssistant({
    repository,
    llm,
    llmModel: env.OPENAI_CHAT_MODEL,
    embeddings,
    ...(onEvent ? { onEvent } : {}),
  });
  return {
    assistant,
    describe: { planner: llm ? `llm (${env.OPENAI_CHAT_MODEL})` : 'offline', retrieval: embeddings ? 'embeddings' : 'lexical' },
    close: () => gateway?.close(),
  };
}
