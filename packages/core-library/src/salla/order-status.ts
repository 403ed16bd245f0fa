/**
 * Salla's built-in order status slugs with their default Arabic names. Merchants can rename
 * statuses (`customized`), so match on the slug. 'refunded' is kept alongside Salla's own
 * 'restored' because both appear in the wild.
 */
export const SALLA_ORDER_STATUSES = {
  payment_pending: { id: 1298199401, name: 'بانتظار الدفع', category: 'open' },
  under_review: { id: 566146469, name: 'بإنتظار المراجعة', category: 'open' },
  in_progress: { id: 1939592358, name: 'قيد التنفيذ', category: 'open' },
  shipped: { id: 1473353381, name: 'تم الشحن', category: 'open' },
  delivering: { id: 349994915, name: 'جاري التوصيل', category: 'open' },
  delivered: { id: 1723506348, name: 'تم التوصيل', category: 'fulfilled' },
  completed: { id: 1473353380, name: 'تم التنفيذ', category: 'fulfilled' },
  canceled: { id: 525144736, name: 'ملغي', category: 'canceled' },
  restoring: { id: 1956875584, name: 'قيد الاسترجاع', category: 'refunded' },
  restored: { id: 814202285, name: 'مسترجع', category: 'refunded' },
  refunded: { id: 814202286, name: 'مسترجع', category: 'refunded' },
} as const;

export type SallaOrderStatusSlug = keyof typeof SALLA_ORDER_STATUSES;

/** What a status means for revenue: open (not final), fulfilled, canceled or refunded. */
export type OrderStatusCategory = 'open' | 'fulfilled' | 'canceled' | 'refunded';

/**
 * Category for any slug; unknown (merchant-defined) slugs count as 'open'. 'cancelled' (double l)
 * is accepted because Salla's event names use that spelling.
 */
export function orderStatusCategory(slug: string): OrderStatusCategory {
  if (slug === 'cancelled') return 'canceled';
  const known = (SALLA_ORDER_STATUSES as Record<string, { category: OrderStatusCategory } | undefined>)[slug];
  return known?.category ?? 'open';
}
