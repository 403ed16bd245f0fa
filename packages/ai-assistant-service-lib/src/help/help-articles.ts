/**
 * Help articles the assistant retrieves alongside metric definitions, written for merchants in
 * Arabic and English. They explain; they never instruct the assistant.
 */
export interface HelpArticle {
  id: string;
  title: { ar: string; en: string };
  body: { ar: string; en: string };
}

export const HELP_ARTICLES: readonly HelpArticle[] = [
  {
    id: 'help:net-vs-gross',
    title: { ar: 'الفرق بين إجمالي المبيعات وصافي المبيعات', en: 'Gross sales vs net sales' },
    body: {
      ar: 'إجمالي المبيعات هو مجموع مبالغ كل الطلبات في الفترة شاملًا الشحن والضريبة وبعد الخصومات. صافي المبيعات يطرح منه الطلبات الملغاة والمسترجعة، لذلك هو الرقم الأقرب لما دخل متجرك فعلًا. متوسط قيمة الطلب يُحسب من صافي المبيعات مقسومًا على الطلبات غير الملغاة وغير المسترجعة. إذا ألغيت طلبًا أو استرجعته لاحقًا، يتغير صافي المبيعات للفترة التي وُضع فيها الطلب.',
      en: 'Gross sales is the sum of every order total in the period, including shipping and tax, after discounts. Net sales subtracts canceled and refunded orders, so it is the closest figure to what your store actually earned. Average order value is net sales divided by the orders that were neither canceled nor refunded. When you cancel or refund an order later, net sales change for the period in which the order was placed.',
    },
  },
  {
    id: 'help:periods-time-zone',
    title: { ar: 'كيف تُحسب الأيام والأسابيع والأشهر', en: 'How days, weeks and months are counted' },
    body: {
      ar: 'كل الفترات تُحسب بتوقيت متجرك (الافتراضي الرياض). "هذا الشهر" و"هذا الأسبوع" تعني من أول الشهر أو الأسبوع حتى اليوم، و"الشهر الماضي" و"الأسبوع الماضي" تعني الوحدة الكاملة السابقة. بداية الأسبوع (السبت أو الأحد أو الاثنين) تغيّرها من الإعدادات. عند المقارنة مع "الفترة السابقة" نقارن بنفس عدد الأيام قبلها، ومع "العام الماضي" بنفس التواريخ قبل سنة.',
      en: 'Every period is counted in your store’s time zone (Riyadh by default). "This month" and "this week" run from the first day to today; "last month" and "last week" are the previous complete unit. Choose the first day of the week (Saturday, Sunday or Monday) in Settings. Comparing with the "previous period" uses the same number of days just before; "last year" uses the same dates a year earlier.',
    },
  },
  {
    id: 'help:abandoned-carts',
    title: { ar: 'السلات المتروكة واستعادتها', en: 'Abandoned carts and recovery' },
    body: {
      ar: 'السلة المتروكة هي سلة أضاف فيها العميل منتجات ولم يُكمل الدفع. نعتبر السلة مستعادة إذا استعادتها حملة تذكير، أو اشترى العميل نفسه خلال 7 أيام من تركها. القيمة المعرضة للخسارة هي قيمة السلات التي لم تُستعد بعد. لرفع نسبة الاستعادة: أرسل تذكيرًا خلال ساعة، وقدّم شحنًا مجانيًا أو كوبونًا صغيرًا للسلات الكبيرة، وفعّل الدفع بالتقسيط (تابي وتمارا).',
      en: 'An abandoned cart is a cart a shopper filled without checking out. A cart counts as recovered when a reminder campaign recovers it or the same shopper buys within 7 days of leaving it. Value at risk is the value of the carts not recovered yet. To recover more: send a reminder within an hour, offer free shipping or a small coupon on large carts, and enable pay-later options (Tabby, Tamara).',
    },
  },
  {
    id: 'help:rfm-segments',
    title: { ar: 'شرائح العملاء (RFM)', en: 'Customer segments (RFM)' },
    body: {
      ar: 'نصنّف كل عميل بدرجة من 1 إلى 5 على حداثة آخر شراء (R) وعدد مرات الشراء (F). "الأبطال" اشتروا مؤخرًا وكثيرًا، و"المعرضون للخسارة" كانوا يشترون كثيرًا ثم توقفوا، و"الخاملون" و"المفقودون" لم يشتروا منذ مدة طويلة. استهدف الأبطال ببرامج الولاء، والمعرضين للخسارة بعروض عودة شخصية.',
      en: 'Each customer gets a 1–5 score for how recently (R) and how often (F) they bought. "Champions" bought recently and often, "at risk" customers used to buy often and stopped, "hibernating" and "lost" have not bought for a long time. Reward champions with loyalty perks and win back at-risk customers with personal offers.',
    },
  },
  {
    id: 'help:why-numbers-differ',
    title: { ar: 'لماذا تختلف الأرقام عن لوحة سلة؟', en: 'Why numbers can differ from the Salla dashboard' },
    body: {
      ar: 'قد تختلف أرقامنا عن لوحة سلة لثلاثة أسباب: نحسب الأيام بتوقيت متجرك، ونستبعد الطلبات الملغاة والمسترجعة من صافي المبيعات، ونحدّث البيانات من إشعارات سلة خلال دقيقة تقريبًا. الطلب المحذوف لا يُحتسب. إذا استمر الفرق، راجع المنطقة الزمنية في الإعدادات.',
      en: 'Our numbers can differ from Salla’s dashboard for three reasons: days are counted in your store’s time zone, canceled and refunded orders are excluded from net sales, and data arrives from Salla’s webhooks within about a minute. Deleted orders never count. If a difference persists, check the time zone in Settings.',
    },
  },
  {
    id: 'help:sales-drop',
    title: { ar: 'ماذا أفعل إذا نزلت المبيعات؟', en: 'What to do when sales drop' },
    body: {
      ar: 'قارن الفترة بالفترة السابقة وانظر أي الفئات والمدن وطرق الدفع نزلت أكثر. نزول مدينة واحدة قد يعني مشكلة شحن، ونزول طريقة دفع قد يعني عطلًا في بوابة الدفع، ونزول فئة قد يعني نفاد مخزون منتج رئيسي. راجع أيضًا السلات المتروكة: ارتفاعها مع نزول المبيعات يشير إلى مشكلة في صفحة الدفع.',
      en: 'Compare the period with the previous one and see which categories, cities and payment methods fell most. One city falling can mean a shipping problem, one payment method a gateway outage, one category a key product out of stock. Check abandoned carts too: more of them while sales fall points at a checkout problem.',
    },
  },
  {
    id: 'help:assistant',
    title: { ar: 'ماذا يستطيع المساعد أن يجيب؟', en: 'What the assistant can answer' },
    body: {
      ar: 'المساعد يجيب بأرقام متجرك فقط: المبيعات والطلبات ومتوسط قيمة الطلب، المنتجات الأكثر والأقل مبيعًا، المبيعات حسب المدينة وطريقة الدفع والفئة وحالة الطلب، العملاء الجدد والعائدون وشرائحهم، والسلات المتروكة، مع المقارنة بين الفترات. لا يعرض بيانات شخصية للعملاء ولا بيانات متاجر أخرى، ولا يكتب استعلامات.',
      en: 'The assistant answers with your own store’s numbers: sales, orders and average order value, best and slowest products, sales by city, payment method, category and order status, new and returning customers and their segments, and abandoned carts, with comparisons between periods. It never shows customers’ personal data or another store’s data, and it does not write queries.',
    },
  },
];
