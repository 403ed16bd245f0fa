import { type ErrorCode, isErrorCode, isRetryableByDefault } from './error-code.js';

export interface AppErrorOptions {
  /** Defaults by code: rate limits, upstream outages and timeouts are retryable, the rest not. */
  retryable?: boolean;
  /** Machine-readable details (ids, field paths). Never put secrets, tokens or PII here: it gets logged. */
  context?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type the packages throw or return. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly context?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? isRetryableByDefault(code);
    if (options.context !== undefined) this.context = options.context;
  }

  /** A plain shape for logs and HTTP bodies; the cause and stack stay out on purpose. */
  toJSON(): { code: ErrorCode; message: string; retryable: boolean; context?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.context === undefined ? {} : { context: this.context }),
    };
  }
}

/**
 * Duck-typed on purpose: two copies of this package in one process (or an error that crossed a
 * worker boundary) would fail an `instanceof` check.
 */
export function isAppError(value: unknown): value is AppError {
  if (value instanceof AppError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown; retryable?: unknown; message?: unknown };
  return (
    candidate.name === 'AppError' &&
    isErrorCode(candidate.code) &&
    typeof candidate.retryable === 'boolean' &&
    typeof candidate.message === 'string'
  );
}

/** Wraps anything thrown into an AppError ('INTERNAL' unless it already is one), keeping it as the cause. */
export function toAppError(value: unknown, message = 'Unexpected internal error'): AppError {
  if (isAppError(value)) return value;
  return new AppError('INTERNAL', message, { cause: value });
}
