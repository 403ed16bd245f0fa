import { AppError } from '@salla-analytics/core-library';
import CircuitBreakerImpl from 'opossum';
import { Counter, Gauge, type Registry, register as defaultRegistry } from 'prom-client';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** `gateway_circuit_breaker_state{breaker}`: 0 closed, 1 half-open (probing), 2 open. */
export const BREAKER_STATE_METRIC = 'gateway_circuit_breaker_state';
export const BREAKER_EVENTS_METRIC = 'gateway_circuit_breaker_events_total';
const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

export interface CircuitBreakerOptions<TArgs extends unknown[], TResult> {
  /** Label of the metric and of errors, e.g. `openai.chat`. */
  name: string;
  /** Open when this percentage of calls in the rolling window failed … (default 50) */
  errorThresholdPercentage?: number;
  /** … and at least this many calls were made in it (default 5). */
  volumeThreshold?: number;
  /** Rolling window of the statistics (default 10 s). */
  rollingWindowMs?: number;
  /** After this long open, one call is let through (half-open); success closes, failure re-opens (default 30 s). */
  resetTimeoutMs?: number;
  /** opossum's own timer per call; `false` when the client times out itself (default false). */
  timeoutMs?: number | false;
  /** Errors that are the caller's fault (4xx) and must not open the breaker: return true. */
  isCallerError?: (error: unknown) => boolean;
  /** Served instead of an error while open or when a call fails (e.g. the deterministic planner). */
  fallback?: (error: unknown, ...args: TArgs) => TResult | Promise<TResult>;
  /** Where the metrics go (default: prom-client's global registry). */
  registry?: Registry;
}

export interface GatewayCircuitBreaker<TArgs extends unknown[], TResult> {
  fire(...args: TArgs): Promise<TResult>;
  state(): BreakerState;
  /** Stops its timers (tests, shutdown). */
  shutdown(): void;
}

/**
 * An opossum circuit breaker whose state is a Prometheus gauge. Closed: calls pass and failures
 * are counted over a rolling window; past the threshold it opens and calls fail fast (or get the
 * fallback) without reaching the outside API; after `resetTimeoutMs` one probe goes through
 * (half-open) and its result closes or re-opens it.
 */
export function createCircuitBreaker<TArgs extends unknown[], TResult>(
  action: (...args: TArgs) => Promise<TResult>,
  options: CircuitBreakerOptions<TArgs, TResult>,
): GatewayCircuitBreaker<TArgs, TResult> {
  const registry = options.registry ?? defaultRegistry;
  const { stateGauge, events } = metricsIn(registry);
  const breaker = new CircuitBreakerImpl<TArgs, TResult>(action, {
    name: options.name,
    timeout: options.timeoutMs ?? false,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 5,
    rollingCountTimeout: options.rollingWindowMs ?? 10_000,
    resetTimeout: options.resetTimeoutMs ?? 30_000,
    ...(options.isCallerError ? { errorFilter: options.isCallerError } : {}),
  });
  const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed');
  const publish = () => stateGauge.set({ breaker: options.name }, STATE_VALUE[state()]);
  publish();
  // opossum's typings overload `on` per event name; a plain EventEmitter view keeps this a loop.
  const emitter = breaker as unknown as NodeJS.EventEmitter;
  for (const event of ['open', 'halfOpen', 'close']) emitter.on(event, publish);
  for (const event of ['success', 'failure', 'reject', 'timeout', 'fallback']) {
    emitter.on(event, () => events.inc({ breaker: options.name, event }));
  }
  if (options.fallback) {
    const fallback = options.fallback;
    // opossum passes the call's arguments first and the error last.
    breaker.fallback((...params: unknown[]) => {
      const error = params[params.length - 1];
      return fallback(error, ...(params.slice(0, -1) as TArgs));
    });
  }
  return {
    async fire(...args) {
      try {
        return await breaker.fire(...args);
      } catch (error) {
        if (error instanceof Error && (error as { code?: string }).code === 'EOPENBREAKER') {
          throw new AppError('UPSTREAM_UNAVAILABLE', `${options.name} is unavailable (circuit open)`, { context: { breaker: options.name } });
        }
        throw error;
      }
    },
    state,
    shutdown: () => breaker.shutdown(),
  };
}

function metricsIn(registry: Registry) {
  const stateGauge =
    (registry.getSingleMetric(BREAKER_STATE_METRIC) as Gauge<'breaker'> | undefined) ??
    new Gauge({ name: BREAKER_STATE_METRIC, help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open', labelNames: ['breaker'], registers: [registry] });
  const events =
    (registry.getSingleMetric(BREAKER_EVENTS_METRIC) as Counter<'breaker' | 'event'> | undefined) ??
    new Counter({ name: BREAKER_EVENTS_METRIC, help: 'Calls through circuit breakers by outcome', labelNames: ['breaker', 'event'], registers: [registry] });
  return { stateGauge, events };
}
