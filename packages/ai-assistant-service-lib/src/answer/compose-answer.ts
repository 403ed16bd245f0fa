import type { ToolResult } from '../execute/tool-result.js';
import { getDimensionDefinition } from '../semantic/dimensions.js';
import { getMetricDefinition, type MetricId, type MetricUnit } from '../semantic/metric-catalog.js';
import type { AnswerDefinition, AnswerLanguage, AnswerNumber, ChartSpec } from './answer.js';
import { changeOf, formatPercent, formatRange, formatValue } from './format.js';
import { keyLabel, PRESET_LABELS, SEGMENT_LABELS } from './labels.js';

export interface ComposedAnswer {
  status: 'answered' | 'cannot_answer';
  narrative: string;
  numbers: AnswerNumber[];
  chart: ChartSpec | null;
  definitions: AnswerDefinition[];
  followUps: string[];
}

type L = AnswerLanguage;
const t = (lang: L, ar: string, en: string) => (lang === 'ar' ? ar : en);

/** Narrative, numbers, chart, definitions and follow-ups from what the repository returned. */
export function composeAnswer(result: ToolResult, lang: L): ComposedAnswer {
  const number = (id: string, label: string, value: number, unit: MetricUnit, previous: number | null = null): AnswerNumber => ({
    id,
    label,
    value,
    unit,
    previous,
    change: changeOf(value, previous),
    display: formatValue(value, unit, result.currency, lang),
  });
  const metricNumber = (id: MetricId, value: number, previous: number | null) => {
    const def = getMetricDefinition(id);
    return number(id, def.label[lang], value, def.unit, previous);
  };
  // Date ranges are left-to-right runs inside Arabic sentences: isolate them so bidi keeps them whole.
  const iso = (text: string) => (lang === 'ar' ? `\u2066${text}\u2069` : text);
  const periodText = () => {
    if (!result.period) return '';
    const preset = result.period.preset;
    const range = iso(formatRange(result.period));
    return preset === 'custom' ? range : `${PRESET_LABELS[preset][lang]} (${range})`;
  };
  const definitions = (ids: MetricId[], dims: Parameters<typeof getDimensionDefinition>[0][] = []): AnswerDefinition[] => [
    ...ids.map((id) => {
      const def = getMetricDefinition(id);
      return { id, label: def.label[lang], definition: def.definition[lang] };
    }),
    ...dims.map((id) => {
      const def = getDimensionDefinition(id);
      return { id: `dimension:${id}`, label: def.label[lang], definition: def.definition[lang] };
    }),
  ];
  const changeSentence = (n: AnswerNumber) => {
    if (!result.comparison || n.previous === null) return '';
    const prev = formatValue(n.previous, n.unit, result.currency, lang);
    const range = iso(formatRange(result.comparison));
    if (n.change === null) return t(lang, ` — مقابل ${prev} في الفترة السابقة (${range}).`, ` against ${prev} in the comparison period (${range}).`);
    const pct = formatPercent(Math.abs(n.change), lang);
    if (n.change === 0) return t(lang, ` — دون تغيير عن الفترة السابقة (${range}).`, `, unchanged from the comparison period (${range}).`);
    return n.change > 0
      ? t(lang, ` — ارتفاع ${pct} عن ${prev} في الفترة السابقة (${range}).`, `, up ${pct} from ${prev} in the comparison period (${range}).`)
      : t(lang, ` — انخفاض ${pct} عن ${prev} في الفترة السابقة (${range}).`, `, down ${pct} from ${prev} in the comparison period (${range}).`);
  };
  const end = (s: string) => (/[.!؟?]$/.test(s) ? s : `${s}.`);

  switch (result.tool) {
    case 'get_metric': {
      const { metric, filter } = result.plan.args;
      const primary = metricNumber(metric, result.value, result.previous);
      const numbers = [primary];
      if (result.overview && !filter) {
        for (const id of ['netSales', 'orders', 'aov'] as const) {
          if (id !== metric) numbers.push(metricNumber(id, result.overview.metrics[id].value, result.overview.metrics[id].previous));
        }
      }
      if (result.carts) {
        const c = result.carts.current;
        const p = result.carts.previous;
        const all = { abandonedCarts: [c.carts, p?.carts], abandonedCartValue: [c.valueMinor, p?.valueMinor], recoveredCarts: [c.recoveredCarts, p?.recoveredCarts], cartRecoveryRate: [c.recoveryRate, p?.recoveryRate], valueAtRisk: [c.valueAtRiskMinor, p?.valueAtRiskMinor] } as const;
        for (const [id, [v, prev]] of Object.entries(all)) if (id !== metric) numbers.push(metricNumber(id as MetricId, v, prev ?? null));
      }
      const where = filter ? ` (${keyLabel(filter.dimension, filter.value, lang)})` : '';
      const narrative = end(`${primary.label}${where} ${t(lang, 'في', 'for')} ${periodText()}: ${primary.display}${changeSentence(primary)}`);
      const chart: ChartSpec | null =
        result.carts
          ? { type: 'donut', title: t(lang, 'المستعاد مقابل المعرض للخسارة', 'Recovered vs at risk'), unit: 'minor_units', slices: [
              { label: t(lang, 'القيمة المستعادة', 'Recovered value'), value: result.carts.current.recoveredValueMinor },
              { label: t(lang, 'القيمة المعرضة للخسارة', 'Value at risk'), value: result.carts.current.valueAtRiskMinor },
            ] }
          : result.comparison && result.previous !== null
            ? { type: 'bar', title: primary.label, unit: primary.unit, orientation: 'vertical', items: [
                { label: t(lang, 'الفترة السابقة', 'Comparison period'), value: result.previous },
                { label: result.period.preset === 'custom' ? t(lang, 'الفترة', 'Period') : capital(PRESET_LABELS[result.period.preset][lang]), value: result.value },
              ] }
            : null;
      return {
        status: 'answered',
        narrative,
        numbers,
        chart,
        definitions: definitions([metric, ...numbers.slice(1).map((n) => n.id as MetricId)], filter ? [filter.dimension] : []),
        followUps: followUps(result, lang),
      };
    }
    case 'get_trend': {
      const { metric } = result.plan.args;
      const def = getMetricDefinition(metric);
      const field = { netSales: 'netSalesMinor', grossSales: 'grossSalesMinor', orders: 'orders', canceledOrders: 'canceledOrders' } as const;
      const values = result.current.map((p) => p[field[metric]]);
      const total = values.reduce((a, b) => a + b, 0);
      const previousTotal = result.previous ? result.previous.map((p) => p[field[metric]]).reduce((a, b) => a + b, 0) : null;
      const totalNumber = metricNumber(metric, total, previousTotal);
      const peakIndex = values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
      const peak = result.current[peakIndex];
      const numbers = [totalNumber];
      if (peak) numbers.push(number('peak', t(lang, `أعلى ${bucketWord(result.granularity, lang)}`, `Best ${result.granularity}`), peak[field[metric]], def.unit));
      const narrative = end(
        `${def.label[lang]} ${t(lang, 'في', 'over')} ${periodText()}: ${totalNumber.display}${changeSentence(totalNumber)}` +
          (peak ? t(lang, ` أعلى ${bucketWord(result.granularity, lang)} كان ${iso(peak.bucket)} بقيمة ${numbers[1]?.display}`, ` The best ${result.granularity} was ${peak.bucket} with ${numbers[1]?.display}`) : ''),
      );
      return {
        status: 'answered',
        narrative,
        numbers,
        chart: {
          type: 'time_series',
          title: def.label[lang],
          unit: def.unit,
          seriesLabel: def.label[lang],
          comparisonLabel: result.previous ? t(lang, 'فترة المقارنة', 'Comparison period') : null,
          points: result.current.map((p, i) => ({ date: p.bucket, value: p[field[metric]], comparison: result.previous?.[i]?.[field[metric]] ?? null })),
        },
        definitions: definitions([metric]),
        followUps: followUps(result, lang),
      };
    }
    case 'rank_products': {
      const { sortBy, direction, category } = result.plan.args;
      const unit: MetricUnit = sortBy === 'quantity' ? 'count' : 'minor_units';
      const productValue = (p: { quantity: number; revenueMinor: number }) => (sortBy === 'quantity' ? p.quantity : p.revenueMinor);
      const numbers = result.products.map((p) => number(`product:${p.productId}`, p.name, productValue(p), unit));
      const first = numbers[0];
      const what = direction === 'asc' ? t(lang, 'الأقل مبيعًا', 'slowest seller') : t(lang, 'الأكثر مبيعًا', 'best seller');
      const by = sortBy === 'quantity' ? t(lang, 'بالكمية', 'by units sold') : t(lang, 'بالإيرادات', 'by revenue');
      const inCategory = category ? t(lang, ` في فئة «${category}»`, ` in “${category}”`) : '';
      const narrative = first
        ? end(t(lang, `المنتج ${what} ${by}${inCategory} في ${periodText()}: «${first.label}» (${first.display})`, `The ${what} ${by}${inCategory} in ${periodText()}: “${first.label}” (${first.display})`)) +
          (numbers.length > 1 ? t(lang, ` وهذه قائمة أول ${numbers.length}.`, ` Here are the first ${numbers.length}.`) : '')
        : t(lang, `لا توجد مبيعات منتجات${inCategory} في ${periodText()}.`, `No product sales${inCategory} in ${periodText()}.`);
      return {
        status: 'answered',
        narrative,
        numbers,
        chart: numbers.length ? { type: 'bar', title: t(lang, 'المنتجات', 'Products'), unit, orientation: 'horizontal', items: numbers.map((n) => ({ label: n.label, value: n.value })) } : null,
        definitions: [
          {
            id: sortBy === 'quantity' ? 'productQuantity' : 'productRevenue',
            label: sortBy === 'quantity' ? t(lang, 'الكمية المباعة', 'Units sold') : t(lang, 'إيرادات المنتج', 'Product revenue'),
            definition:
              sortBy === 'quantity'
                ? t(lang, 'مجموع الكميات في بنود الطلبات غير الملغاة وغير المسترجعة في الفترة.', 'Sum of line quantities of orders neither canceled nor refunded in the period.')
                : t(lang, 'مجموع مبالغ بنود الطلبات (بعد الخصم وقبل الضريبة) للطلبات غير الملغاة وغير المسترجعة في الفترة.', 'Sum of line totals (after discounts, before tax) of orders neither canceled nor refunded in the period.'),
          },
          ...(category ? definitions([], ['category']) : []),
        ],
        followUps: followUps(result, lang),
      };
    }
    case 'breakdown': {
      const { dimension, metric } = result.plan.args;
      const isOrders = metric === 'orders';
      const unit: MetricUnit = isOrders ? 'count' : 'minor_units';
      const label = (key: string) => keyLabel(dimension, key, lang) || (dimension === 'category' ? t(lang, 'بدون فئة', 'Uncategorized') : key);
      const numbers = result.parts.map((p) => number(`${dimension}:${p.key}`, label(p.key), isOrders ? p.orders : p.netSalesMinor, unit));
      const total = numbers.reduce((s, n) => s + n.value, 0);
      const first = numbers[0];
      const dimLabel = getDimensionDefinition(dimension).label[lang];
      const metricLabel = dimension === 'category' && !isOrders ? t(lang, 'الإيرادات', 'revenue') : getMetricDefinition(isOrders ? 'orders' : 'netSales').label[lang];
      const narrative = first
        ? end(t(lang, `${metricLabel} حسب ${dimLabel} في ${periodText()}: الأعلى «${first.label}» بـ ${first.display}`, `${capital(metricLabel)} by ${dimLabel.toLowerCase()} in ${periodText()}: “${first.label}” leads with ${first.display}`) +
            (total > 0 ? t(lang, ` (${formatPercent(first.value / total, lang)} من المجموع).`, ` (${formatPercent(first.value / total, lang)} of the total).`) : ''))
        : t(lang, `لا توجد بيانات في ${periodText()}.`, `No data in ${periodText()}.`);
      const donut = dimension === 'payment_method' || dimension === 'status' || dimension === 'customer_type';
      const items = numbers.map((n) => ({ label: n.label, value: n.value }));
      return {
        status: 'answered',
        narrative,
        numbers,
        chart: numbers.length === 0 ? null : donut ? { type: 'donut', title: dimLabel, unit, slices: items } : { type: 'bar', title: dimLabel, unit, orientation: 'horizontal', items },
        definitions: definitions(dimension === 'category' ? [] : [isOrders ? 'orders' : 'netSales'], [dimension]),
        followUps: followUps(result, lang),
      };
    }
    case 'explain_change': {
      const { metric } = result.plan.args;
      const m = result.overview.metrics[metric];
      const primary = metricNumber(metric, m.value, m.previous);
      const driverUnit: MetricUnit = metric === 'orders' ? 'count' : 'minor_units';
      const dimName = (d: string) => getDimensionDefinition(d as 'city').label[lang];
      const drivers = result.drivers.map((d) =>
        number(`driver:${d.dimension}:${d.key}`, `${dimName(d.dimension)}: ${keyLabel(d.dimension, d.key, lang) || t(lang, 'بدون فئة', 'Uncategorized')}`, d.delta, driverUnit, d.previous),
      );
      const falling = m.previous !== null && m.value < m.previous;
      const direction = m.previous === null || m.value === m.previous ? null : falling ? t(lang, 'الانخفاض', 'the drop') : t(lang, 'الارتفاع', 'the rise');
      const top = drivers.slice(0, 3).map((d) => `${d.label} (${d.value > 0 ? '+' : ''}${formatValue(d.value, d.unit, result.currency, lang)})`);
      const narrative =
        end(`${primary.label} ${t(lang, 'في', 'in')} ${periodText()}: ${primary.display}${changeSentence(primary)}`) +
        (direction && top.length
          ? ' ' + end(t(lang, `أكثر ما ساهم في ${direction}: ${top.join('، ')}`, `What moved it most (${direction}): ${top.join(', ')}`))
          : direction
            ? ''
            : '') +
        (metric === 'aov' ? ' ' + t(lang, '(المساهمات محسوبة على صافي المبيعات.)', '(Contributions are measured on net sales.)') : '');
      return {
        status: 'answered',
        narrative,
        numbers: [primary, ...drivers],
        chart: drivers.length
          ? { type: 'bar', title: t(lang, 'التغير حسب البند', 'Change by part'), unit: driverUnit, orientation: 'horizontal', items: drivers.map((d) => ({ label: d.label, value: d.value })) }
          : null,
        definitions: definitions([metric], ['category', 'city', 'payment_method']),
        followUps: followUps(result, lang),
      };
    }
    case 'customer_segments': {
      const numbers = result.segments.map((s) => number(`segment:${s.segment}`, SEGMENT_LABELS[s.segment]?.[lang] ?? s.segment, s.customers, 'count'));
      const biggest = [...numbers].sort((a, b) => b.value - a.value)[0];
      const total = numbers.reduce((s, n) => s + n.value, 0);
      return {
        status: 'answered',
        narrative: biggest
          ? end(t(lang, `لديك ${formatValue(total, 'count', result.currency, lang)} عميلًا مصنفين حسب RFM حتى اليوم؛ أكبر شريحة «${biggest.label}» (${biggest.display})`, `${formatValue(total, 'count', result.currency, lang)} customers are scored by RFM as of today; the largest segment is “${biggest.label}” (${biggest.display})`))
          : t(lang, 'لا يوجد عملاء بعد.', 'No customers yet.'),
        numbers,
        chart: { type: 'bar', title: t(lang, 'شرائح العملاء (RFM)', 'Customer segments (RFM)'), unit: 'count', orientation: 'horizontal', items: numbers.map((n) => ({ label: n.label, value: n.value })) },
        definitions: [{ id: 'rfm', label: 'RFM', definition: t(lang, 'تصنيف العملاء حسب حداثة آخر شراء (R) وعدد مرات الشراء (F)، بدرجات من 1 إلى 5.', 'Customers scored 1–5 on how recently (R) and how often (F) they bought.') }],
        followUps: followUps(result, lang),
      };
    }
    case 'lifetime_value': {
      const total = result.ltv.total;
      const numbers = [
        number('avgLtv', t(lang, 'متوسط القيمة الدائمة للعميل', 'Average lifetime value'), total.avgLtvMinor, 'minor_units'),
        number('medianLtv', t(lang, 'الوسيط', 'Median lifetime value'), total.medianLtvMinor, 'minor_units'),
        number('repeatRate', t(lang, 'نسبة تكرار الشراء', 'Repeat rate'), total.repeatRate, 'ratio'),
        number('customers', t(lang, 'العملاء', 'Customers'), total.customers, 'count'),
        number('avgOrders', t(lang, 'متوسط الطلبات لكل عميل', 'Average orders per customer'), total.avgOrders, 'count'),
      ];
      return {
        status: 'answered',
        narrative: end(t(lang, `متوسط ما أنفقه العميل حتى اليوم ${numbers[0]?.display}، و${numbers[2]?.display} من العملاء اشتروا أكثر من مرة`, `The average customer has spent ${numbers[0]?.display} to date, and ${numbers[2]?.display} of customers bought more than once`)),
        numbers,
        chart: { type: 'bar', title: t(lang, 'متوسط القيمة حسب شهر أول شراء', 'Average value by month of first purchase'), unit: 'minor_units', orientation: 'vertical', items: result.ltv.byCohort.slice(-12).map((c) => ({ label: c.cohort.slice(0, 7), value: c.avgLtvMinor })) },
        definitions: [{ id: 'lifetimeValue', label: numbers[0]?.label ?? '', definition: t(lang, 'صافي مشتريات العميل منذ أول طلب حتى اليوم، دون الطلبات الملغاة والمسترجعة.', "A customer's net purchases from the first order to date, canceled and refunded orders excluded.") }],
        followUps: followUps(result, lang),
      };
    }
    case 'cannot_answer': {
      const reason = result.plan.args.reason;
      const narrative = {
        other_merchant: t(lang, 'لا أستطيع عرض بيانات متجر آخر: أجيب فقط بأرقام متجرك أنت.', 'I can only answer with your own store’s numbers — never another store’s.'),
        unsupported: t(lang, 'لا أستطيع تنفيذ هذا الطلب: أجيب عن أرقام المبيعات والطلبات والمنتجات والعملاء والسلات فقط، ولا أعرض بيانات شخصية أو أنفذ استعلامات.', 'I can’t do that: I answer questions about sales, orders, products, customers and carts, and never show personal data or run queries.'),
        unclear: t(lang, 'لم أفهم المقصود بالضبط. جرّب سؤالًا مثل: «كم بعنا الأسبوع الماضي؟» أو «وش أكثر منتج مبيعًا هذا الشهر؟»', 'I’m not sure what you mean. Try “How much did we sell last week?” or “What were the top products this month?”'),
        out_of_scope: t(lang, 'هذا خارج ما أستطيع الإجابة عنه: أجيب عن أرقام متجرك فقط (المبيعات، الطلبات، المنتجات، العملاء، السلات المتروكة).', 'That’s outside what I can answer: I only answer about your store’s numbers (sales, orders, products, customers, abandoned carts).'),
      }[reason];
      return { status: 'cannot_answer', narrative, numbers: [], chart: null, definitions: [], followUps: followUps(result, lang) };
    }
  }
}

