import { AppError, DEFAULT_TIME_ZONE, isValidTimeZone, type WeekStart, WEEK_STARTS } from '@salla-analytics/core-library';
import { type AssistantAnswer, assistantFromEnv, describePlan } from '@salla-analytics/ai-assistant-service-lib';
import { createDatabase, getMerchant, parseDatabaseEnv } from '@salla-analytics/database-schema';
import { ClickHouseAnalyticsRepository } from '@salla-analytics/olap-repository';
import { connectAnalytics } from '../connect.js';

export interface AskOptions {
  merchant: string;
  tz?: string;
  weekStart?: string;
  currency?: string;
  now?: string;
  json?: boolean;
}

interface StoreSettings {
  timeZone: string;
  weekStart: WeekStart;
  currency: string;
  source: 'database' | 'defaults';
}

/**
 * `pnpm admin ask --merchant <id> "<question>"`: the Ask panel's code path (assistantFromEnv →
 * the same planner, execution and answer) for an operator. The merchant comes from the flag;
 * the store's time zone, week start and currency from PostgreSQL when reachable (flags win).
 */
export async function askCommand(question: string, options: AskOptions): Promise<string> {
  const merchantId = Number(options.merchant);
  if (!/^\d+$/.test(options.merchant) || !Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `--merchant must be a positive integer store id, got "${options.merchant}"`);
  }
  if (options.tz !== undefined && !isValidTimeZone(options.tz)) {
    throw new AppError('INVALID_ARGUMENT', `--tz must be an IANA time zone such as Asia/Riyadh, got "${options.tz}"`);
  }
  if (options.weekStart !== undefined && !(WEEK_STARTS as readonly string[]).includes(options.weekStart)) {
    throw new AppError('INVALID_ARGUMENT', `--week-start must be one of ${WEEK_STARTS.join(', ')}, got "${options.weekStart}"`);
  }
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new AppError('INVALID_ARGUMENT', `--now must be an ISO date-time, got "${options.now}"`);

  const stored = await storeSettings(merchantId);
  const settings = {
    timeZone: options.tz ?? stored.timeZone,
    weekStart: (options.weekStart as WeekStart | undefined) ?? stored.weekStart,
    currency: options.currency ?? stored.currency,
  };
  const { client, admin } = await connectAnalytics();
  const configured = assistantFromEnv(new ClickHouseAnalyticsRepository(client));
  try {
    const answer = await configured.assistant.ask(question, { merchantId, ...settings, now });
    if (options.json) {
      return JSON.stringify(
        {
          merchantId,
          question: answer.question,
          settings: { ...settings, source: stored.source },
          planner: answer.planner,
          plan: { ...describePlan(answer.plan), call: answer.plan },
          answer: answerBody(answer),
        },
        null,
        2,
      );
    }
    return formatAnswer(answer);
  } finally {
    configured.close();
    await Promise.all([client.close(), admin.close()]);
  }
}

function answerBody(answer: AssistantAnswer) {
  const { question: _q, plan: _p, planner: _planner, ...rest } = answer;
  return rest;
}

async function storeSettings(merchantId: number): Promise<StoreSettings> {
  const defaults: StoreSettings = { timeZone: DEFAULT_TIME_ZONE, weekStart: 'saturday', currency: 'SAR', source: 'defaults' };
  let url: string;
  try {
    url = parseDatabaseEnv().DATABASE_URL;
  } catch {
    return defaults;
  }
  const db = createDatabase(url, { maxConnections: 1 });
  try {
    const merchant = await Promise.race([
      getMerchant(db, merchantId),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000).unref()),
    ]);
    return merchant ? { timeZone: merchant.timeZone, weekStart: merchant.weekStart, currency: merchant.currency, source: 'database' } : defaults;
  } catch {
    return defaults; // PostgreSQL not running: the store's defaults (override with --tz/--week-start/--currency)
  } finally {
    await db.$disconnect().catch(() => {});
  }
}

function formatAnswer(answer: AssistantAnswer): string {
  const plan = describePlan(answer.plan);
  const lines = [
    answer.narrative,
    '',
    `plan: ${plan.tool}${plan.metric ? ` metric=${plan.metric}` : ''}${plan.dimensions.length ? ` by=${plan.dimensions.join(',')}` : ''}` +
      `${plan.filters.map((f) => ` ${f.dimension}=${f.value}`).join('')}${plan.period ? ` period=${plan.period.preset}${plan.period.from ? `:${plan.period.from}..${plan.period.to}` : ''}` : ''}` +
      `${plan.compare && plan.compare !== 'none' ? ` compare=${plan.compare}` : ''} (planner ${answer.planner.kind}${answer.planner.fallbackReason ? `, fell back: ${answer.planner.fallbackReason}` : ''})`,
  ];
  if (answer.period) lines.push(`period: ${answer.period.fromDate} to ${answer.period.toDate} (${answer.period.timeZone})${answer.comparison ? `, compared with ${answer.comparison.fromDate} to ${answer.comparison.toDate}` : ''}`);
  for (const n of answer.numbers) lines.push(`  ${n.label}: ${n.display}${n.change === null ? '' : ` (${n.change >= 0 ? '+' : ''}${(n.change * 100).toFixed(1)}%)`}`);
  return lines.join('\n');
}
