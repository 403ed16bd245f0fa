import {
  type SallaCustomer,
  type SallaOrder,
  type SallaProduct,
  sallaCustomerSchema,
  sallaNumber,
  sallaOrderSchema,
  sallaProductSchema,
} from '@salla-analytics/core-library';
import { z } from 'zod';

const count = sallaNumber.pipe(z.number().int().nonnegative());

/** `pagination: { count, total, perPage, currentPage, totalPages, links }` (numbers may come as strings). */
export const sallaPaginationSchema = z.looseObject({
  count: count.optional(),
  total: count,
  perPage: count.optional(),
  currentPage: count,
  totalPages: count,
});

export type SallaPagination = z.output<typeof sallaPaginationSchema>;

/** Success body `{ status, success, data, pagination? }`; items are checked one by one (below). */
export const sallaListEnvelopeSchema = z.looseObject({
  status: z.number().optional(),
  success: z.boolean().optional(),
  data: z.array(z.unknown()),
  pagination: sallaPaginationSchema.optional(),
});

export const sallaItemEnvelopeSchema = z.looseObject({
  status: z.number().optional(),
  success: z.boolean().optional(),
  data: z.unknown(),
});

export interface SallaResources {
  orders: SallaOrder;
  products: SallaProduct;
  customers: SallaCustomer;
}

export type SallaResource = keyof SallaResources;

export const resourceSchemas: { [R in SallaResource]: z.ZodType<SallaResources[R]> } = {
  orders: sallaOrderSchema as z.ZodType<SallaOrder>,
  products: sallaProductSchema as z.ZodType<SallaProduct>,
  customers: sallaCustomerSchema as z.ZodType<SallaCustomer>,
};

/** An item Salla sent that does not match the documented shape: kept raw with the reason, never dropped silently. */
export interface InvalidSallaItem {
  id: number | null;
  raw: unknown;
  message: string;
}

/** One page of a list, mapped to core-library types. */
export interface SallaPage<T> {
  items: T[];
  invalid: InvalidSallaItem[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  /**
   * Salla's own clock when it answered (`Date` header), else ours at the request's start; and how
   * long the request took. A backfill derives the snapshot's version from these (see the pipeline README).
   */
  servedAt: Date;
  servedAtSource: 'server' | 'client';
  requestMs: number;
}

/** A full order has a date and a total; a list may carry summaries that need `/orders/{id}`. */
export function isFullOrder(order: SallaOrder): boolean {
  return order.date !== undefined && order.amounts?.total !== undefined;
}
