import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { appErrorFromZod } from '../errors/from-zod-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { type SallaAbandonedCart, sallaAbandonedCartSchema } from './abandoned-cart.js';
import { normalizeSallaAuthorize, type SallaAuthorize, sallaAuthorizeDataSchema } from './app-authorize.js';
import { type SallaAppLifecycle, sallaAppLifecycleSchema } from './app-lifecycle.js';
import { type SallaCustomer, sallaCustomerSchema } from './customer.js';
import { type SallaWebhookEnvelope, sallaWebhookEnvelopeSchema } from './envelope.js';
import {
  includesEvent,
  SALLA_APP_LIFECYCLE_EVENTS,
  SALLA_CUSTOMER_EVENTS,
  SALLA_ORDER_EVENTS,
  SALLA_PRODUCT_EVENTS,
  type SallaAppLifecycleEvent,
  type SallaCustomerEvent,
  type SallaOrderEvent,
  type SallaProductEvent,
} from './events.js';
import {
  type SallaOrder,
  type SallaOrderStatus,
  type SallaOrderStatusUpdate,
  sallaOrderSchema,
  sallaOrderStatusUpdateSchema,
} from './order.js';
import { type SallaProduct, sallaProductSchema } from './product.js';

interface Delivery {
  merchantId: number;
  createdAt: Date;
}

export type SallaWebhook =
  | (Delivery & { kind: 'order'; event: SallaOrderEvent; order: SallaOrder })
  | (Delivery & {
      kind: 'order_status';
      event: 'order.status.updated';
      orderId: number;
      status: SallaOrderStatus;
      statusUpdate: SallaOrderStatusUpdate;
    })
  | (Delivery & { kind: 'product'; event: SallaProductEvent; product: SallaProduct })
  | (Delivery & { kind: 'customer'; event: SallaCustomerEvent; customer: SallaCustomer })
  | (Delivery & { kind: 'abandoned_cart'; event: 'abandoned.cart'; cart: SallaAbandonedCart })
  | (Delivery & { kind: 'app_authorize'; event: 'app.store.authorize'; authorize: SallaAuthorize })
  | (Delivery & { kind: 'app_lifecycle'; event: SallaAppLifecycleEvent; app: SallaAppLifecycle })
  | (Delivery & { kind: 'unknown'; event: string; data: Record<string, unknown> });

export type SallaWebhookKind = SallaWebhook['kind'];

// Fields whose absence makes these events useless; other events may legitimately be partial.
const REQUIRED_FOR: Partial<Record<string, readonly string[]>> = {
  'order.created': ['amounts', 'status'],
  'order.updated': ['amounts', 'status'],
  'product.created': ['name'],
  'product.updated': ['name'],
};

/**
 * Only the envelope (event, merchant, created_at, data as an object), not the event's payload: what
 * an intake needs to file a delivery, at a fraction of the cost of parseSallaWebhook.
 */
export function parseSallaWebhookEnvelope(raw: unknown): Result<SallaWebhookEnvelope> {
  const envelope = sallaWebhookEnvelopeSchema.safeParse(raw);
  return envelope.success ? ok(envelope.data) : err(appErrorFromZod(envelope.error, 'Invalid Salla webhook envelope'));
}

/**
 * Validates a webhook body (already JSON-parsed) and classifies it.
 *
 * - Envelope invalid -> err(VALIDATION_FAILED), issue paths in `error.context.issues`.
 * - Known event whose data fails its schema -> err(VALIDATION_FAILED), paths prefixed 'data.'.
 * - Event without a typed schema (unknown, or e.g. order.shipment.*) -> ok({ kind: 'unknown' }),
 *   data kept as sent: Salla adds events, and they must be stored, not rejected.
 *
 * Parsed payloads keep unknown keys; known fields are normalised (numbers, Dates).
 */
export function parseSallaWebhook(raw: unknown): Result<SallaWebhook> {
  const envelope = parseSallaWebhookEnvelope(raw);
  if (!envelope.ok) return envelope;

  const { event, data } = envelope.value;
  const base: Delivery = { merchantId: envelope.value.merchant, createdAt: envelope.value.created_at };
  const context = { event, merchantId: base.merchantId };

  const parseData = <S extends z.ZodType>(schema: S): Result<z.output<S>> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      return err(appErrorFromZod(parsed.error, `Invalid ${event} payload`, { pathPrefix: 'data', context }));
    }
    const missing = (REQUIRED_FOR[event] ?? []).filter(
      (key) => data[key] === undefined || data[key] === null,
    );
    if (missing.length > 0) {
      const issues = missing.map((key) => ({ path: `data.${key}`, code: 'required', message: 'required' }));
      return err(
        new AppError('VALIDATION_FAILED', `Invalid ${event} payload: missing ${missing.join(', ')}`, {
          context: { ...context, issues },
        }),
      );
    }
    return ok(parsed.data);
  };

  if (includesEvent(SALLA_ORDER_EVENTS, event)) {
    const order = parseData(sallaOrderSchema);
    return order.ok ? ok({ ...base, kind: 'order', event, order: order.value }) : order;
  }
  if (event === 'order.status.updated') {
    const update = parseData(sallaOrderStatusUpdateSchema);
    if (!update.ok) return update;
    const statusUpdate = update.value;
    // The refine in the schema guarantees one of these is present.
    const orderId = statusUpdate.order_id ?? statusUpdate.order?.id ?? statusUpdate.id ?? 0;
    return ok({ ...base, kind: 'order_status', event, orderId, status: statusUpdate.status, statusUpdate });
  }
  if (includesEvent(SALLA_PRODUCT_EVENTS, event)) {
    const product = parseData(sallaProductSchema);
    return product.ok ? ok({ ...base, kind: 'product', event, product: product.value }) : product;
  }
  if (includesEvent(SALLA_CUSTOMER_EVENTS, event)) {
    const customer = parseData(sallaCustomerSchema);
    return customer.ok ? ok({ ...base, kind: 'customer', event, customer: customer.value }) : customer;
  }
  if (event === 'abandoned.cart') {
    const cart = parseData(sallaAbandonedCartSchema);
    return cart.ok ? ok({ ...base, kind: 'abandoned_cart', event, cart: cart.value }) : cart;
  }
  if (event === 'app.store.authorize') {
    const authorizeData = parseData(sallaAuthorizeDataSchema);
    if (!authorizeData.ok) return authorizeData;
    const authorize = normalizeSallaAuthorize(authorizeData.value, base.createdAt);
    if (typeof authorize === 'string') {
      return err(
        new AppError('VALIDATION_FAILED', `Invalid app.store.authorize payload: ${authorize}`, {
          context: { ...context, issues: [{ path: 'data', code: 'custom', message: authorize }] },
        }),
      );
    }
    return ok({ ...base, kind: 'app_authorize', event, authorize });
  }
  if (includesEvent(SALLA_APP_LIFECYCLE_EVENTS, event)) {
    const app = parseData(sallaAppLifecycleSchema);
    return app.ok ? ok({ ...base, kind: 'app_lifecycle', event, app: app.value }) : app;
  }
  return ok({ ...base, kind: 'unknown', event, data });
}
