import { NOT_EXCLUDED_SQL } from './sql-fragments.js';

/**
 * Customer analytics count purchases: a known customer's orders that were neither canceled nor
 * refunded (guest orders have customer_id 0 and are left out), latest version of each order.
 */
export const PURCHASES_SQL = `
  SELECT order_id, customer_id, created_at, total_minor, customer_city
  FROM sales_hourly FINAL
  WHERE merchant_id = {merchantId:UInt64} AND customer_id != 0 AND ${NOT_EXCLUDED_SQL}`;
