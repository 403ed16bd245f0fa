import {
  AppError,
  type ComparisonMode,
  comparisonPeriod,
  DEFAULT_CURRENCY,
  DEFAULT_TIME_ZONE,
  isValidLocalDate,
  isValidTimeZone,
  localDateRangeToPeriod,
  minorUnitsToDecimalString,
} from '@salla-analytics/core-library';
import { ClickHouseAnalyticsRepository, type RevenueOverview } from '@salla-analytics/olap-repository';
import { connectAnalytics } from '../connect.js';

export interface OverviewOptions {
  merchant: string;
  from: string;
  to: string;
  tz?: string;
  compare: string;
  json?: boolean;
}

export async function overviewCommand(options: OverviewOptions): Promise<string> {
  const merchantId = Number(options.merchant);
  if (!/^\d+$/.test(options.merchant) || !Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `--merchant must be a positive integer store id, got "${options.merchant}"`);
  }
  for (const [name, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (!isValidLocalDate(value)) throw new AppError('INVALID_ARGUMENT', `${name} must be a date like 2025-03-01, got "${value}"`);
  }
  if (options.from > options.to) throw new AppError('INVALID_ARGUMENT', `--from (${options.from}) is after --to (${options.to})`);
  const timeZone = options.tz ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new AppError('INVALID_ARGUMENT', `--tz must be an IANA time zone such as Asia/Riyadh, got "${timeZone}"`);
  const modes = ['previous_period', 'previous_year', 'none'];
  if (!modes.includes(options.compare)) {
    throw new AppError('INVALID_ARGUMENT', `--compare must be one of ${modes.join(', ')}, got "${options.compare}"`);
  }

  const period = localDateRangeToPeriod(options.from, options.to, timeZone);
  const comparison = options.compare === 'none' ? null : comparisonPeriod(period, options.compare as ComparisonMode);
  const { client, admin } = await connectAnalytics();
  try {
    const overview = await new ClickHouseAnalyticsRepository(client).getRevenueOverview({ merchantId, period, comparison });
    return options.json ? JSON.stringify(overview, null, 2) : formatOverview(overview);
  } finally {
    await Promise.all([client.close(), admin.close()]);
  }
}

function formatOverview(overview: RevenueOverview): string {
  const lines = [
    `Merchant ${overview.merchantId}, ${overview.period.fromDate} to ${overview.period.toDate} (${overview.period.timeZone})` +
      (overview.comparison ? `, compared with ${overview.comparison.fromDate} to ${overview.comparison.toDate}` : ''),
  ];
  for (const [name, metric] of Object.entries(overview.metrics)) {
    const currency = overview.currency ?? DEFAULT_CURRENCY;
    const show = (n: number) => (metric.unit === 'minor_units' ? `${minorUnitsToDecimalString(n, currency)} ${currency}` : String(n));
    const change = metric.change === null ? '' : ` (${metric.change >= 0 ? '+' : ''}${(metric.change * 100).toFixed(1)}%)`;
    const previous = metric.previous === null ? '' : `  previous ${show(metric.previous)}`;
    lines.push(`  ${name.padEnd(16)} ${show(metric.value)}${change}${previous}`);
  }
  return lines.join('\n');
}
