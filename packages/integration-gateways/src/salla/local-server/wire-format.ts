import { toLocalDateTime } from '@salla-analytics/core-library';

const ZONE = 'Asia/Riyadh';

/** A Salla envelope/`updated_at`-style wall time in Riyadh, one-second resolution: `2025-06-01 13:05:09`. */
export function sallaWallTime(at: Date | number): string {
  return toLocalDateTime(new Date(at), ZONE);
}

/** Parsed core-library values back to Salla's wire shapes (Dates become `{ date, timezone_type, timezone }`). */
export function toSallaWire(input: unknown): unknown {
  if (input instanceof Date) return { date: `${sallaWallTime(input)}.000000`, timezone_type: 3, timezone: ZONE };
  if (Array.isArray(input)) return input.map(toSallaWire);
  if (typeof input === 'object' && input !== null) {
    const output: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) if (value !== undefined) output[key] = toSallaWire(value);
    return output;
  }
  return input;
}
