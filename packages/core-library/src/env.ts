import { z } from 'zod';
import { AppError } from './errors/app-error.js';

export type EnvSource = Record<string, string | undefined>;

/**
 * Parses configuration with a zod object schema. The only place in this package that may touch
 * `process.env`, and only as a default argument so tests pass their own source.
 *
 * Empty strings count as unset: `FOO=` in a .env file means "not configured", and letting it
 * through would make `.default()` never apply.
 *
 * Throws AppError('INVALID_ENV') whose message names every bad variable and why, in one sentence.
 * Values are never echoed: they may be secrets.
 */
export function parseEnv<T extends z.ZodObject>(schema: T, source: EnvSource = process.env): z.output<T> {
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;

  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = issue.path.length === 0 ? '(environment)' : issue.path.map(String).join('.');
    if (problems.has(name)) continue;
    const root = issue.path[0];
    const missing = typeof root === 'string' && cleaned[root] === undefined;
    problems.set(name, missing ? 'is not set' : `is invalid (${describeIssue(issue)})`);
  }
  const parts = [...problems].map(([name, why]) => `${name} ${why}`);
  const variables = [...problems.keys()];
  throw new AppError('INVALID_ENV', `Invalid environment: ${joinSentence(parts)}.`, {
    context: { variables },
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // The first letter is lowered so the text reads as part of one sentence.
  const message = issue.message.replace(/^Invalid input: /, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function joinSentence(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A TCP port given as a string, with a default when unset. */
export function portSchema(defaultPort: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'expected a port from 1 to 65535')
        .max(65535, 'expected a port from 1 to 65535'),
    )
    .default(defaultPort);
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** 'true'/'false', '1'/'0', 'yes'/'no', 'on'/'off' (any case) to a boolean. Add `.default(x)` as needed. */
export const booleanFromString = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => TRUE_WORDS.has(value) || FALSE_WORDS.has(value), {
      message: 'expected true/false, 1/0, yes/no or on/off',
    })
    .transform((value) => TRUE_WORDS.has(value)),
]);

/** An absolute URL of any scheme (https://, postgres://, redis://, ...). */
export const urlSchema = z
  .string()
  .trim()
  .pipe(z.url({ message: 'expected an absolute URL' }));
