/**
 * The performance suite's dataset: 1,000 merchants, ~10 million orders and ~20 million order lines
 * at BENCH_SCALE=1, one large merchant with 3 million orders and a Zipf-shaped long tail of small
 * ones, Saudi cities and payment methods, Salla statuses (cancellations and refunds), two years of
 * history growing towards the end.
 *
 * Every value is a pure integer function of (merchant, order, line): the same generator rules are
 * written as SQL for ClickHouse (`INSERT … SELECT` over `ARRAY JOIN range(n)`) and for PostgreSQL
 * (`INSERT … SELECT` over `generate_series`), so each engine builds the identical dataset itself in
 * seconds, without going through the webhook path (benchmarked on its own). The hash uses only
 * `%`, `*`, `+` on integers below 2^47, which both engines compute exactly.
 */

export const DATASET_END = new Date('2026-06-30T21:00:00Z'); // 2026-07-01 00:00 in Asia/Riyadh
export const DATASET_DAYS = 730;
const END_EPOCH = DATASET_END.getTime() / 1000;
const START_EPOCH = END_EPOCH - DATASET_DAYS * 86_400;

export interface ScaleMerchant {
  merchantId: number;
  orders: number;
  customers: number;
  products: number;
  carts: number;
}

export interface ScalePlan {
  scale: number;
  merchants: ScaleMerchant[];
  totalOrders: number;
  /** Expected order lines (1–3 per order, 2 on average); the exact count is read back from the engines. */
  expectedLines: number;
  large: ScaleMerchant;
  median: ScaleMerchant;
  small: ScaleMerchant;
}

/**
 * Orders per merchant: merchant 1 holds 30% of all orders (3M at full scale); the other 999 share
 * the rest by rank^-1.2 (a long tail: the median merchant has about 1,200 orders, the smallest ~500).
 */
export function planDataset(scale: number, merchantCount = 1000): ScalePlan {
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be a number in (0, 1]');
  const totalOrders = Math.max(merchantCount * 2, Math.round(10_000_000 * scale));
  const large = Math.round(totalOrders * 0.3);
  const weights = Array.from({ length: merchantCount - 1 }, (_, i) => (i + 2) ** -1.2);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const rest = weights.map((w) => Math.max(1, Math.floor(((totalOrders - large) * w) / weightSum)));
  rest[0]! += totalOrders - large - rest.reduce((a, b) => a + b, 0);
  const merchants = [large, ...rest].map((orders, i): ScaleMerchant => ({
    merchantId: i + 1,
    orders,
    customers: Math.max(1, Math.ceil(orders * 0.45)),
    products: Math.min(3000, Math.max(5, Math.round(orders / 60))),
    carts: Math.round(orders * 0.3),
  }));
  const byRank = [...merchants].sort((a, b) => b.orders - a.orders || a.merchantId - b.merchantId);
  return {
    scale,
    merchants,
    totalOrders: merchants.reduce((sum, m) => sum + m.orders, 0),
    expectedLines: merchants.reduce((sum, m) => sum + m.orders, 0) * 2,
    large: byRank[0]!,
    median: byRank[Math.floor(merchantCount / 2)]!,
    small: byRank[Math.floor(merchantCount * 0.9)]!,
  };
}

/** The few spellings in which the two engines differ. */
export interface Dialect {
  name: 'clickhouse' | 'postgres';
  pick(values: readonly string[], index: string): string;
  timestamp(epochSeconds: string): string;
  text(expr: string): string;
  div(a: string, b: string): string;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  pick: (values, index) => `arrayElement([${values.map(quote).join(', ')}], toUInt32(${index}) + 1)`,
  timestamp: (epoch) => `toDateTime64(${epoch}, 3, 'UTC')`,
  text: (expr) => `toString(${expr})`,
  div: (a, b) => `intDiv(${a}, ${b})`,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  pick: (values, index) => `(ARRAY[${values.map(quote).join(', ')}]::text[])[((${index}) + 1)::int]`,
  timestamp: (epoch) => `to_timestamp(${epoch})`,
  text: (expr) => `(${expr})::text`,
  div: (a, b) => `((${a}) / (${b}))`,
};

