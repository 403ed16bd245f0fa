import { AppError, isAppError } from '@salla-analytics/core-library';
import type { IAnalyticsRepository } from '@salla-analytics/olap-repository';
import type { AnswerSource, AssistantAnswer, PlannerInfo } from '../answer/answer.js';
import { composeAnswer } from '../answer/compose-answer.js';
import { executePlan } from '../execute/execute-plan.js';
import type { AssistantSession } from '../execute/session.js';
import type { LlmChatPort } from '../llm/chat-port.js';
import type { Plan } from '../plan/plan-schema.js';
import { choosePlan } from '../planner/choose-plan.js';
import type { EmbeddingsPort } from '../retrieval/embedding-retriever.js';
import { KnowledgeCache } from '../retrieval/knowledge-cache.js';
import { detectLanguage } from '../text/normalize.js';
import type { AskEvent } from './ask-events.js';

export const MAX_QUESTION_LENGTH = 500;

export interface AssistantOptions {
  repository: IAnalyticsRepository;
  /** The OpenAI gateway's streamed chat; null/absent = the offline planner only. */
  llm?: LlmChatPort | null;
  llmModel?: string;
  /** The OpenAI gateway's embeddings; null/absent = lexical retrieval. */
  embeddings?: EmbeddingsPort | null;
  knowledgeTtlMs?: number;
  /** Notes for the caller's log (never the question text or numbers). */
  onEvent?: (event: { type: 'llm_fallback' | 'embeddings_fallback' | 'failed'; reason: string; error?: unknown }) => void;
}

export interface Assistant {
  /** Streams the answer: status, plan, data (numbers, chart, definitions), narrative pieces, done. */
  askStream(question: string, session: AssistantSession): AsyncGenerator<AskEvent>;
  /** The same path, collected: the final answer (throws AppError on failure). */
  ask(question: string, session: AssistantSession): Promise<AssistantAnswer>;
  /** Only the plan (for the evaluation): the same planners and fallbacks, no numbers. */
  plan(question: string, session: AssistantSession): Promise<{ plan: Plan; planner: PlannerInfo }>;
}

/**
 * The assistant: retrieval over the merchant's own index, a planner (LLM with tool calling when
 * configured, otherwise — or when it fails, or its breaker is open — the deterministic one), the
 * plan executed on `IAnalyticsRepository` with the session's merchant only, and an answer
 * composed from the repository's numbers. The CLI and the PWA both call this.
 */
export function createAssistant(options: AssistantOptions): Assistant {
  const knowledge = new KnowledgeCache({
    repository: options.repository,
    embeddings: options.embeddings ?? null,
    ...(options.knowledgeTtlMs === undefined ? {} : { ttlMs: options.knowledgeTtlMs }),
    onEmbeddingsFallback: (error) => options.onEvent?.({ type: 'embeddings_fallback', reason: reasonOf(error) }),
  });

  async function plan(question: string, session: AssistantSession, retrievedFor?: Awaited<ReturnType<typeof retrieve>>) {
    const { store, retrieved } = retrievedFor ?? (await retrieve(question, session));
    return choosePlan({
      question,
      categories: store.profile.categories,
      retrieved,
      clock: { now: session.now, timeZone: session.timeZone },
      weekStart: session.weekStart,
      llm: options.llm ?? null,
      ...(options.llmModel ? { llmModel: options.llmModel } : {}),
      onFallback: (reason) => options.onEvent?.({ type: 'llm_fallback', reason }),
    });
  }

  async function retrieve(question: string, session: AssistantSession) {
    const store = await knowledge.get(session);
    const retrieved = await store.retriever.search(question, 6);
    return { store, retrieved };
  }

  async function* askStream(question: string, session: AssistantSession): AsyncGenerator<AskEvent> {
    try {
      const text = checkedQuestion(question);
      const language = detectLanguage(text);
      yield { type: 'status', stage: 'retrieving' };
      const context = await retrieve(text, session);
      yield { type: 'status', stage: 'planning' };
      const planned = await plan(text, session, context);
      const sources: AnswerSource[] = context.retrieved
        .filter((r) => r.document.lang === language)
        .slice(0, 4)
        .map((r) => ({ id: r.document.id, kind: r.document.kind, title: r.document.title }));
      yield { type: 'plan', plan: planned.plan, planner: planned.planner, sources };
      yield { type: 'status', stage: 'querying' };
      const result = await executePlan(options.repository, session, planned.plan);
      const composed = composeAnswer(result, language);
      const period = result.period ? { fromDate: result.period.fromDate, toDate: result.period.toDate, timeZone: result.period.timeZone } : null;
      const comparison = result.comparison ? { fromDate: result.comparison.fromDate, toDate: result.comparison.toDate } : null;
      yield {
        type: 'data',
        status: composed.status,
        period,
        comparison,
        currency: result.currency,
        numbers: composed.numbers,
        chart: composed.chart,
        definitions: composed.definitions,
      };
      yield { type: 'status', stage: 'writing' };
      for (const delta of composed.narrative.match(/\S+\s*/gu) ?? []) yield { type: 'narrative', delta };
      yield {
        type: 'done',
        answer: {
          question: text,
          language,
          status: composed.status,
          planner: planned.planner,
          plan: planned.plan,
          period,
          comparison,
          currency: result.currency,
          narrative: composed.narrative,
          numbers: composed.numbers,
          chart: composed.chart,
          definitions: composed.definitions,
          sources,
          followUps: composed.followUps,
        },
      };
    } catch (error) {
      const appError = isAppError(error) ? error : null;
      if (!appError || appError.code === 'INTERNAL') options.onEvent?.({ type: 'failed', reason: reasonOf(error), error });
      yield { type: 'error', code: appError?.code ?? 'INTERNAL', message: appError && appError.code !== 'INTERNAL' ? appError.message : 'The assistant could not answer; try again' };
    }
  }

  return {
    askStream,
    async ask(question, session) {
      for await (const event of askStream(question, session)) {
        if (event.type === 'done') return event.answer;
        if (event.type === 'error') throw new AppError(event.code as 'INTERNAL', event.message);
      }
      throw new AppError('INTERNAL', 'The assistant ended without an answer');
    },
    plan: (question, session) => plan(checkedQuestion(question), session),
  };
}

function checkedQuestion(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (!text) throw new AppError('VALIDATION_FAILED', 'Ask a question');
  if (text.length > MAX_QUESTION_LENGTH) throw new AppError('VALIDATION_FAILED', `Questions are limited to ${MAX_QUESTION_LENGTH} characters`);
  return text;
}

function reasonOf(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
