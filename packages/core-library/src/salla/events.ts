/** Webhook events Salla documents. Events not listed are still accepted (kind 'unknown'). */
export const SALLA_EVENTS = [
  'order.created',
  'order.updated',
  'order.status.updated',
  'order.cancelled',
  'order.refunded',
  'order.deleted',
  'order.products.updated',
  'order.payment.updated',
  'order.coupon.updated',
  'order.total.price.updated',
  'order.shipping.address.updated',
  'order.shipment.creating',
  'order.shipment.created',
  'order.shipment.cancelled',
  'order.shipment.return.creating',
  'order.shipment.return.created',
  'order.shipment.return.cancelled',
  'product.created',
  'product.updated',
  'product.deleted',
  'product.available',
  'product.quantity.low',
  'customer.created',
  'customer.updated',
  'customer.login',
  'customer.otp.request',
  'abandoned.cart',
  'coupon.applied',
  'review.added',
  'app.installed',
  'app.updated',
  'app.uninstalled',
  'app.store.authorize',
  'app.trial.started',
  'app.trial.expired',
  'app.trial.canceled',
  'app.subscription.started',
  'app.subscription.expired',
  'app.subscription.renewed',
  'app.subscription.canceled',
  'app.settings.updated',
] as const;

export type SallaEventName = (typeof SALLA_EVENTS)[number];

export const SALLA_ORDER_EVENTS = [
  'order.created',
  'order.updated',
  'order.cancelled',
  'order.refunded',
  'order.deleted',
  'order.products.updated',
  'order.payment.updated',
  'order.coupon.updated',
  'order.total.price.updated',
  'order.shipping.address.updated',
] as const satisfies readonly SallaEventName[];

export const SALLA_PRODUCT_EVENTS = [
  'product.created',
  'product.updated',
  'product.deleted',
  'product.available',
  'product.quantity.low',
] as const satisfies readonly SallaEventName[];

export const SALLA_CUSTOMER_EVENTS = [
  'customer.created',
  'customer.updated',
  'customer.login',
] as const satisfies readonly SallaEventName[];

export const SALLA_APP_LIFECYCLE_EVENTS = [
  'app.installed',
  'app.updated',
  'app.uninstalled',
  'app.trial.started',
  'app.trial.expired',
  'app.trial.canceled',
  'app.subscription.started',
  'app.subscription.expired',
  'app.subscription.renewed',
  'app.subscription.canceled',
  'app.settings.updated',
] as const satisfies readonly SallaEventName[];

export type SallaOrderEvent = (typeof SALLA_ORDER_EVENTS)[number];
export type SallaProductEvent = (typeof SALLA_PRODUCT_EVENTS)[number];
export type SallaCustomerEvent = (typeof SALLA_CUSTOMER_EVENTS)[number];
export type SallaAppLifecycleEvent = (typeof SALLA_APP_LIFECYCLE_EVENTS)[number];

export function isSallaEventName(event: string): event is SallaEventName {
  return (SALLA_EVENTS as readonly string[]).includes(event);
}

export function includesEvent<T extends string>(list: readonly T[], event: string): event is T {
  return (list as readonly string[]).includes(event);
}
