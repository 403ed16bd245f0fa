import { z } from 'zod';
import { optionalField, sallaId, sallaText } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

/**
 * A customer from customer.* events. Names and cities are Arabic text and kept as sent; mobile
 * may arrive as a number and is kept as a string without its country code (see mobile_code).
 */
export const sallaCustomerSchema = z.looseObject({
  id: sallaId,
  first_name: optionalField(z.string()),
  last_name: optionalField(z.string()),
  full_name: optionalField(z.string()),
  mobile: optionalField(sallaText),
  mobile_code: optionalField(sallaText),
  email: optionalField(z.string()),
  gender: optionalField(z.string()),
  birthday: optionalField(z.union([z.string(), sallaDateSchema])),
  city: optionalField(z.string()),
  country: optionalField(z.string()),
  country_code: optionalField(z.string()),
  currency: optionalField(z.string()),
  location: optionalField(z.string()),
  created_at: optionalField(sallaDateSchema),
  updated_at: optionalField(sallaDateSchema),
});

export type SallaCustomer = z.output<typeof sallaCustomerSchema>;
