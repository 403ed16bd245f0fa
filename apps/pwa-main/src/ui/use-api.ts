'use client';

import { type UseQueryResult, useQuery } from '@tanstack/react-query';

export interface ApiMeta {
  requestId: string;
  computedAt?: string;
  cached?: boolean;
  currency?: string;
  period?: { preset: string; fromDate: string; toDate: string; timeZone: string };
  comparison?: { fromDate: string; toDate: string } | null;
  [key: string]: unknown;
}

export interface ApiEnvelope<T> {
  data: T;
  meta: ApiMeta;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export async function fetchApi<T>(path: string, params: Record<string, string | number | undefined> = {}, init?: RequestInit): Promise<ApiEnvelope<T>> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const url = search.size > 0 ? `${path}?${search}` : path;
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (response.status === 401 && typeof window !== 'undefined') {
    window.location.assign('/login');
  }
  const body = (await response.json().catch(() => null)) as ApiEnvelope<T> | { error?: { code: string; message: string } } | null;
  if (!response.ok || !body || !('data' in body)) {
    const error = body && 'error' in body ? body.error : undefined;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, response.headers.get('x-request-id'));
  }
  return body;
}

/** A BFF query keyed by path + parameters; refreshed every minute while the tab is visible. */
export function useApi<T>(path: string, params: Record<string, string | number | undefined>): UseQueryResult<ApiEnvelope<T>, ApiError> {
  return useQuery<ApiEnvelope<T>, ApiError>({
    queryKey: [path, params],
    queryFn: ({ signal }) => fetchApi<T>(path, params, { signal }),
    placeholderData: (previous) => previous,
  });
}
