import { addLocalDays, comparisonPeriod, localDateRangeToPeriod, resolvePeriod, toLocalDate } from '@salla-analytics/core-library';
import type { IAnalyticsRepository } from '@salla-analytics/olap-repository';
import { formatPercent, formatValue } from '../answer/format.js';
import { keyLabel } from '../answer/labels.js';
import type { AssistantSession } from '../execute/session.js';
import { HELP_ARTICLES } from '../help/help-articles.js';
import { DIMENSION_CATALOG } from '../semantic/dimensions.js';
import { METRIC_CATALOG } from '../semantic/metric-catalog.js';
import type { RetrievalDocument } from './documents.js';

/** What the assistant knows about a store besides its numbers: used for matching and as context. */
export interface StoreProfile {
  merchantId: number;
  currency: string;
  timeZone: string;
  weekStart: string;
  /** Category names with sales in the last 90 days, largest first. */
  categories: string[];
  /** Best sellers of the last 30 days (names are merchant data, shown but never obeyed). */
  topProducts: Array<{ name: string; revenueMinor: number }>;
}

export async function loadStoreProfile(repo: IAnalyticsRepository, session: AssistantSession): Promise<StoreProfile> {
  const zone = { timeZone: session.timeZone, weekStart: session.weekStart, now: session.now };
  const today = toLocalDate(session.now, session.timeZone);
  const last90 = localDateRangeToPeriod(addLocalDays(today, -89), today, session.timeZone);
  const last30 = resolvePeriod({ preset: 'last_30_days', ...zone });
  const [categories, products] = await Promise.all([
    repo.getCategoryPerformance({ merchantId: session.merchantId, period: last90, limit: 50 }),
    repo.getTopProducts({ merchantId: session.merchantId, period: last30, limit: 10 }),
  ]);
  return {
    merchantId: session.merchantId,
    currency: session.currency,
    timeZone: session.timeZone,
    weekStart: session.weekStart,
    categories: categories.map((c) => c.category).filter((name) => name !== ''),
    topProducts: products.map((p) => ({ name: p.name, revenueMinor: p.revenueMinor })),
  };
}

/** Recent insights (computed from the repository) written as short sentences in both languages. */
export async function loadInsights(repo: IAnalyticsRepository, session: AssistantSession): Promise<RetrievalDocument[]> {
  const zone = { timeZone: session.timeZone, weekStart: session.weekStart, now: session.now };
  const week = resolvePeriod({ preset: 'last_7_days', ...zone });
  const month = resolvePeriod({ preset: 'last_30_days', ...zone });
  const merchantId = session.merchantId;
  const [overview, carts, cities] = await Promise.all([
    repo.getRevenueOverview({ merchantId, period: week, comparison: comparisonPeriod(week, 'previous_period') }),
    repo.getAbandonedCartSummary({ merchantId, period: month }),
    repo.getSalesByDimension({ merchantId, period: month, dimension: 'city', limit: 3 }),
  ]);
  const c = session.currency;
  const net = overview.metrics.netSales;
  const docs: RetrievalDocument[] = [];
  for (const lang of ['ar', 'en'] as const) {
    const change = net.change === null ? '' : ` (${formatPercent(net.change, lang, true)})`;
    docs.push({
      id: `insight:sales-7d:${lang}`,
      kind: 'insight',
      lang,
      title: lang === 'ar' ? 'المبيعات في آخر 7 أيام' : 'Sales in the last 7 days',
      text:
        lang === 'ar'
          ? `صافي المبيعات في آخر 7 أيام ${formatValue(net.value, 'minor_units', c, lang)}${change} مقارنة بالأيام السبعة قبلها، من ${overview.metrics.orders.value} طلبًا.`
          : `Net sales in the last 7 days were ${formatValue(net.value, 'minor_units', c, lang)}${change} against the 7 days before, from ${overview.metrics.orders.value} orders.`,
    });
    docs.push({
      id: `insight:carts-30d:${lang}`,
      kind: 'insight',
      lang,
      title: lang === 'ar' ? 'السلات المتروكة في آخر 30 يومًا' : 'Abandoned carts in the last 30 days',
      text:
        lang === 'ar'
          ? `${carts.carts} سلة متروكة في آخر 30 يومًا، استُعيد منها ${formatPercent(carts.recoveryRate, lang)}، والقيمة المعرضة للخسارة ${formatValue(carts.valueAtRiskMinor, 'minor_units', c, lang)}.`
          : `${carts.carts} carts were abandoned in the last 30 days, ${formatPercent(carts.recoveryRate, lang)} recovered, ${formatValue(carts.valueAtRiskMinor, 'minor_units', c, lang)} still at risk.`,
    });
    if (cities.length) {
      docs.push({
        id: `insight:cities-30d:${lang}`,
        kind: 'insight',
        lang,
        title: lang === 'ar' ? 'أكبر المدن في آخر 30 يومًا' : 'Top cities in the last 30 days',
        text: cities.map((r) => `${keyLabel('city', r.key, lang)}: ${formatValue(r.netSalesMinor, 'minor_units', c, lang)}`).join(lang === 'ar' ? '، ' : ', '),
      });
    }
  }
  return docs;
}

/** Every document of a store's index: definitions, help, its profile and its insights. */
export function buildDocuments(profile: StoreProfile, insights: RetrievalDocument[]): RetrievalDocument[] {
  const docs: RetrievalDocument[] = [];
  for (const lang of ['ar', 'en'] as const) {
    for (const metric of METRIC_CATALOG) {
      docs.push({ id: `metric:${metric.id}:${lang}`, kind: 'metric', lang, title: metric.label[lang], text: `${metric.definition[lang]} ${metric.synonyms[lang].join('، ')}` });
    }
    for (const dimension of DIMENSION_CATALOG) {
      docs.push({ id: `dimension:${dimension.id}:${lang}`, kind: 'metric', lang, title: dimension.label[lang], text: dimension.definition[lang] });
    }
    for (const article of HELP_ARTICLES) {
      docs.push({ id: `${article.id}:${lang}`, kind: 'help', lang, title: article.title[lang], text: article.body[lang] });
    }
    docs.push({
      id: `store:profile:${lang}`,
      kind: 'store',
      lang,
      title: lang === 'ar' ? 'ملف المتجر' : 'Store profile',
      text:
        lang === 'ar'
          ? `العملة ${profile.currency}، المنطقة الزمنية ${profile.timeZone}، بداية الأسبوع ${profile.weekStart}. الفئات: ${profile.categories.join('، ') || '—'}.`
          : `Currency ${profile.currency}, time zone ${profile.timeZone}, week starts on ${profile.weekStart}. Categories: ${profile.categories.join(', ') || '—'}.`,
    });
    docs.push({
      id: `store:top-products:${lang}`,
      kind: 'store',
      lang,
      title: lang === 'ar' ? 'المنتجات الأكثر مبيعًا في آخر 30 يومًا' : 'Best sellers of the last 30 days',
      text: profile.topProducts.map((p) => `${p.name} (${formatValue(p.revenueMinor, 'minor_units', profile.currency, lang)})`).join(lang === 'ar' ? '، ' : ', ') || '—',
    });
  }
  return [...docs, ...insights];
}
