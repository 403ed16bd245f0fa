/**
 * The offline planner's vocabulary, folded (normalizeText) and after foldForPlanning (attached
 * "بال/وال/لل" become "ال", "هال" becomes "هذا ال"). A trailing '*' matches a word prefix.
 * Gulf colloquial forms sit next to Modern Standard Arabic and English.
 */
export const OTHER_MERCHANT = [
  'merchant', 'merchants', 'another store', 'other store', 'other stores', 'other merchant', 'competitor*', 'all stores', 'every store',
  'تاجر', 'التاجر', 'تجار', 'التجار', 'متجر اخر', 'متجر ثاني', 'متاجر ثانيه', 'المتاجر الثانيه', 'كل المتاجر', 'متاجر اخري', 'منافس*', 'المنافس*',
];
export const UNSUPPORTED = [
  'sql', 'select', 'drop table', 'delete', 'insert into', 'update table', 'schema', 'database', 'password*', 'token*', 'api key',
  'phone number*', 'email*', 'address*', 'احذف', 'امسح', 'قاعده البيانات', 'كلمه المرور', 'رقم جوال', 'ارقام جوال*', 'ارقام الجوال*', 'جوالات', 'ايميل*', 'عناوين',
];
export const WHY = [
  'ليش', 'ليه', 'لماذا', 'لمذا', 'وش السبب', 'ايش السبب', 'شو السبب', 'ما السبب', 'سبب', 'اسباب', 'وش صار', 'ايش صار', 'فسر', 'فسر لي',
  'why', 'what caused', 'explain', 'reason', 'reasons', 'what happened',
];
export const LIFETIME_VALUE = [
  'ltv', 'clv', 'lifetime value', 'life time value', 'customer lifetime', 'customer value', 'repeat rate', 'القيمه الدائمه', 'قيمه العميل', 'القيمه الدائمه العميل', 'نسبه التكرار', 'معدل التكرار',
];
export const SEGMENTS = ['rfm', 'segment*', 'شرائح', 'شريحه', 'الشرائح', 'تقسيم العملاء', 'تصنيف العملاء', 'فئات العملاء'];
export const SEGMENT_NAMES = ['champions', 'at risk', 'hibernating', 'loyal', 'lost', 'الابطال', 'الاوفياء', 'المعرضين للخساره', 'معرضين للخساره', 'خاملين', 'الخاملين', 'مفقودين', 'المفقودين'];
export const CUSTOMER = ['عميل', 'العميل', 'عملاء', 'العملاء', 'زبون', 'الزبون', 'زباين', 'الزباين', 'زبائن', 'الزبائن', 'customer*', 'buyer*', 'shopper*', 'clients'];
export const NEW_CUSTOMERS = ['جدد', 'الجدد', 'جديد', 'الجديد', 'جديده', 'new customer*', 'new buyers', 'first time', 'first-time', 'new vs', 'new and returning', 'new versus'];
export const RETURNING = ['عائد', 'عائدين', 'عائدون', 'العائد', 'العائدين', 'العائدون', 'رجع', 'رجعوا', 'مره ثانيه', 'again', 'repeat', 'returned customers', 'يرجعون', 'رجعو', 'المتكرر*', 'متكرر*', 'returning', 'repeat customer*', 'came back', 'come back'];
export const CART = ['سله*', 'سلات*', 'السله*', 'السلات*', 'السلال', 'سلال', 'cart*', 'abandoned', 'abandonment'];
export const AT_RISK = ['معرض*', 'المعرض*', 'at risk', 'ضايع*', 'الضايع*', 'ضائع*', 'خساره', 'lost value', 'not recovered', 'ما رجعت'];
export const RECOVERED = ['استعاد*', 'مستعاد*', 'المستعاد*', 'استرجعنا', 'رجعت', 'استرجاع السلات', 'recover*'];
export const RATE = ['نسبه', 'معدل', 'rate', 'percent*', 'percentage'];
export const VALUE = ['قيمه', 'value', 'worth', 'كم تسوي', 'كم قيمتها', 'مبلغ', 'فلوس'];
export const AOV = ['متوسط*', 'معدل قيمه', 'average order', 'avg order', 'aov', 'basket size', 'average basket', 'average ticket'];
export const CANCELED = ['ملغي*', 'ملغا*', 'الملغي*', 'الملغا*', 'الغاء', 'الغى', 'انلغى', 'كنسل*', 'cancel*'];
export const REFUNDED = ['مسترجع*', 'المسترجع*', 'مرتجع*', 'المرتجع*', 'استرجاع', 'استرداد', 'مسترد*', 'المسترد*', 'refund*', 'returned orders', 'returns'];
/** Words that make a question about orders even next to a sales word. */
export const ORDERS = ['طلبات', 'الطلبات', 'اوردر*', 'الاوردر*', 'orders', 'طلبيات', 'كم طلب', 'تطلب', 'يطلبون', 'طلبوا', 'number of orders', 'how many orders'];
/** Orders in passing ("حالة الطلب"): about orders only when no sales word is there. */
export const ORDER_WEAK = ['طلب', 'الطلب', 'طلبيه', 'order'];
export const GROSS = ['اجمالي*', 'الاجمالي*', 'gross', 'total sales', 'total revenue'];
export const SALES = [
  'مبيعات', 'المبيعات', 'مبيع*', 'بعنا', 'بعت', 'نبيع', 'بيع', 'البيع', 'انباع', 'دخل', 'الدخل', 'دخلنا', 'ايراد*', 'الايراد*', 'صافي', 'الصافي', 'كسبنا', 'حققنا', 'جبنا', 'فلوس',
  'revenue', 'sales', 'sold', 'sell', 'selling', 'income', 'turnover', 'net', 'made', 'earn*',
];
export const PRODUCT = ['منتج*', 'المنتج*', 'سلعه', 'السلع', 'سلع', 'اصناف', 'صنف', 'product*', 'item', 'items', 'sku*', 'best seller*', 'bestseller*', 'best-selling', 'best selling', 'slow seller*', 'slow-moving'];
export const QUANTITY = ['كميه', 'الكميه', 'كميات', 'قطع', 'قطعه', 'حبه', 'حبات', 'وحدات', 'وحده', 'عدد القطع', 'units', 'unit', 'quantity', 'pieces', 'volume'];
export const RANK_TOP = ['اكثر', 'افضل', 'اعلى', 'اقوى', 'الاكثر', 'الافضل', 'الاعلى', 'top', 'best', 'most', 'highest', 'leading', 'biggest'];
export const RANK_BOTTOM = ['اقل', 'الاقل', 'اسوا', 'الاسوا', 'اضعف', 'الاضعف', 'ابطا', 'راكد*', 'الراكد*', 'ما تبيع', 'ما انباع', 'ماينباع', 'ما تنباع', 'ماتنباع', 'ما ينباع', 'ما تمشي', 'not moving', 'dont sell', 'no sales', 'dead stock', 'worst', 'least', 'lowest', 'slowest', 'bottom', 'weakest', 'slow seller*', 'slow-moving', 'not selling'];
export const BREAKDOWN = ['حسب', 'بحسب', 'توزيع', 'تقسيم', 'لكل', 'by', 'per', 'breakdown', 'split', 'across', 'each', 'which', 'اي', 'وين', 'وش', 'ايش'];
export const CITY_WORDS = ['مدينه', 'المدينه', 'مدن', 'المدن', 'منطقه', 'المنطقه', 'مناطق', 'المناطق', 'city', 'cities', 'region*', 'where'];
export const PAYMENT_WORDS = ['دفع', 'الدفع', 'payment*', 'pay', 'طرق الدفع', 'طريقه الدفع', 'وسيله الدفع', 'وسائل الدفع', 'يدفعون'];
export const STATUS_WORDS = ['حاله', 'الحاله', 'حالات', 'الحالات', 'status*', 'statuses'];
export const CATEGORY_DIMENSION = ['فئه', 'الفئه', 'فئات', 'الفئات', 'تصنيف*', 'التصنيف*', 'اقسام', 'الاقسام', 'قسم', 'القسم', 'categor*', 'department*'];
export const DAILY = ['يومي*', 'اليومي*', 'كل يوم', 'باليوم', 'daily', 'per day', 'by day', 'day by day', 'each day'];
export const WEEKLY = ['اسبوعي*', 'الاسبوعي*', 'كل اسبوع', 'weekly', 'per week', 'by week', 'week by week', 'each week'];
export const MONTHLY = ['شهري*', 'الشهري*', 'كل شهر', 'monthly', 'per month', 'by month', 'month by month', 'each month'];
export const TREND = ['ترند', 'اتجاه', 'تطور', 'منحني', 'رسم بياني', 'على مدار', 'trend*', 'over time', 'chart', 'graph', 'evolution', 'timeline'];
export const HOW_MUCH = ['كم', 'how much', 'how many', 'قديش', 'اديش'];
/** A time bucket named with a ranking word ("best day", "أفضل يوم") asks for the trend. */
export const BUCKET_DAY = ['يوم', 'day', 'weekday'];
export const BUCKET_WEEK = ['اسبوع', 'week'];
