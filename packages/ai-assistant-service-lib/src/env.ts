import { parseEnv } from '@salla-analytics/core-library';
import { openAiEnvShape } from '@salla-analytics/integration-gateways';
import { z } from 'zod';

/**
 * The assistant's configuration: the OpenAI gateway's variables (integration-gateways) plus two
 * switches. Without OPENAI_API_KEY the deterministic planner and lexical retrieval are used.
 */
export const assistantEnvSchema = z.object({
  ...openAiEnvShape,
  /** `auto`: the LLM planner when OPENAI_API_KEY is set; `offline`: always the deterministic planner. */
  ASSISTANT_PLANNER: z.enum(['auto', 'offline']).default('auto'),
  /** `auto`: embeddings through the gateway when OPENAI_API_KEY is set; `lexical`: always minisearch. */
  ASSISTANT_RETRIEVAL: z.enum(['auto', 'lexical']).default('auto'),
});
export type AssistantEnv = z.infer<typeof assistantEnvSchema>;

export function readAssistantEnv(source: Record<string, string | undefined> = process.env): AssistantEnv {
  return parseEnv(assistantEnvSchema, source);
}
