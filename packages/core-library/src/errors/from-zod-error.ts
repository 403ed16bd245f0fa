import type { z } from 'zod';
import { AppError } from './app-error.js';

export interface ValidationIssue {
  /** Dotted path of the offending field, '' for the root, e.g. 'data.amounts.total.amount'. */
  path: string;
  code: string;
  message: string;
}

export function formatIssuePath(path: ReadonlyArray<PropertyKey>, prefix?: string): string {
  const parts = path.map((key) => (typeof key === 'symbol' ? key.toString() : String(key)));
  if (prefix !== undefined && prefix !== '') parts.unshift(prefix);
  return parts.join('.');
}

/**
 * Zod's default messages name the expected type, not the received value, so issues are safe to
 * log and return; the input itself is never copied into the error.
 */
export function validationIssues(error: z.ZodError, pathPrefix?: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path, pathPrefix),
    code: issue.code,
    message: issue.message,
  }));
}

/** A 'VALIDATION_FAILED' AppError whose context lists every issue (`context.issues`). */
export function appErrorFromZod(
  error: z.ZodError,
  message = 'Validation failed',
  options: { pathPrefix?: string; context?: Record<string, unknown> } = {},
): AppError {
  const issues = validationIssues(error, options.pathPrefix);
  const where = issues
    .slice(0, 5)
    .map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`)
    .join('; ');
  return new AppError('VALIDATION_FAILED', where === '' ? message : `${message}: ${where}`, {
    context: { ...options.context, issues },
  });
}
