/**
 * Dimensions the assistant can break numbers down by, and the values it recognises in questions.
 * Each dimension names the repository call behind it; values are matched on folded text.
 */
export const BREAKDOWN_DIMENSIONS = ['payment_method', 'city', 'status', 'category', 'customer_type'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Dimensions a metric can be filtered on (one value), e.g. "sales in Riyadh". */
export const FILTER_DIMENSIONS = ['payment_method', 'city', 'status'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export interface DimensionDefinition {
  id: BreakdownDimension;
  source: 'getSalesByDimension' | 'getCategoryPerformance' | 'getNewVsReturning';
  label: { ar: string; en: string };
  definition: { ar: string; en: string };
}

export const DIMENSION_CATALOG: readonly DimensionDefinition[] = [
  {
    id: 'payment_method',
    source: 'getSalesByDimension',
    label: { ar: 'طريقة الدفع', en: 'Payment method' },
    definition: { ar: 'طريقة الدفع المسجلة على الطلب (مدى، Apple Pay، تابي، تمارا…).', en: "The order's payment method (mada, Apple Pay, Tabby, Tamara…)." },
  },
  {
    id: 'city',
    source: 'getSalesByDimension',
    label: { ar: 'المدينة', en: 'City' },
    definition: { ar: 'مدينة العميل في عنوان الطلب.', en: "The customer's city on the order." },
  },
  {
    id: 'status',
    source: 'getSalesByDimension',
    label: { ar: 'حالة الطلب', en: 'Order status' },
    definition: { ar: 'آخر حالة معروفة للطلب.', en: 'The latest known status of the order.' },
  },
  {
    id: 'category',
    source: 'getCategoryPerformance',
    label: { ar: 'الفئة', en: 'Category' },
    definition: {
      ar: 'أول فئة للمنتج؛ الإيرادات هنا مجموع بنود الطلبات (بعد الخصم وقبل الضريبة) للطلبات غير الملغاة وغير المسترجعة.',
      en: "The product's first category; revenue here is the sum of line totals (after discounts, before tax) of orders neither canceled nor refunded.",
    },
  },
  {
    id: 'customer_type',
    source: 'getNewVsReturning',
    label: { ar: 'نوع العميل', en: 'Customer type' },
    definition: { ar: 'عميل جديد (أول شراء في الفترة) أو عائد (اشترى قبلها).', en: 'New (first purchase in the period) or returning (bought before it).' },
  },
];

export function getDimensionDefinition(id: BreakdownDimension): DimensionDefinition {
  const found = DIMENSION_CATALOG.find((d) => d.id === id);
  if (!found) throw new Error(`Unknown dimension ${id}`);
  return found;
}

/** Saudi cities as stored on orders (Arabic), with the ways merchants write them. */
export const CITY_NAMES: ReadonlyArray<{ value: string; en: string; aliases: readonly string[] }> = [
  { value: 'الرياض', en: 'Riyadh', aliases: ['الرياض', 'رياض', 'riyadh'] },
  { value: 'جدة', en: 'Jeddah', aliases: ['جدة', 'جده', 'jeddah', 'jiddah', 'jedda'] },
  { value: 'مكة المكرمة', en: 'Makkah', aliases: ['مكة المكرمة', 'مكة', 'مكه', 'makkah', 'mecca'] },
  { value: 'المدينة المنورة', en: 'Madinah', aliases: ['المدينة المنورة', 'المدينه المنوره', 'madinah', 'medina'] },
  { value: 'الدمام', en: 'Dammam', aliases: ['الدمام', 'دمام', 'dammam'] },
  { value: 'الخبر', en: 'Khobar', aliases: ['الخبر', 'khobar', 'al khobar'] },
  { value: 'الأحساء', en: 'Al-Ahsa', aliases: ['الأحساء', 'الاحسا', 'الاحساء', 'ahsa', 'al ahsa', 'hofuf'] },
  { value: 'الطائف', en: 'Taif', aliases: ['الطائف', 'الطايف', 'taif'] },
  { value: 'أبها', en: 'Abha', aliases: ['أبها', 'ابها', 'abha'] },
  { value: 'خميس مشيط', en: 'Khamis Mushait', aliases: ['خميس مشيط', 'الخميس', 'khamis mushait'] },
  { value: 'تبوك', en: 'Tabuk', aliases: ['تبوك', 'tabuk'] },
  { value: 'بريدة', en: 'Buraydah', aliases: ['بريدة', 'بريده', 'buraydah', 'buraidah'] },
  { value: 'حائل', en: 'Hail', aliases: ['حائل', 'حايل', 'hail', "ha'il"] },
  { value: 'جازان', en: 'Jazan', aliases: ['جازان', 'جيزان', 'jazan', 'jizan'] },
  { value: 'نجران', en: 'Najran', aliases: ['نجران', 'najran'] },
  { value: 'ينبع', en: 'Yanbu', aliases: ['ينبع', 'yanbu'] },
  { value: 'الجبيل', en: 'Jubail', aliases: ['الجبيل', 'jubail'] },
  { value: 'القطيف', en: 'Qatif', aliases: ['القطيف', 'qatif'] },
];

/** Payment method slugs as stored on orders. */
export const PAYMENT_METHOD_NAMES: ReadonlyArray<{ value: string; ar: string; en: string; aliases: readonly string[] }> = [
  { value: 'mada', ar: 'مدى', en: 'mada', aliases: ['مدى', 'مدي', 'mada'] },
  { value: 'apple_pay', ar: 'Apple Pay', en: 'Apple Pay', aliases: ['apple pay', 'ابل باي', 'أبل باي', 'applepay'] },
  { value: 'credit_card', ar: 'بطاقة ائتمانية', en: 'Credit card', aliases: ['credit card', 'بطاقه ائتمانيه', 'فيزا', 'visa', 'ماستركارد', 'card'] },
  { value: 'tabby', ar: 'تابي', en: 'Tabby', aliases: ['تابي', 'tabby'] },
  { value: 'tamara', ar: 'تمارا', en: 'Tamara', aliases: ['تمارا', 'tamara'] },
  { value: 'cod', ar: 'الدفع عند الاستلام', en: 'Cash on delivery', aliases: ['الدفع عند الاستلام', 'الدفع عند التوصيل', 'كاش', 'cod', 'cash on delivery'] },
  { value: 'stc_pay', ar: 'STC Pay', en: 'STC Pay', aliases: ['stc pay', 'اس تي سي باي'] },
  { value: 'bank', ar: 'تحويل بنكي', en: 'Bank transfer', aliases: ['تحويل بنكي', 'bank transfer'] },
];

/**
 * English words for the product categories Saudi stores use, mapped to the Arabic stem that
 * store category names contain ("perfume" finds "عطور وعود").
 */
export const CATEGORY_WORDS: ReadonlyArray<{ stems: readonly string[]; words: readonly string[] }> = [
  { stems: ['عطور', 'عطر', 'عود'], words: ['perfume', 'perfumes', 'fragrance', 'fragrances', 'oud', 'incense'] },
  { stems: ['عبايات', 'عبايه'], words: ['abaya', 'abayas'] },
  { stems: ['تمور', 'تمر'], words: ['dates', 'date fruit'] },
  { stems: ['قهوه'], words: ['coffee'] },
  { stems: ['اكسسوارات', 'الكترونيه'], words: ['electronics', 'accessories', 'gadgets'] },
  { stems: ['شماغ', 'ثياب', 'ثوب'], words: ['thobe', 'thobes', 'shemagh', 'menswear'] },
];
