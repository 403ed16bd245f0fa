import { orderStatusCategory, type SyntheticStore, toLocalDate, toMinorUnits } from '@salla-analytics/core-library';

/** What the overview must say for a generated store's orders placed on or after `fromDate` (local). */
export function expectedOverview(store: SyntheticStore, fromDate = '0000-01-01') {
  const inRange = store.orders.filter((order) => toLocalDate(order.date as Date, store.timeZone) >= fromDate);
  const total = (list: typeof inRange) => list.reduce((sum, order) => sum + toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR'), 0);
  const category = (order: (typeof inRange)[number]) => orderStatusCategory(order.status?.slug ?? '');
  const kept = inRange.filter((order) => !['canceled', 'refunded'].includes(category(order)));
  return {
    orders: inRange.length,
    grossSales: total(inRange),
    netSales: total(kept),
    canceledOrders: inRange.filter((order) => category(order) === 'canceled').length,
    refundedOrders: inRange.filter((order) => category(order) === 'refunded').length,
    aov: Math.round(total(kept) / kept.length),
    uniqueCustomers: new Set(inRange.map((order) => order.customer?.id)).size,
  };
}

/** The same figures read from an overview answer (`metrics.<name>.value`). */
export function overviewFigures(metrics: Record<keyof ReturnType<typeof expectedOverview>, { value: number }>) {
  return {
    orders: metrics.orders.value,
    grossSales: metrics.grossSales.value,
    netSales: metrics.netSales.value,
    canceledOrders: metrics.canceledOrders.value,
    refundedOrders: metrics.refundedOrders.value,
    aov: metrics.aov.value,
    uniqueCustomers: metrics.uniqueCustomers.value,
  };
}

/** Rows each analytics table must hold for the store (read with FINAL). */
export function expectedEntityCounts(store: SyntheticStore) {
  return {
    orders: store.orders.length,
    order_items: store.orders.reduce((sum, order) => sum + (order.items?.length ?? 0), 0),
    order_status_history: store.statusHistory.length,
    customers: store.customers.length,
    products: store.products.length,
    abandoned_carts: store.carts.length,
  };
}

/** Personal data of the store's customers that must never reach a log. */
export function customerPii(store: SyntheticStore): string[] {
  return store.customers.flatMap((customer) =>
    [customer.email, customer.mobile ? String(customer.mobile) : undefined, `${customer.first_name} ${customer.last_name}`].filter(
      (value): value is string => typeof value === 'string' && value.length > 4,
    ),
  );
}
