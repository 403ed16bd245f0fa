import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './e2e-env';

export interface CliOverview {
  currency: string | null;
  metrics: Record<string, { value: number; previous: number | null; change: number | null; unit: string }>;
}

const ADMIN = join(import.meta.dirname, '..', '..', '..', '..', 'infra', 'dist', 'bin', 'admin.js');

/**
 * What `pnpm admin overview … --json` prints for this range: the operator CLI itself (infra's
 * built executable), run against the test stack's ClickHouse.
 */
export function adminOverview(clickhouseUrl: string, merchantId: number, from: string, to: string): CliOverview {
  if (!existsSync(ADMIN)) throw new Error(`${ADMIN} is missing: build infra first (pnpm turbo run build --filter=@salla-analytics/infra)`);
  const stdout = execFileSync(
    process.execPath,
    [ADMIN, 'overview', '--merchant', String(merchantId), '--from', from, '--to', to, '--compare', 'previous_period', '--json'],
    { env: { ...inheritedEnv(), CLICKHOUSE_URL: clickhouseUrl, CLICKHOUSE_DATABASE: 'salla_analytics' }, encoding: 'utf8' },
  );
  return JSON.parse(stdout) as CliOverview;
}
