import { z } from 'zod';
import { sallaId } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

/**
 * Every Salla webhook body: `{ event, merchant, created_at, data }`. `merchant` is the store id,
 * at the top level (numeric strings are accepted). Unknown top-level keys are kept.
 */
export const sallaWebhookEnvelopeSchema = z.looseObject({
  // Unknown event names are accepted, but a name is a short line of text: no control characters
  // (NUL, newlines) and no lone surrogates (PostgreSQL refuses both in text and JSON).
  event: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}\p{Cs}]+$/u, 'expected an event name without control characters or lone surrogates'),
  merchant: sallaId.pipe(z.number().positive('expected a store id')),
  created_at: sallaDateSchema,
  data: z.record(z.string(), z.unknown()),
});

export type SallaWebhookEnvelope = z.output<typeof sallaWebhookEnvelopeSchema>;

/** A webhook body as Salla sends it over the wire (JSON-ready, dates as Salla strings). */
export interface SallaWebhookDelivery {
  event: string;
  merchant: number;
  created_at: string;
  data: Record<string, unknown>;
}
