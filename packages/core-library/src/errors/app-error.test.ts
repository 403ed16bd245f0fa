import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isAppError, toAppError } from './app-error.js';
import { ERROR_CODES, httpStatusForError } from './error-code.js';
import { appErrorFromZod } from './from-zod-error.js';
import { err, ok, type Result, unwrap } from './result.js';

describe('AppError', () => {
  it('carries code, retryable default by code, and context', () => {
    const limited = new AppError('RATE_LIMITED', 'slow down', { context: { merchantId: 1 } });
    expect(limited).toBeInstanceOf(Error);
    expect(limited.retryable).toBe(true);
    expect(limited.context).toEqual({ merchantId: 1 });
    expect(new AppError('NOT_FOUND', 'gone').retryable).toBe(false);
    expect(new AppError('INTERNAL', 'x', { retryable: true }).retryable).toBe(true);
  });

  it('serialises without the cause or stack', () => {
    const error = new AppError('CONFLICT', 'taken', { cause: new Error('secret detail') });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'CONFLICT',
      message: 'taken',
      retryable: false,
    });
  });

  it('is recognised across copies of the class, and only then', () => {
    expect(isAppError(new AppError('FORBIDDEN', 'no'))).toBe(true);
    expect(isAppError({ name: 'AppError', code: 'FORBIDDEN', retryable: false, message: 'no' })).toBe(true);
    expect(isAppError({ name: 'AppError', code: 'NOPE', retryable: false, message: 'no' })).toBe(false);
    expect(isAppError(new Error('plain'))).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it('wraps unknown throwables as INTERNAL', () => {
    const wrapped = toAppError(new TypeError('boom'));
    expect(wrapped.code).toBe('INTERNAL');
    expect(wrapped.cause).toBeInstanceOf(TypeError);
    const original = new AppError('NOT_FOUND', 'x');
    expect(toAppError(original)).toBe(original);
  });
});

describe('httpStatusForError', () => {
  it('maps every code to a 4xx or 5xx', () => {
    for (const code of ERROR_CODES) expect(httpStatusForError(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatusForError('VALIDATION_FAILED')).toBe(400);
    expect(httpStatusForError('INVALID_SIGNATURE')).toBe(401);
    expect(httpStatusForError('UNAUTHENTICATED')).toBe(401);
    expect(httpStatusForError('FORBIDDEN')).toBe(403);
    expect(httpStatusForError('NOT_FOUND')).toBe(404);
    expect(httpStatusForError('CONFLICT')).toBe(409);
    expect(httpStatusForError('PAYLOAD_TOO_LARGE')).toBe(413);
    expect(httpStatusForError('RATE_LIMITED')).toBe(429);
    expect(httpStatusForError('INTERNAL')).toBe(500);
    expect(httpStatusForError('INVALID_ENV')).toBe(500);
    expect(httpStatusForError('UPSTREAM_UNAVAILABLE')).toBe(503);
  });
});

describe('Result', () => {
  it('narrows on ok', () => {
    const parse = (text: string): Result<number> =>
      Number.isNaN(Number(text)) ? err(new AppError('INVALID_ARGUMENT', 'nan')) : ok(Number(text));
    const good = parse('4');
    const bad = parse('x');
    expect(good.ok && good.value).toBe(4);
    expect(!bad.ok && bad.error.code).toBe('INVALID_ARGUMENT');
    expect(unwrap(good)).toBe(4);
    expect(() => unwrap(bad)).toThrow(AppError);
  });
});

describe('appErrorFromZod', () => {
  it('lists issue paths without echoing input values', () => {
    const schema = z.object({ amounts: z.object({ total: z.number() }) });
    const parsed = schema.safeParse({ amounts: { total: 'very-secret-value' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = appErrorFromZod(parsed.error, 'Bad payload', { pathPrefix: 'data' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.context?.issues).toEqual([expect.objectContaining({ path: 'data.amounts.total' })]);
    expect(error.message).toContain('data.amounts.total');
    expect(JSON.stringify(error)).not.toContain('very-secret-value');
  });
});
