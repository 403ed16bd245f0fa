import { z } from 'zod';
import { sallaAmountSchema } from './amount.js';
import { sallaItemAmountsSchema } from './order.js';
import { optionalField, sallaId, sallaNumber, sallaText } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

export const sallaCartItemSchema = z
  .looseObject({
    id: optionalField(sallaId),
    product_id: optionalField(sallaId),
    product: optionalField(z.looseObject({ id: optionalField(sallaId) })),
    name: optionalField(z.string()),
    sku: optionalField(sallaText),
    quantity: sallaNumber,
    amounts: optionalField(sallaItemAmountsSchema),
  })
  .transform((item) => ({ ...item, product_id: item.product_id ?? item.product?.id }));

export const sallaCartCustomerSchema = z.looseObject({
  id: optionalField(sallaId),
  name: optionalField(z.string()),
  mobile: optionalField(sallaText),
  email: optionalField(z.string()),
  country: optionalField(z.string()),
  city: optionalField(z.string()),
});

/** The abandoned.cart payload: a cart Salla considers abandoned, with a link to recover it. */
export const sallaAbandonedCartSchema = z.looseObject({
  id: sallaId,
  total: sallaAmountSchema,
  subtotal: optionalField(sallaAmountSchema),
  total_discount: optionalField(sallaAmountSchema),
  checkout_url: optionalField(z.string()),
  age_in_minutes: optionalField(sallaNumber),
  created_at: optionalField(sallaDateSchema),
  updated_at: optionalField(sallaDateSchema),
  customer: optionalField(sallaCartCustomerSchema),
  items: optionalField(z.array(sallaCartItemSchema)),
  coupon: optionalField(z.union([z.looseObject({ code: optionalField(sallaText) }), z.string()])),
});

export type SallaCartItem = z.output<typeof sallaCartItemSchema>;
export type SallaAbandonedCart = z.output<typeof sallaAbandonedCartSchema>;
