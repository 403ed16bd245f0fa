/**
 * What a typical Saudi Salla store sells, by category. Prices are in halalas (ex-VAT) ranges;
 * `weight` is the category's share of the catalogue.
 */
export interface CategorySpec {
  id: number;
  name: string;
  skuPrefix: string;
  weight: number;
  priceMinor: readonly [number, number];
  /** Cost as a fraction of price. */
  margin: readonly [number, number];
  products: readonly string[];
  variants: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 80318,
    name: 'عبايات',
    skuPrefix: 'ABY',
    weight: 22,
    priceMinor: [15_000, 90_000],
    margin: [0.35, 0.55],
    products: [
      'عباية كريب',
      'عباية مطرزة',
      'عباية كتان',
      'عباية بشت',
      'عباية رسمية',
      'عباية يومية',
      'طرحة شيفون',
      'نقاب',
    ],
    variants: ['سوداء', 'كحلية', 'رمادية', 'بيج', 'مقاس S', 'مقاس M', 'مقاس L'],
  },
  {
    id: 80322,
    name: 'عطور وعود',
    skuPrefix: 'PRF',
    weight: 22,
    priceMinor: [4_500, 120_000],
    margin: [0.3, 0.5],
    products: [
      'دهن عود كمبودي',
      'عطر مسك الطهارة',
      'بخور معمول',
      'عطر ورد طائفي',
      'دهن عود هندي',
      'عطر عنبر',
      'مبخرة كهربائية',
      'معطر مفارش',
    ],
    variants: ['٣ مل', '٦ مل', '١٢ مل', '٥٠ مل', '١٠٠ مل', 'فاخر'],
  },
  {
    id: 80325,
    name: 'تمور',
    skuPrefix: 'DTS',
    weight: 16,
    priceMinor: [3_500, 25_000],
    margin: [0.45, 0.65],
    products: [
      'تمر سكري فاخر',
      'تمر عجوة المدينة',
      'تمر خلاص الأحساء',
      'تمر مجدول',
      'تمر صقعي',
      'معمول بالتمر',
      'تمر محشي باللوز',
    ],
    variants: ['١ كيلو', '٣ كيلو', '٥ كيلو', 'علبة هدية'],
  },
  {
    id: 80327,
    name: 'قهوة',
    skuPrefix: 'COF',
    weight: 16,
    priceMinor: [2_500, 35_000],
    margin: [0.4, 0.6],
    products: [
      'قهوة سعودية بالهيل',
      'بن خولاني',
      'قهوة مختصة إثيوبية',
      'دلة قهوة',
      'فناجين قهوة',
      'هيل حب',
      'ترمس قهوة',
    ],
    variants: ['٢٥٠ جرام', '٥٠٠ جرام', '١ كيلو', 'شقراء', 'متوسطة التحميص'],
  },
  {
    id: 80331,
    name: 'إكسسوارات إلكترونية',
    skuPrefix: 'ELC',
    weight: 14,
    priceMinor: [2_900, 49_900],
    margin: [0.25, 0.45],
    products: [
      'شاحن سريع ٢٠ واط',
      'سماعات لاسلكية',
      'كفر جوال',
      'باور بانك ١٠٠٠٠',
      'كيبل شحن',
      'حامل جوال للسيارة',
      'ساعة ذكية',
    ],
    variants: ['أسود', 'أبيض', 'أزرق', 'آيفون', 'سامسونج'],
  },
  {
    id: 80334,
    name: 'شماغ وثياب',
    skuPrefix: 'THB',
    weight: 10,
    priceMinor: [8_000, 45_000],
    margin: [0.35, 0.55],
    products: ['شماغ أحمر', 'غترة بيضاء', 'ثوب رجالي', 'بشت', 'طاقية', 'ثوب أطفال'],
    variants: ['مقاس ٥٤', 'مقاس ٥٦', 'مقاس ٥٨', 'شتوي', 'صيفي'],
  },
];

/** Coupons seen in Saudi stores; percentages apply to the items' subtotal. */
export const COUPONS: Record<
  'everyday' | 'ramadan' | 'eid' | 'whiteFriday' | 'nationalDay',
  ReadonlyArray<readonly [string, number]>
> = {
  everyday: [
    ['WELCOME15', 15],
    ['SAVE10', 10],
    ['VIP20', 20],
  ],
  ramadan: [
    ['RAMADAN10', 10],
    ['RAMADAN15', 15],
  ],
  eid: [['EID20', 20]],
  whiteFriday: [
    ['WHITEFRIDAY25', 25],
    ['WF30', 30],
  ],
  nationalDay: [['SA94', 20]],
};
