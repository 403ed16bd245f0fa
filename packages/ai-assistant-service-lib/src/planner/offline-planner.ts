import type { Plan, PlanPeriod } from '../plan/plan-schema.js';
import { planSchema } from '../plan/plan-schema.js';
import { CATEGORY_WORDS, CITY_NAMES, PAYMENT_METHOD_NAMES } from '../semantic/dimensions.js';
import type { MetricId } from '../semantic/metric-catalog.js';
import { hasAny, normalizeText, stem } from '../text/normalize.js';
import { detectPeriod, type PeriodClock } from './period-phrases.js';
import * as K from './keywords.js';

export interface PlannerInput {
  question: string;
  /** The store's category names (from its profile), to recognise "top perfumes". */
  categories: readonly string[];
  clock: PeriodClock;
}

/**
 * The deterministic planner: keyword and phrase rules over the folded question, Arabic (MSA and
 * Gulf) and English. It reads only the question and the store's category names — never product
 * names or other retrieved text — and its output goes through the same plan schema as the LLM's.
 */
export function planOffline(input: PlannerInput): Plan {
  return planSchema.parse(rawPlan(input));
}

/** Folds the question and rewrites colloquial forms the rules then match once. */
export function foldForPlanning(question: string): string {
  return ` ${normalizeText(question)} `
    .replace(/ هال(?=\S)/g, ' هذا ال') // هالشهر → هذا الشهر
    .replace(/ (?:بال|وال|فال|كال)(?=\S{2})/g, ' ال') // بالشهر → الشهر
    .replace(/ لل(?=\S{2})/g, ' ال') // للشهر → الشهر
    .replace(/ (?:ب|و|ل)(امس|اليوم)(?= )/g, ' $1')
    .replace(/ (?:ب|و)(مدى|تابي|تمارا|جده|جدة) /g, ' $1 ')
    .replace(/ (احسن|افضل|اكثر|اقل|اسوا|اضعف) من /g, ' $1 مقارنه ') // "أحسن من الشهر اللي فات" compares
    .replace(/ (better|worse|more|less) than /g, ' $1 vs ')
    .replace(/ (?:في|من|ب) /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function rawPlan({ question, categories, clock }: PlannerInput): unknown {
  const text = foldForPlanning(question);
  if (!text) return cannot('unclear');
  if (hasAny(text, K.OTHER_MERCHANT) || /\b(merchant|store|shop)\s*#?\s*\d+/.test(text) || /(تاجر|متجر|المتجر) رقم/.test(text)) {
    return cannot('other_merchant');
  }
  if (hasAny(text, K.UNSUPPORTED)) return cannot('unsupported');

  const detected = detectPeriod(text, clock);
  const period: PlanPeriod = detected.period ?? { preset: 'last_30_days' };
  const rest = detected.rest;
  const count = countIn(rest);
  const category = categoryIn(text, categories);
  const city = CITY_NAMES.find((c) => hasAny(text, c.aliases.map((a) => normalizeText(a))));
  const payment = PAYMENT_METHOD_NAMES.find((p) => hasAny(text, p.aliases.map((a) => normalizeText(a))));
  const wantsBottom = hasAny(text, K.RANK_BOTTOM);
  const wantsTop = hasAny(text, K.RANK_TOP);
  const metric = metricIn(text);

  if (hasAny(text, K.WHY) && (metric === null || ['netSales', 'grossSales', 'orders', 'aov'].includes(metric))) {
    return { tool: 'explain_change', args: { metric: metric ?? 'netSales', period: detected.period ?? { preset: 'last_week' }, compare: detected.compare ?? 'previous_period' } };
  }
  if (hasAny(text, K.LIFETIME_VALUE)) return { tool: 'lifetime_value', args: {} };
  if (hasAny(text, K.SEGMENTS) || (hasAny(text, K.CUSTOMER) && hasAny(text, K.SEGMENT_NAMES))) return { tool: 'customer_segments', args: {} };
  if (metric && metric in CART_METRICS) {
    return { tool: 'get_metric', args: { metric, period, compare: detected.compare ?? 'previous_period' } };
  }
  // "top perfumes" names a category of the store with a ranking word: its products, ranked.
  const rankInCategory = category !== undefined && (wantsTop || wantsBottom) && !hasAny(text, K.CATEGORY_DIMENSION);
  if (hasAny(text, K.PRODUCT) || rankInCategory) {
    return {
      tool: 'rank_products',
      args: {
        sortBy: hasAny(text, K.QUANTITY) ? 'quantity' : 'revenue',
        direction: wantsBottom ? 'asc' : 'desc',
        limit: count ?? 5,
        ...(category ? { category } : {}),
        period,
      },
    };
  }
  // A named city ("المدينة المنورة") is a filter, not a request to split by city.
  const dimension = dimensionIn(city ? removeAliases(text, city.aliases) : text);
  const splits = hasAny(text, K.BREAKDOWN) || wantsTop || wantsBottom;
  if (dimension && (splits || dimension === 'customer_type')) {
    return { tool: 'breakdown', args: { dimension, metric: metric === 'orders' ? 'orders' : 'netSales', limit: count ?? 10, period } };
  }
  if (category && !city && !payment) {
    return { tool: 'breakdown', args: { dimension: 'category', metric: metric === 'orders' ? 'orders' : 'netSales', limit: count ?? 10, period } };
  }
  if ((wantsTop || wantsBottom) && (hasAny(rest, K.BUCKET_DAY) || hasAny(rest, K.BUCKET_WEEK))) {
    const trendMetric = metric === 'orders' ? 'orders' : 'netSales';
    return { tool: 'get_trend', args: { metric: trendMetric, period, granularity: hasAny(rest, K.BUCKET_DAY) ? 'day' : 'week', compare: 'none' } };
  }
  const granularity = hasAny(text, K.DAILY) ? 'day' : hasAny(text, K.WEEKLY) ? 'week' : hasAny(text, K.MONTHLY) ? 'month' : undefined;
  if (granularity || hasAny(text, K.TREND)) {
    const trendMetric = metric === 'orders' || metric === 'grossSales' || metric === 'canceledOrders' ? metric : 'netSales';
    return {
      tool: 'get_trend',
      args: { metric: trendMetric, period, ...(granularity ? { granularity } : {}), compare: detected.compare ?? 'none' },
    };
  }
  if (metric) {
    const filter = city
      ? { dimension: 'city', value: city.value }
      : payment
        ? { dimension: 'payment_method', value: payment.value }
        : undefined;
    if (filter && !['netSales', 'grossSales', 'orders', 'canceledOrders'].includes(metric)) return cannot('unsupported');
    return { tool: 'get_metric', args: { metric, period, compare: detected.compare ?? 'previous_period', ...(filter ? { filter } : {}) } };
  }
  if (city || payment) {
    const filter = city ? { dimension: 'city', value: city.value } : { dimension: 'payment_method', value: payment?.value };
    return { tool: 'get_metric', args: { metric: 'netSales', period, compare: detected.compare ?? 'previous_period', filter } };
  }
  if (detected.period && hasAny(text, K.HOW_MUCH)) return cannot('unclear');
  return cannot('out_of_scope');
}

const CART_METRICS: Partial<Record<MetricId, true>> = {
  abandonedCarts: true,
  abandonedCartValue: true,
  recoveredCarts: true,
  cartRecoveryRate: true,
  valueAtRisk: true,
};

function cannot(reason: 'out_of_scope' | 'other_merchant' | 'unsupported' | 'unclear') {
  return { tool: 'cannot_answer', args: { reason } };
}

/** The metric a question is about, or null. Order matters: the most specific wording wins. */
export function metricIn(text: string): MetricId | null {
  if (hasAny(text, K.AOV)) return 'aov';
  if (hasAny(text, K.CART)) {
    if (hasAny(text, K.AT_RISK)) return 'valueAtRisk';
    if (hasAny(text, K.RECOVERED)) return hasAny(text, K.RATE) ? 'cartRecoveryRate' : 'recoveredCarts';
    if (hasAny(text, K.VALUE)) return 'abandonedCartValue';
    return 'abandonedCarts';
  }
  if (hasAny(text, K.CANCELED)) return 'canceledOrders';
  if (hasAny(text, K.REFUNDED)) return 'refundedOrders';
  const newCustomers = hasAny(text, K.NEW_CUSTOMERS);
  const returning = hasAny(text, K.RETURNING);
  if (newCustomers && !returning) return 'newCustomers';
  if (returning && !newCustomers) return 'returningCustomers';
  if (hasAny(text, K.ORDERS)) return 'orders';
  if (hasAny(text, K.GROSS)) return 'grossSales';
  if (hasAny(text, K.SALES)) return 'netSales';
  if (hasAny(text, K.ORDER_WEAK)) return 'orders';
  if (hasAny(text, K.CUSTOMER)) return 'uniqueCustomers';
  return null;
}

function removeAliases(text: string, aliases: readonly string[]): string {
  let out = ` ${text} `;
  for (const alias of aliases) out = out.replaceAll(` ${normalizeText(alias)} `, ' ');
  return out.trim();
}

function dimensionIn(text: string) {
  if (hasAny(text, K.NEW_CUSTOMERS) && hasAny(text, K.RETURNING)) return 'customer_type' as const;
  if (hasAny(text, K.CITY_WORDS)) return 'city' as const;
  if (hasAny(text, K.PAYMENT_WORDS)) return 'payment_method' as const;
  if (hasAny(text, K.STATUS_WORDS)) return 'status' as const;
  if (hasAny(text, K.CATEGORY_DIMENSION)) return 'category' as const;
  return null;
}

/** A store category the question names ("العطور", "perfumes" → "عطور وعود"). */
export function categoryIn(text: string, categories: readonly string[]): string | undefined {
  const questionStems = new Set(text.split(' ').map(stem));
  for (const { stems, words } of CATEGORY_WORDS) {
    if (hasAny(text, words)) for (const s of stems) questionStems.add(s);
  }
  return categories.find((name) =>
    normalizeText(name)
      .split(' ')
      .map(stem)
      .filter((s) => s.length >= 3)
      .some((s) => questionStems.has(s)),
  );
}

const NUMBER_WORDS: Record<string, number> = {
  ثلاث: 3, ثلاثه: 3, three: 3, خمس: 5, خمسه: 5, five: 5, عشر: 10, عشره: 10, ten: 10, سبع: 7, سبعه: 7, seven: 7, twenty: 20, عشرين: 20,
};

function countIn(text: string): number | undefined {
  const digits = text.match(/(?:^| )(\d{1,2})(?= |$)/);
  if (digits) {
    const n = Number(digits[1]);
    if (n >= 1 && n <= 50) return n;
  }
  for (const word of text.split(' ')) {
    const n = NUMBER_WORDS[word];
    if (n) return n;
  }
  return undefined;
}
