/** One repository query, for a metrics listener (the app's ClickHouse query-duration histogram). */
export interface QueryObservation {
  /** The repository method, e.g. `getRevenueOverview`. */
  query: string;
  merchantId: number;
  durationMs: number;
  ok: boolean;
}

export type QueryObserver = (observation: QueryObservation) => void;
