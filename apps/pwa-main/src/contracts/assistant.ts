import { z } from 'zod';

/** POST /api/v1/assistant/ask: one question, Arabic or English (500 characters at most). */
export const assistantAskBodySchema = z.strictObject({
  question: z
    .string()
    .trim()
    .min(1, 'Ask a question')
    .max(500, 'Questions are limited to 500 characters')
    // NUL and other control characters (tab and newlines aside) are never part of a question, and
    // PostgreSQL text cannot hold NUL: refused here rather than answered and then lost from history.
    .refine((question) => !/\p{Cc}/u.test(question.replace(/[\t\n\r]/g, '')), 'Questions cannot contain control characters'),
});
export type AssistantAskBody = z.infer<typeof assistantAskBodySchema>;

/** GET /api/v1/assistant/history: the signed-in user's last questions in this store. */
export const assistantHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
