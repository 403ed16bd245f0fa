import { z } from 'zod';
import { sallaAmountSchema } from './amount.js';
import { optionalField, sallaId, sallaNumber, sallaText } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

export const sallaCategorySchema = z.looseObject({
  id: sallaId,
  name: optionalField(z.string()),
});

/**
 * A product from product.* events. `price` and `cost_price` come as `{ amount, currency }` or as
 * a bare number; both parse to `{ amount, currency? }`. `quantity` is null/absent for products
 * with unlimited stock. parseSallaWebhook requires `name` for product.created / product.updated.
 */
export const sallaProductSchema = z.looseObject({
  id: sallaId,
  name: optionalField(z.string()),
  sku: optionalField(sallaText),
  type: optionalField(z.string()),
  status: optionalField(z.string()),
  price: optionalField(sallaAmountSchema),
  sale_price: optionalField(sallaAmountSchema),
  cost_price: optionalField(sallaAmountSchema),
  quantity: optionalField(sallaNumber),
  categories: optionalField(z.array(sallaCategorySchema)),
  created_at: optionalField(sallaDateSchema),
  updated_at: optionalField(sallaDateSchema),
});

export type SallaCategory = z.output<typeof sallaCategorySchema>;
export type SallaProduct = z.output<typeof sallaProductSchema>;
