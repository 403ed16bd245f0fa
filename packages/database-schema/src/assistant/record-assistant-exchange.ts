import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { AssistantExchange, Prisma } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

const json = z.custom<Prisma.InputJsonValue>((value) => value !== undefined && value !== null && typeof value === 'object');

export const RecordAssistantExchangeInputSchema = z.object({
  merchantId: MerchantIdSchema,
  userId: z.uuid(),
  question: z.string().trim().min(1).max(2_000),
  language: z.enum(['ar', 'en']),
  status: z.enum(['answered', 'cannot_answer']),
  planner: z.enum(['offline', 'llm']),
  plan: json,
  answer: json,
  at: z.date().optional(),
});

export type RecordAssistantExchangeInput = z.input<typeof RecordAssistantExchangeInputSchema>;

/** Keeps one question and its answer in the user's Ask history for this store. */
export async function recordAssistantExchange(db: DatabaseClient, input: RecordAssistantExchangeInput): Promise<AssistantExchange> {
  const { at, ...data } = RecordAssistantExchangeInputSchema.parse(input);
  return db.assistantExchange.create({ data: { ...data, ...(at ? { createdAt: at } : {}) } });
}
