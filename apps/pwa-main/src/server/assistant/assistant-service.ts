import { type AskEvent, assistantFromEnv, type ConfiguredAssistant } from '@salla-analytics/ai-assistant-service-lib';
import { type Prisma, recordAssistantExchange } from '@salla-analytics/database-schema';
import type { Logger } from 'pino';
import { assistantEnvSource } from '../../env';
import { loadStoreSettings } from '../analytics/merchant-settings';
import type { ServerContext } from '../context';
import { getLogger } from '../logger';

// One assistant per server process (its per-merchant retrieval indexes live inside it).
const holder = globalThis as typeof globalThis & { __sallaAssistant?: ConfiguredAssistant };

export function getAssistant(context: ServerContext): ConfiguredAssistant {
  if (holder.__sallaAssistant) return holder.__sallaAssistant;
  const log = getLogger();
  const configured = assistantFromEnv(context.analytics, assistantEnvSource(), (event) => {
    // Reasons only: never the question, the numbers or anything the model wrote.
    if (event.type === 'failed') log.error({ err: event.error }, 'assistant failed');
    else log.warn({ event: event.type, reason: event.reason }, 'assistant fell back');
  });
  log.info(configured.describe, 'assistant ready');
  holder.__sallaAssistant = configured;
  return configured;
}

export function resetAssistantForTests(): void {
  holder.__sallaAssistant?.close();
  holder.__sallaAssistant = undefined;
}

export interface AskInput {
  merchantId: number;
  userId: string;
  question: string;
  log: Logger;
}

/**
 * Streams the assistant's answer as NDJSON — one AskEvent per line, flushed as it happens — and
 * keeps the finished exchange in the user's history. The merchant and the user come from the
 * session (the route wrapper), the store's time zone, week start and currency from its settings.
 */
export async function askAssistant(context: ServerContext, input: AskInput): Promise<Response> {
  const settings = await loadStoreSettings(context.db, input.merchantId);
  const { assistant } = getAssistant(context);
  const session = { merchantId: input.merchantId, userId: input.userId, timeZone: settings.timeZone, weekStart: settings.weekStart, currency: settings.currency, now: new Date() };
  const encoder = new TextEncoder();
  const events = assistant.askStream(input.question, session);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next().catch((error: unknown): IteratorResult<AskEvent> => {
        input.log.error({ err: error }, 'assistant stream failed');
        return { done: false, value: { type: 'error', code: 'INTERNAL', message: 'The assistant could not answer; try again' } };
      });
      if (next.done) {
        controller.close();
        return;
      }
      const event = next.value;
      if (event.type === 'done') {
        await recordAssistantExchange(context.db, {
          merchantId: input.merchantId,
          userId: input.userId,
          question: event.answer.question,
          language: event.answer.language,
          status: event.answer.status,
          planner: event.answer.planner.kind,
          plan: event.answer.plan as unknown as Prisma.InputJsonValue,
          answer: event.answer as unknown as Prisma.InputJsonValue,
        }).catch((error: unknown) => input.log.warn({ err: error }, 'could not keep the assistant exchange in history'));
      }
      controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      if (event.type === 'done' || event.type === 'error') controller.close();
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
