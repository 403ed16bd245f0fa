import { AppError, isAppError } from '@salla-analytics/core-library';
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** An SDK error in our terms: TIMEOUT, RATE_LIMITED, caller mistakes (4xx) or UPSTREAM_UNAVAILABLE. */
export function toOpenAiAppError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new AppError('TIMEOUT', `OpenAI ${what} timed out`, { cause: error });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 429) return new AppError('RATE_LIMITED', `OpenAI ${what} rate-limited`, { cause: error });
    if (status === 401 || status === 403) return new AppError('UNAUTHENTICATED', `OpenAI refused the API key (${what})`, { cause: error, retryable: false });
    if (status >= 400 && status < 500 && status !== 408) {
      return new AppError('INVALID_ARGUMENT', `OpenAI rejected the ${what} request (${status})`, { cause: error, context: { status } });
    }
    return new AppError('UPSTREAM_UNAVAILABLE', `OpenAI ${what} answered ${status}`, { cause: error, context: { status } });
  }
  return new AppError('UPSTREAM_UNAVAILABLE', `OpenAI ${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Our fault, not OpenAI's: must not open the breaker. */
export function isCallerError(error: unknown): boolean {
  return isAppError(error) && (error.code === 'INVALID_ARGUMENT' || error.code === 'UNAUTHENTICATED');
}
