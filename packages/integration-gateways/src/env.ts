import { booleanFromString, type EnvSource, parseEnv } from '@salla-analytics/core-library';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The gateways' variables, as zod shapes. A service composes the ones it uses into its own env
 * schema (`z.object({ ...sallaEnvShape, ... })`), so each process still has one schema; the
 * `read…Env` helpers are for callers that want just one gateway. Secrets are never logged.
 */
export const sallaEnvShape = {
  /** OAuth client of the Salla app (Partners portal). Needed for refresh and the code flow. */
  SALLA_CLIENT_ID: z.string().min(1).optional(),
  SALLA_CLIENT_SECRET: z.string().min(1).optional(),
  /** Salla's accounts server (authorize, token, user info); a local stand-in in tests and on the local stack. */
  SALLA_ACCOUNTS_URL: z.url().default('https://accounts.salla.sa'),
  /** Salla's Admin API v2 base URL. */
  SALLA_API_URL: z.url().default('https://api.salla.dev/admin/v2'),
  /** Per request to Salla (accounts and Admin API). */
  SALLA_API_TIMEOUT_MS: positiveInt(15_000),
  /** Retries of one Admin API request on 5xx, timeouts and network errors (jittered backoff). */
  SALLA_API_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  /** Admin API page size (Salla caps it at 60). */
  SALLA_API_PER_PAGE: z.coerce.number().int().min(1).max(60).default(60),
  /** Refresh an access token this long before it expires. */
  SALLA_TOKEN_REFRESH_BEFORE_SECONDS: positiveInt(300),
};

export const openAiEnvShape = {
  /** Unset = the assistant uses its built-in deterministic planner (no LLM). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Any OpenAI-compatible server (default: OpenAI's). */
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OPENAI_TIMEOUT_MS: positiveInt(30_000),
  /** Circuit breaker: open at this failure percentage over a rolling 10 s window … */
  OPENAI_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  /** … once at least this many calls were made in it; probe again (half-open) after this long. */
  OPENAI_BREAKER_MIN_CALLS: positiveInt(5),
  OPENAI_BREAKER_RESET_MS: positiveInt(30_000),
};

export const emailEnvShape = {
  /** Postmark server token. Unset = the embedded default: emails go to the outbox table + folder. */
  POSTMARK_TOKEN: z.string().min(1).optional(),
  /** Postmark's API (default https://api.postmarkapp.com); a local stand-in in tests. */
  POSTMARK_API_URL: z.url().default('https://api.postmarkapp.com'),
  POSTMARK_MESSAGE_STREAM: z.string().min(1).default('outbound'),
  /** Send with Postmark-hosted templates (`/email/withTemplate`, alias `<template>-<locale>`) instead of ours. */
  POSTMARK_SERVER_TEMPLATES: booleanFromString.default(false),
  POSTMARK_TIMEOUT_MS: positiveInt(10_000),
  EMAIL_FROM: z.string().min(3).default('Salla Analytics <no-reply@salla-analytics.local>'),
  /** Where the outbox writes each email (a .json and an .html per email). */
  EMAIL_OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
};

export const sallaEnvSchema = z.object(sallaEnvShape);
export const openAiEnvSchema = z.object(openAiEnvShape);
export const emailEnvSchema = z.object(emailEnvShape);
export type SallaEnv = z.infer<typeof sallaEnvSchema>;
export type OpenAiEnv = z.infer<typeof openAiEnvSchema>;
export type EmailEnv = z.infer<typeof emailEnvSchema>;

export function readSallaEnv(source: EnvSource = process.env): SallaEnv {
  return parseEnv(sallaEnvSchema, source);
}
export function readOpenAiEnv(source: EnvSource = process.env): OpenAiEnv {
  return parseEnv(openAiEnvSchema, source);
}
export function readEmailEnv(source: EnvSource = process.env): EmailEnv {
  return parseEnv(emailEnvSchema, source);
}
