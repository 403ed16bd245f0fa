import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { type DeadLetter, DeadLetterSource } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const RecordDeadLetterInputSchema = z.object({
  source: z.enum(DeadLetterSource),
  /** Null when the input names no (parseable) merchant. */
  merchantId: MerchantIdSchema.nullable(),
  event: z.string().min(1).nullish(),
  /** Machine-readable reason, e.g. `invalid_payload`, `unknown_event_shape`, `max_attempts`. */
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, 'a lower_snake_case code')
    .max(100),
  message: z.string(),
  /** The raw input; text is stored as UTF-8. */
  payload: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array)]),
});

export type RecordDeadLetterInput = z.input<typeof RecordDeadLetterInputSchema>;

/** Keeps input we could not process, with why, so it can be looked at and replayed. */
export async function recordDeadLetter(
  db: DatabaseClient,
  input: RecordDeadLetterInput,
): Promise<DeadLetter> {
  const { payload, event, ...rest } = RecordDeadLetterInputSchema.parse(input);
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : new Uint8Array(payload);
  return db.deadLetter.create({ data: { ...rest, event: event ?? null, payload: bytes } });
}
