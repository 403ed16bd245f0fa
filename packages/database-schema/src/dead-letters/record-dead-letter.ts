import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { type DeadLetter, DeadLetterSource } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

/** PostgreSQL text cannot hold NUL: kept as U+FFFD here (the payload keeps the exact bytes). */
const storableText = z.string().transform((text) => text.replaceAll('\u0000', '\uFFFD'));

export const RecordDeadLetterInputSchema = z.object({
  source: z.enum(DeadLetterSource),
  /** Null when the input names no (parseable) merchant. */
  merchantId: MerchantIdSchema.nullable(),
  /** Blank (as in a body that names no event) is stored as null. */
  event: storableText.nullish().transform((event) => (event?.trim() ? event : null)),
  /** Machine-readable reason, e.g. `invalid_payload`, `unknown_event_shape`, `max_attempts`. */
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, 'a lower_snake_case code')
    .max(100),
  message: storableText,
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
  return db.deadLetter.create({ data: { ...rest, event, payload: bytes } });
}