function bucketWord(granularity: 'day' | 'week' | 'month', lang: L): string {
  return { day: t(lang, 'يوم', 'day'), week: t(lang, 'أسبوع', 'week'), month: t(lang, 'شهر', 'month') }[granularity];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Questions that naturally come next, in the answer's language. */
function followUps(result: ToolResult, lang: L): string[] {
  const ar = lang === 'ar';
  switch (result.tool) {
    case 'get_metric':
      return ar
        ? ['ليش تغيرت المبيعات عن الفترة السابقة؟', 'وش أكثر المنتجات مبيعًا في نفس الفترة؟', 'المبيعات حسب المدينة']
        : ['Why did sales change from the previous period?', 'What were the top products in the same period?', 'Sales by city'];
    case 'get_trend':
      return ar ? ['ليش نزلت المبيعات الأسبوع اللي فات؟', 'المبيعات حسب طريقة الدفع'] : ['Why did sales drop last week?', 'Sales by payment method'];
    case 'rank_products':
      return ar ? ['وش أقل المنتجات مبيعًا؟', 'المبيعات حسب الفئة', 'كم سلة متروكة هذا الشهر؟'] : ['Which products sell the least?', 'Sales by category', 'How many abandoned carts this month?'];
    case 'breakdown':
      return ar ? ['كم بعنا هذا الشهر مقارنة بالشهر الماضي؟', 'وش أكثر 5 منتجات مبيعًا؟'] : ['Sales this month vs last month', 'Top 5 products'];
    case 'explain_change':
      return ar ? ['المبيعات يوميًا في آخر 30 يوم', 'المبيعات حسب الفئة الأسبوع الماضي'] : ['Daily sales over the last 30 days', 'Sales by category last week'];
    case 'customer_segments':
    case 'lifetime_value':
      return ar ? ['كم عميل جديد هذا الشهر؟', 'العملاء الجدد مقابل العائدين'] : ['How many new customers this month?', 'New vs returning customers'];
    case 'cannot_answer':
      return ar
        ? ['كم بعنا الأسبوع الماضي؟', 'وش أكثر منتج مبيعًا هذا الشهر؟', 'كم سلة متروكة هذا الشهر؟']
        : ['How much did we sell last week?', 'Top products this month', 'How many abandoned carts this month?'];
  }
}

