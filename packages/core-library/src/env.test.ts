import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { booleanFromString, parseEnv, portSchema, urlSchema } from './env.js';
import { AppError } from './errors/app-error.js';

const schema = z.object({
  DATABASE_URL: urlSchema,
  PORT: portSchema(3000),
  ENABLE_CACHE: booleanFromString.default(false),
  API_TOKEN: z.string().min(20),
});

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('parseEnv', () => {
  it('parses, coerces and applies defaults', () => {
    const env = parseEnv(schema, {
      DATABASE_URL: 'postgres://u:p@localhost:5432/db',
      API_TOKEN: 'x'.repeat(24),
      ENABLE_CACHE: 'YES',
    });
    expect(env).toEqual({
      DATABASE_URL: 'postgres://u:p@localhost:5432/db',
      PORT: 3000,
      ENABLE_CACHE: true,
      API_TOKEN: 'x'.repeat(24),
    });
  });

  it('treats empty strings as unset so defaults apply', () => {
    const env = parseEnv(schema, {
      DATABASE_URL: 'https://example.com',
      API_TOKEN: 'y'.repeat(20),
      PORT: '',
      ENABLE_CACHE: '',
    });
    expect(env.PORT).toBe(3000);
    expect(env.ENABLE_CACHE).toBe(false);
  });

  it('names every bad variable and why, in one sentence, without the values', () => {
    const error = catchError(() =>
      parseEnv(schema, { PORT: '99999', ENABLE_CACHE: 'maybe', API_TOKEN: 'short-secret-value' }),
    );
    expect(error.code).toBe('INVALID_ENV');
    expect(error.message).toMatch(/^Invalid environment: .+\.$/);
    expect(error.message).toContain('DATABASE_URL is not set');
    expect(error.message).toMatch(/PORT is invalid \(expected a port from 1 to 65535\)/);
    expect(error.message).toMatch(/ENABLE_CACHE is invalid/);
    expect(error.message).toMatch(/API_TOKEN is invalid/);
    expect(error.message).not.toContain('short-secret-value');
    expect(error.message).not.toContain('99999');
    expect(error.message.split('. ').length).toBe(1);
    expect(error.context?.variables).toEqual(['DATABASE_URL', 'PORT', 'ENABLE_CACHE', 'API_TOKEN']);
  });

  it('rejects non-numeric ports and non-URLs', () => {
    const error = catchError(() =>
      parseEnv(schema, { DATABASE_URL: 'not a url', PORT: 'eighty', API_TOKEN: 'z'.repeat(20) }),
    );
    expect(error.message).toContain('DATABASE_URL is invalid (expected an absolute URL)');
    expect(error.message).toContain('PORT is invalid (expected a whole number)');
  });
});

describe('booleanFromString', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['on', true],
    ['False', false],
    ['0', false],
    ['off', false],
    ['no', false],
  ])('%s -> %s', (input, expected) => {
    expect(booleanFromString.parse(input)).toBe(expected);
  });
});
