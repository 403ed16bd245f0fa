import type { SallaCustomer, SallaOrder, SallaProduct } from '@salla-analytics/core-library';
import { type Database, mergeOrderStates, recordDeadLetter } from '@salla-analytics/database-schema';
import type { InvalidSallaItem, SallaPage } from '@salla-analytics/integration-gateways';
import { type BatchWriter, customerToRow, productToRow } from '@salla-analytics/olap-repository';
import { snapshotVersion } from '../processing/event-version.js';
import { orderSnapshotPart, rowsForOrderStates } from '../processing/order-events.js';

export interface SnapshotWriteDeps {
  db: Database;
  writer: BatchWriter;
}

/**
 * Writes one page of API snapshots through exactly the path webhooks take: orders are merged into
 * order_states (mergeOrderStates) and the merged state's rows written, products and customers go
 * through the same row transforms; all with the snapshot's version (snapshotVersion). Resolves once
 * ClickHouse committed the rows. Re-writing a page (a resumed job) changes nothing.
 */
export async function writeSnapshotPage(
  deps: SnapshotWriteDeps,
  resource: 'orders' | 'products' | 'customers',
  merchantId: number,
  page: SallaPage<SallaOrder> | SallaPage<SallaProduct> | SallaPage<SallaCustomer>,
  only?: ReadonlySet<number>,
): Promise<{ written: number; committed: Promise<void> }> {
  await keepInvalid(deps.db, resource, merchantId, page.invalid);
  const pick = <T extends { id: number }>(items: T[]) => (only ? items.filter((item) => only.has(item.id)) : items);
  if (resource === 'orders') {
    const orders = pick(page.items as SallaOrder[]);
    const parts = orders.flatMap((order) => {
      const part = orderSnapshotPart(merchantId, order, snapshotVersion(page, order.updated_at));
      return part ? [part] : [];
    });
    if (parts.length === 0) return { written: 0, committed: Promise.resolve() };
    const { orders: orderRows, items: itemRows } = rowsForOrderStates(await mergeOrderStates(deps.db, parts));
    const committed = Promise.all([deps.writer.write('orders', orderRows), itemRows.length ? deps.writer.write('order_items', itemRows) : undefined]).then(() => undefined);
    return { written: parts.length, committed };
  }
  if (resource === 'products') {
    const rows = pick(page.items as SallaProduct[]).map((product) => productToRow(merchantId, product, snapshotVersion(page, product.updated_at)));
    return { written: rows.length, committed: rows.length ? deps.writer.write('products', rows).then(() => undefined) : Promise.resolve() };
  }
  const rows = pick(page.items as SallaCustomer[]).map((customer) => customerToRow(merchantId, customer, snapshotVersion(page, customer.updated_at)));
  return { written: rows.length, committed: rows.length ? deps.writer.write('customers', rows).then(() => undefined) : Promise.resolve() };
}

/** Items Salla sent in an unexpected shape are never dropped silently: a dead letter each (source `job`). */
async function keepInvalid(db: Database, resource: string, merchantId: number, invalid: InvalidSallaItem[]): Promise<void> {
  for (const item of invalid) {
    await recordDeadLetter(db, {
      source: 'job',
      merchantId,
      event: `backfill.${resource}`,
      reason: 'invalid_api_item',
      message: item.message.slice(0, 1_000),
      payload: JSON.stringify(item.raw),
    });
  }
}
