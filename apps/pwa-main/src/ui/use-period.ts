'use client';

import type { DateRangeValue } from '@salla-analytics/ui-components';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { readUrlPeriod } from '../contracts/period-values';

/**
 * The date range and comparison live in the URL (?preset=…&from=…&to=…&compare=…), so a shared
 * link shows the same view. Invalid values fall back to the defaults.
 */
export function usePeriod(): {
  value: DateRangeValue;
  params: Record<string, string | undefined>;
  setValue: (next: DateRangeValue) => void;
  setParam: (name: string, value: string | undefined) => void;
  search: URLSearchParams;
} {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = useMemo(() => readUrlPeriod((name) => search.get(name)), [search]);
  const value: DateRangeValue = {
    preset: parsed.preset,
    comparison: parsed.compare,
    ...(parsed.preset === 'custom' ? { fromDate: parsed.from, toDate: parsed.to } : {}),
  };
  const params = {
    preset: parsed.preset,
    compare: parsed.compare,
    ...(parsed.preset === 'custom' ? { from: parsed.from, to: parsed.to } : {}),
  };
  const replace = useCallback(
    (update: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(search);
      update(next);
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [search, router, pathname],
  );
  const setValue = useCallback(
    (v: DateRangeValue) =>
      replace((next) => {
        next.set('preset', v.preset);
        next.set('compare', v.comparison);
        if (v.preset === 'custom' && v.fromDate && v.toDate) {
          next.set('from', v.fromDate);
          next.set('to', v.toDate);
        } else {
          next.delete('from');
          next.delete('to');
        }
      }),
    [replace],
  );
  const setParam = useCallback(
    (name: string, v: string | undefined) => replace((next) => (v === undefined ? next.delete(name) : next.set(name, v))),
    [replace],
  );
  return { value, params, setValue, setParam, search };
}