const P1 = 2147483647; // 2^31 - 1
const P2 = 2147483563; // L'Ecuyer's second modulus
/** One multiplier per salt: different salts of the same key are not linearly related. */
const MULTIPLIERS = {
  lines: 48271, day1: 69621, day2: 16807, second: 39373, status: 40692, payment: 40014, guest: 63036,
  cust1: 44488, cust2: 95070, city: 31541, prod1: 57719, prod2: 22433, qty: 73387, price: 51749,
  category: 83437, cartStatus: 61211, cartTotal: 27893, cartItems: 35317,
} as const;
type Salt = keyof typeof MULTIPLIERS;

/** Deterministic hash in [0, P2) of a non-negative integer key; identical in both engines. */
export function hashSql(key: string, salt: Salt): string {
  return `(((((${key}) % ${P1}) * ${MULTIPLIERS[salt]}) % ${P1}) * 40014 + ${Object.keys(MULTIPLIERS).indexOf(salt) * 977 + 1}) % ${P2}`;
}

/** The same hash in TypeScript (tests check the engines agree with it). */
export function hash(key: bigint, salt: Salt): bigint {
  const index = BigInt(Object.keys(MULTIPLIERS).indexOf(salt) * 977 + 1);
  return (((((key % BigInt(P1)) * BigInt(MULTIPLIERS[salt])) % BigInt(P1)) * 40014n) + index) % BigInt(P2);
}

function weighted(entries: ReadonlyArray<readonly [string, number]>): string[] {
  return entries.flatMap(([value, weight]) => Array.from({ length: weight }, () => value));
}
/** Latest status of an order, per 100 orders: 8 canceled, 6 refunded/restored, 12 still open. */
export const STATUSES = weighted([
  ['completed', 46], ['delivered', 28], ['shipped', 4], ['delivering', 3], ['in_progress', 3], ['under_review', 1],
  ['payment_pending', 1], ['canceled', 8], ['refunded', 4], ['restored', 2],
]);
export const PAYMENT_METHODS = weighted([['mada', 38], ['apple_pay', 22], ['credit_card', 12], ['tabby', 10], ['tamara', 8], ['cod', 10]]);
export const CITIES = weighted([
  ['الرياض', 30], ['جدة', 19], ['مكة المكرمة', 7], ['المدينة المنورة', 6], ['الدمام', 7], ['الخبر', 4], ['الأحساء', 3],
  ['الطائف', 4], ['أبها', 3], ['خميس مشيط', 2], ['تبوك', 3], ['بريدة', 3], ['حائل', 2], ['جازان', 2], ['نجران', 1],
  ['ينبع', 2], ['الجبيل', 1], ['القطيف', 1],
]);
export const CATEGORIES = ['عطور', 'ملابس نسائية', 'ملابس رجالية', 'عبايات', 'إلكترونيات', 'إكسسوارات', 'تجميل', 'منزل ومطبخ', 'ألعاب', 'قهوة وتمور', 'رياضة', 'كتب'];

/** Keys: merchant m, order k (< 2^22), line i (< 4). */
const orderKey = (m: string, k: string) => `((${m}) * 4194304 + (${k}))`;
const lineKey = (m: string, k: string, i: string) => `(${orderKey(m, k)} * 4 + (${i}))`;
const entityKey = (m: string, id: string) => `((${m}) * 4194304 + (${id}))`;

