import { z } from 'zod';
import { sallaAmountSchema } from './amount.js';
import { optionalField, sallaId, sallaNumber, sallaText } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

/**
 * `{ id, name, slug, customized }`. The name is Arabic and merchant-editable: logic must use the
 * slug. A bare string is taken as the slug (seen in older status payloads).
 */
export const sallaOrderStatusSchema = z.union([
  z.looseObject({
    id: optionalField(sallaId),
    name: optionalField(z.string()),
    slug: z.string().min(1),
    customized: optionalField(z.looseObject({ id: optionalField(sallaId), name: optionalField(z.string()) })),
  }),
  z
    .string()
    .min(1)
    .transform((slug) => ({ slug }) as { slug: string; id?: number; name?: string }),
]);

/** Tax is `{ percent, amount: { amount, currency } }`; a flat `{ amount, currency }` is accepted too. */
export const sallaTaxSchema = z.union([
  z.looseObject({ percent: optionalField(sallaNumber), amount: sallaAmountSchema }),
  sallaAmountSchema.transform((amount) => ({ amount }) as { percent?: number; amount: typeof amount }),
]);

export const sallaDiscountSchema = z.looseObject({
  title: optionalField(z.string()),
  type: optionalField(z.string()),
  code: optionalField(sallaText),
  discount: z.union([sallaNumber, z.looseObject({ amount: sallaNumber }).transform((value) => value.amount)]),
  currency: optionalField(z.string()),
});

export const sallaOrderAmountsSchema = z.looseObject({
  sub_total: optionalField(sallaAmountSchema),
  shipping_cost: optionalField(sallaAmountSchema),
  cash_on_delivery: optionalField(sallaAmountSchema),
  tax: optionalField(sallaTaxSchema),
  discounts: optionalField(z.array(sallaDiscountSchema)),
  total: sallaAmountSchema,
});

export const sallaItemAmountsSchema = z.looseObject({
  price_without_tax: optionalField(sallaAmountSchema),
  total_discount: optionalField(sallaAmountSchema),
  tax: optionalField(sallaTaxSchema),
  total: optionalField(sallaAmountSchema),
});

/**
 * A line item. Salla sends the product as `product_id` or as `product: { id }`; the parsed item
 * always has `product_id` filled from either (undefined only if both are missing).
 */
export const sallaOrderItemSchema = z
  .looseObject({
    id: sallaId,
    product_id: optionalField(sallaId),
    product: optionalField(z.looseObject({ id: optionalField(sallaId) })),
    name: optionalField(z.string()),
    sku: optionalField(sallaText),
    quantity: sallaNumber,
    currency: optionalField(z.string()),
    product_type: optionalField(z.string()),
    amounts: optionalField(sallaItemAmountsSchema),
  })
  .transform((item) => ({ ...item, product_id: item.product_id ?? item.product?.id }));

export const sallaOrderCustomerSchema = z.looseObject({
  id: optionalField(sallaId),
  first_name: optionalField(z.string()),
  last_name: optionalField(z.string()),
  full_name: optionalField(z.string()),
  email: optionalField(z.string()),
  mobile: optionalField(sallaText),
  mobile_code: optionalField(sallaText),
  city: optionalField(z.string()),
  country: optionalField(z.string()),
  currency: optionalField(z.string()),
  location: optionalField(z.string()),
});

const sallaPaymentMethod = z.union([
  z.string(),
  // Some payloads nest it: { slug: 'mada', name: 'مدى' }; keep the slug.
  z.looseObject({ slug: z.string() }).transform((method) => method.slug),
]);

/**
 * An order as sent with order.* events. Only `id` is always required: update events may be
 * partial. parseSallaWebhook additionally requires `amounts.total` and `status` for
 * order.created and order.updated.
 */
export const sallaOrderSchema = z.looseObject({
  id: sallaId,
  reference_id: optionalField(sallaId),
  date: optionalField(sallaDateSchema),
  updated_at: optionalField(sallaDateSchema),
  source: optionalField(z.string()),
  status: optionalField(sallaOrderStatusSchema),
  payment_method: optionalField(sallaPaymentMethod),
  currency: optionalField(z.string()),
  amounts: optionalField(sallaOrderAmountsSchema),
  customer: optionalField(sallaOrderCustomerSchema),
  items: optionalField(z.array(sallaOrderItemSchema)),
  coupon: optionalField(z.union([z.looseObject({ code: optionalField(sallaText) }), z.string()])),
});

/**
 * order.status.updated: Salla's payload is thin and varies. The order id may be `order_id`, `id`
 * or `order.id`; parseSallaWebhook resolves it into `orderId`.
 */
export const sallaOrderStatusUpdateSchema = z
  .looseObject({
    id: optionalField(sallaId),
    order_id: optionalField(sallaId),
    reference_id: optionalField(sallaId),
    status: sallaOrderStatusSchema,
    note: optionalField(z.string()),
    order: optionalField(z.looseObject({ id: optionalField(sallaId), reference_id: optionalField(sallaId) })),
    updated_at: optionalField(sallaDateSchema),
  })
  .refine((update) => (update.order_id ?? update.order?.id ?? update.id) !== undefined, {
    message: 'expected an order id (order_id, id or order.id)',
    path: ['order_id'],
  });

export type SallaOrderStatus = z.output<typeof sallaOrderStatusSchema>;
export type SallaOrderAmounts = z.output<typeof sallaOrderAmountsSchema>;
export type SallaOrderItem = z.output<typeof sallaOrderItemSchema>;
export type SallaOrderCustomer = z.output<typeof sallaOrderCustomerSchema>;
export type SallaDiscount = z.output<typeof sallaDiscountSchema>;
export type SallaOrder = z.output<typeof sallaOrderSchema>;
export type SallaOrderStatusUpdate = z.output<typeof sallaOrderStatusUpdateSchema>;
