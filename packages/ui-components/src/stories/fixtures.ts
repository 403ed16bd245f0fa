import type { PeriodPreset } from '@salla-analytics/core-library';
import type { DataTableLabels } from '../components/data-table/data-table';
import type { ComparisonChoice, DateRangePickerLabels } from '../components/date-range-picker';
import type { TimeSeriesPoint } from '../charts/time-series-chart';
import type { CohortRow } from '../charts/cohort-heatmap';
import { addDays, type Lang, seeded } from './story-helpers';

export const presetLabels: Record<Lang, Record<PeriodPreset, string>> = {
  ar: {
    today: 'اليوم',
    yesterday: 'أمس',
    last_7_days: 'آخر ٧ أيام',
    last_30_days: 'آخر ٣٠ يومًا',
    this_week: 'هذا الأسبوع',
    last_week: 'الأسبوع الماضي',
    this_month: 'هذا الشهر',
    last_month: 'الشهر الماضي',
    this_quarter: 'هذا الربع',
    last_quarter: 'الربع الماضي',
    this_year: 'هذه السنة',
    last_year: 'السنة الماضية',
    custom: 'فترة مخصصة',
  },
  en: {
    today: 'Today',
    yesterday: 'Yesterday',
    last_7_days: 'Last 7 days',
    last_30_days: 'Last 30 days',
    this_week: 'This week',
    last_week: 'Last week',
    this_month: 'This month',
    last_month: 'Last month',
    this_quarter: 'This quarter',
    last_quarter: 'Last quarter',
    this_year: 'This year',
    last_year: 'Last year',
    custom: 'Custom range',
  },
};

const comparisonLabels: Record<Lang, Record<ComparisonChoice, string>> = {
  ar: { previous_period: 'الفترة السابقة', previous_year: 'نفس الفترة من العام الماضي', none: 'بدون مقارنة' },
  en: { previous_period: 'Previous period', previous_year: 'Same period last year', none: 'No comparison' },
};

export const datePickerLabels: Record<Lang, DateRangePickerLabels> = {
  ar: {
    presets: presetLabels.ar,
    comparison: comparisonLabels.ar,
    presetsHeading: 'الفترة',
    comparisonHeading: 'المقارنة مع',
    from: 'من',
    to: 'إلى',
    apply: 'تطبيق',
    cancel: 'إلغاء',
    invalidRange: 'تاريخ النهاية قبل تاريخ البداية',
  },
  en: {
    presets: presetLabels.en,
    comparison: comparisonLabels.en,
    presetsHeading: 'Period',
    comparisonHeading: 'Compare to',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    cancel: 'Cancel',
    invalidRange: 'The end date is before the start date',
  },
};

export const tableLabels: Record<Lang, DataTableLabels> = {
  ar: {
    downloadCsv: 'تنزيل CSV',
    previousPage: 'الصفحة السابقة',
    nextPage: 'الصفحة التالية',
    pageOf: (page, count) => `صفحة ${page} من ${count}`,
    empty: 'لا توجد نتائج',
    filter: 'بحث في المنتجات',
    sortAscending: 'ترتيب تصاعدي',
    sortDescending: 'ترتيب تنازلي',
  },
  en: {
    downloadCsv: 'Download CSV',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: (page, count) => `Page ${page} of ${count}`,
    empty: 'No results',
    filter: 'Search products',
  },
};

export interface ProductRow {
  id: string;
  name: Record<Lang, string>;
  category: Record<Lang, string>;
  orders: number;
  /** Halalas. */
  revenueMinor: number;
  refundRate: number;
}

const productNames: [string, string, string, string][] = [
  ['عطر العود الملكي', 'Royal Oud Perfume', 'عطور', 'Perfume'],
  ['بخور كمبودي', 'Cambodian Incense', 'بخور', 'Incense'],
  ['دهن العود', 'Oud Oil', 'عطور', 'Perfume'],
  ['تمر سكري فاخر', 'Premium Sukkari Dates', 'أغذية', 'Food'],
  ['قهوة عربية بالهيل', 'Arabic Coffee with Cardamom', 'أغذية', 'Food'],
  ['عباية كريب', 'Crepe Abaya', 'أزياء', 'Fashion'],
  ['شماغ أحمر', 'Red Shemagh', 'أزياء', 'Fashion'],
  ['مبخرة كهربائية', 'Electric Incense Burner', 'إلكترونيات', 'Electronics'],
  ['سجادة صلاة', 'Prayer Rug', 'منزل', 'Home'],
  ['مسك الطهارة', 'White Musk', 'عطور', 'Perfume'],
  ['زعفران إيراني', 'Persian Saffron', 'أغذية', 'Food'],
  ['دلة قهوة نحاس', 'Copper Coffee Pot', 'منزل', 'Home'],
];

export const products: ProductRow[] = productNames.map(([ar, en, catAr, catEn], index) => {
  const random = seeded(index + 7);
  const orders = Math.round(20 + random() * 480);
  return {
    id: `p${index + 1}`,
    name: { ar, en },
    category: { ar: catAr, en: catEn },
    orders,
    revenueMinor: orders * Math.round(4_000 + random() * 60_000),
    refundRate: Math.round(random() * 80) / 1000,
  };
});

/** 30 days of revenue (SAR, major units) with the previous 30 days aligned day by day. */
export function revenueSeries(days = 30, start = '2025-10-01'): TimeSeriesPoint[] {
  const random = seeded(42);
  return Array.from({ length: days }, (_, i) => {
    const weekly = 1 + 0.35 * Math.sin((i / 7) * 2 * Math.PI);
    const value = Math.round(18_000 * weekly + random() * 6_000 + i * 180);
    const comparison = Math.round(15_000 * weekly + random() * 5_000);
    return { date: addDays(start, i), value, comparison, comparisonDate: addDays(start, i - days) };
  });
}

export const cohortRows: Record<Lang, CohortRow[]> = (() => {
  const months: [string, string][] = [
    ['أبريل ٢٠٢٥', 'Apr 2025'],
    ['مايو ٢٠٢٥', 'May 2025'],
    ['يونيو ٢٠٢٥', 'Jun 2025'],
    ['يوليو ٢٠٢٥', 'Jul 2025'],
    ['أغسطس ٢٠٢٥', 'Aug 2025'],
    ['سبتمبر ٢٠٢٥', 'Sep 2025'],
  ];
  const random = seeded(5);
  const rows = months.map(([ar, en], row) => {
    const size = Math.round(300 + random() * 500);
    const retention = Array.from({ length: 6 }, (_, period) => {
      if (period >= months.length - row) return null;
      if (period === 0) return 1;
      return Math.round(Math.max(0.04, 0.34 * 0.78 ** (period - 1) - random() * 0.05) * 1000) / 1000;
    });
    return { ar, en, size, retention };
  });
  return {
    ar: rows.map((r) => ({ cohort: r.ar, size: r.size, retention: r.retention })),
    en: rows.map((r) => ({ cohort: r.en, size: r.size, retention: r.retention })),
  };
})();
