import { AppError, type ErrorCode, httpStatusForError, isAppError, validationIssues } from '@salla-analytics/core-library';
import { ZodError } from 'zod';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; code: string; message: string }[] };
}

/** Maps anything thrown to the API's one error shape and its HTTP status. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Invalid request parameters', issues: validationIssues(error) } },
      internal: false,
    };
  }
  if (isAppError(error)) {
    const status = httpStatusForError(error.code);
    const internal = status >= 500;
    const issues = (error.context as { issues?: ErrorBody['error']['issues'] } | undefined)?.issues;
    return {
      status,
      // 5xx messages may name internals: the client gets a generic sentence, the log the detail.
      body: { error: { code: error.code, message: internal ? genericMessage(error.code) : error.message, ...(issues ? { issues } : {}) } },
      internal,
    };
  }
  if (isUnreachable(error)) {
    return { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: genericMessage('UPSTREAM_UNAVAILABLE') } }, internal: true };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: genericMessage('INTERNAL') } }, internal: true };
}

function genericMessage(code: ErrorCode): string {
  if (code === 'UPSTREAM_UNAVAILABLE') return 'A data store is unavailable; try again shortly';
  if (code === 'TIMEOUT') return 'The request took too long; try again';
  return 'Something went wrong on our side';
}

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND';
}

export function errorResponse(code: ErrorCode, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } } satisfies ErrorBody, { status: httpStatusForError(code), headers });
}

export { AppError };
