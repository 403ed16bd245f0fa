import { z } from 'zod';
import { normalizeDecimalString } from '../money/normalize-decimal.js';

/**
 * Salla sends numbers as JSON numbers or as strings ("15.00", "41.05"), depending on the payload
 * and its age. Accept both; anything else (including '' and 'abc') fails validation rather than
 * turning silently into 0 or NaN, which is what z.coerce.number() would do.
 */
export const sallaNumber = z.union([
  z.number().refine(Number.isFinite, 'expected a finite number'),
  z.string().transform((text, ctx) => {
    const decimal = normalizeDecimalString(text);
    if (decimal === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected a number or a numeric string' });
      return z.NEVER;
    }
    return Number(decimal);
  }),
]);

/** Salla's numeric ids (stores, orders, products, customers), possibly sent as strings. */
export const sallaId = sallaNumber.pipe(z.number().int('expected an integer id').nonnegative());

/** Text that Salla sometimes sends as a number (mobile 555123456): kept as a string. */
export const sallaText = z.union([z.string(), z.number().transform(String)]);

/** Fields Salla marks optional are often sent as null; treat null like absent. */
export function optionalField<T extends z.ZodType>(schema: T) {
  // .optional() last keeps the key optional in the inferred output type, not `key: T | undefined`.
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}
