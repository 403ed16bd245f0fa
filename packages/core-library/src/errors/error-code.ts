/**
 * Every failure the platform reports has one of these machine-readable codes. Clients and the
 * BFF switch on the code, never on the message (messages are for humans and may change).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_ARGUMENT',
  'INVALID_SIGNATURE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'TIMEOUT',
  'INVALID_ENV',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_ARGUMENT: 400,
  // A bad webhook signature is an authentication failure of the sender, not a malformed body.
  INVALID_SIGNATURE: 401,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  TIMEOUT: 504,
  // A broken deployment is our fault, never the caller's.
  INVALID_ENV: 500,
  INTERNAL: 500,
};

/** HTTP status for an error code. Use at the HTTP edge only; the domain speaks in codes. */
export function httpStatusForError(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set([
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'TIMEOUT',
]);

/** Whether trying the same thing again later can succeed, when the thrower did not say. */
export function isRetryableByDefault(code: ErrorCode): boolean {
  return RETRYABLE_BY_DEFAULT.has(code);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