/** Column expressions over `m` (merchant row with merchant_id, customers, products) and order number `k`. */
export function orderColumns(d: Dialect, m = 'm', k = 'k') {
  const id = `${m}.merchant_id`;
  const key = orderKey(id, k);
  const day = `(CASE WHEN ${hashSql(key, 'day1')} % ${DATASET_DAYS} > ${hashSql(key, 'day2')} % ${DATASET_DAYS} THEN ${hashSql(key, 'day1')} % ${DATASET_DAYS} ELSE ${hashSql(key, 'day2')} % ${DATASET_DAYS} END)`;
  const customer = `(CASE WHEN ${hashSql(key, 'guest')} % 100 < 8 THEN 0 ELSE 1 + (CASE WHEN ${hashSql(key, 'cust1')} % ${m}.customers < ${hashSql(key, 'cust2')} % ${m}.customers THEN ${hashSql(key, 'cust1')} % ${m}.customers ELSE ${hashSql(key, 'cust2')} % ${m}.customers END) END)`;
  const lines = `(1 + ${hashSql(key, 'lines')} % 3)`;
  const line = (i: number) => lineColumns(d, m, k, String(i)).total;
  return {
    orderId: `(100000000 + ${k})`,
    createdAt: d.timestamp(`${START_EPOCH} + ${day} * 86400 + ${hashSql(key, 'second')} % 86400`),
    status: d.pick(STATUSES, `${hashSql(key, 'status')} % 100`),
    paymentMethod: d.pick(PAYMENT_METHODS, `${hashSql(key, 'payment')} % 100`),
    customerId: customer,
    /** The customer's city (a guest's from the order). */
    city: d.pick(CITIES, `${hashSql(entityKey(id, `CASE WHEN ${customer} = 0 THEN 4000000 + ${k} ELSE ${customer} END`), 'city')} % 100`),
    lines,
    total: `(${line(0)} + CASE WHEN ${lines} > 1 THEN ${line(1)} ELSE 0 END + CASE WHEN ${lines} > 2 THEN ${line(2)} ELSE 0 END)`,
  };
}

export function productPriceSql(merchantId: string, productId: string): string {
  return `(500 + (${hashSql(entityKey(merchantId, productId), 'price')} % 400) * 100)`;
}

/** Line i of order k: a product skewed towards the store's best sellers (low ids), 1–3 pieces. */
export function lineColumns(d: Dialect, m: string, k: string, i: string) {
  const id = `${m}.merchant_id`;
  const key = lineKey(id, k, i);
  const productId = `(1 + (CASE WHEN ${hashSql(key, 'prod1')} % ${m}.products < ${hashSql(key, 'prod2')} % ${m}.products THEN ${hashSql(key, 'prod1')} % ${m}.products ELSE ${hashSql(key, 'prod2')} % ${m}.products END))`;
  const quantity = `(1 + ${d.div(`${hashSql(key, 'qty')} % 10`, '4')})`;
  return { productId, quantity, total: `(${productPriceSql(id, productId)} * ${quantity})` };
}

export function productColumns(d: Dialect, m: string, p: string) {
  const id = `${m}.merchant_id`;
  return {
    name: `'منتج ' || ${d.text(p)}`,
    sku: `'SKU-' || ${d.text(p)}`,
    category: d.pick(CATEGORIES, `${hashSql(entityKey(id, p), 'category')} % ${CATEGORIES.length}`),
    price: productPriceSql(id, p),
  };
}

/** Cart c of merchant m: created over the same two years; 10% marked recovered by a campaign. */
export function cartColumns(d: Dialect, m: string, c: string) {
  const id = `${m}.merchant_id`;
  const key = orderKey(id, `2097152 + ${c}`);
  const day = `(CASE WHEN ${hashSql(key, 'day1')} % ${DATASET_DAYS} > ${hashSql(key, 'day2')} % ${DATASET_DAYS} THEN ${hashSql(key, 'day1')} % ${DATASET_DAYS} ELSE ${hashSql(key, 'day2')} % ${DATASET_DAYS} END)`;
  return {
    cartId: `(500000000 + ${c})`,
    customerId: `(CASE WHEN ${hashSql(key, 'guest')} % 100 < 15 THEN 0 ELSE 1 + ${hashSql(key, 'cust1')} % ${m}.customers END)`,
    total: `(1000 + (${hashSql(key, 'cartTotal')} % 300) * 100)`,
    itemsCount: `(1 + ${hashSql(key, 'cartItems')} % 4)`,
    status: `(CASE WHEN ${hashSql(key, 'cartStatus')} % 100 < 10 THEN 'recovered' ELSE 'abandoned' END)`,
    createdAt: d.timestamp(`${START_EPOCH} + ${day} * 86400 + ${hashSql(key, 'second')} % 86400`),
  };
}

/** `VALUES` rows of the merchant plan, for both engines. */
export function merchantValues(plan: ScalePlan): string {
  return plan.merchants.map((m) => `(${m.merchantId}, ${m.orders}, ${m.customers}, ${m.products}, ${m.carts})`).join(',\n');
}
