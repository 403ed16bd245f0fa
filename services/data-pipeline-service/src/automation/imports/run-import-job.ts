import {
  AppError,
  type ImportedOrder,
  type ImportMapping,
  importedCustomerKey,
  IMPORTED_ID_BASE,
  importedOrderToSalla,
  importedProductKey,
  type ImportFileFormat,
  readTableFile,
  sallaCustomerSchema,
  validateOrderRows,
} from '@salla-analytics/core-library';
import {
  type Database,
  getImportUpload,
  getMerchant,
  type Job,
  mergeOrderStates,
  resolveImportKeys,
  updateJobProgress,
} from '@salla-analytics/database-schema';
import { type BatchWriter, type CustomerRow, customerToRow } from '@salla-analytics/olap-repository';
import { importedVersion } from '../../processing/event-version.js';
import { orderSnapshotPart, rowsForOrderStates } from '../../processing/order-events.js';

export interface ImportJobDeps {
  db: Database;
  writer: BatchWriter;
  leaseMs: number;
  signal: AbortSignal;
  /** Orders per write (default 500). */
  chunkSize?: number;
  /** Tests: called after a chunk's rows are committed in ClickHouse, before the checkpoint moves on. */
  afterChunkCommitted?: (done: number) => Promise<void> | void;
}

/** What an import job keeps in its checkpoint: the upload, and how many of its valid orders are written. */
export interface ImportJobCheckpoint {
  uploadId: string;
  /** Valid orders (in file order) already written. */
  done: number;
  orders?: number;
  rejectedOrders?: number;
  rejectedRows?: number;
}

/**
 * Imports an uploaded order-history file through the pipeline's own write path: the file is read
 * and validated again exactly as the preview did (same mapping, same clock: the upload's time),
 * its valid orders get stable ids from import_keys (merchant + source + order number), become
 * Salla-shaped orders and go through the history backfill's transform and order_states merge
 * (orderSnapshotPart → mergeOrderStates → rowsForOrderState) into the batch writer. The checkpoint
 * moves only after ClickHouse committed a chunk; a crash re-writes at most that chunk with the
 * same ids and versions, which changes nothing — as does importing the same file again.
 */
export async function runImportJob(deps: ImportJobDeps, job: Job): Promise<ImportJobCheckpoint> {
  const checkpoint = job.checkpoint as ImportJobCheckpoint | null;
  if (job.merchantId === null || !checkpoint?.uploadId) throw new AppError('INVALID_ARGUMENT', 'an import job needs a merchant and an upload', { retryable: false });
  const merchantId = Number(job.merchantId);
  const upload = await getImportUpload(deps.db, { merchantId, id: checkpoint.uploadId });
  if (!upload || upload.mapping === null) throw new AppError('NOT_FOUND', 'the upload is gone (expired?) or has no mapping', { retryable: false });
  const merchant = await getMerchant(deps.db, merchantId);
  const table = await readTableFile(upload.content, upload.format as ImportFileFormat);
  const validation = validateOrderRows(table, upload.mapping as ImportMapping, {
    timeZone: merchant?.timeZone ?? 'Asia/Riyadh',
    defaultCurrency: merchant?.currency ?? 'SAR',
    now: upload.createdAt,
  });
  const orders = validation.orders;
  const summary = {
    orders: orders.length,
    rejectedOrders: validation.rejectedOrders,
    rejectedRows: new Set(validation.errors.map((error) => error.row)).size,
  };
  let done = Math.min(checkpoint.done ?? 0, orders.length);
  await updateJobProgress(deps.db, job.id, { done, total: orders.length, leaseMs: deps.leaseMs, checkpoint: { uploadId: upload.id, done, ...summary } });
  const chunkSize = deps.chunkSize ?? 500;
  while (done < orders.length) {
    if (deps.signal.aborted) throw new AppError('INTERNAL', 'import stopped', { retryable: true });
    const chunk = orders.slice(done, done + chunkSize);
    await writeImportedOrders(deps, merchantId, upload.source, chunk);
    done += chunk.length;
    await deps.afterChunkCommitted?.(done);
    const running = await updateJobProgress(deps.db, job.id, { done, leaseMs: deps.leaseMs, checkpoint: { uploadId: upload.id, done, ...summary } });
    if (!running) throw new AppError('CONFLICT', 'the import job is no longer running (canceled or taken over)', { retryable: false });
  }
  return { uploadId: upload.id, done, ...summary };
}

async function writeImportedOrders(deps: ImportJobDeps, merchantId: number, source: string, orders: ImportedOrder[]): Promise<void> {
  const keys = (kind: 'order' | 'customer' | 'product', list: string[]) => resolveImportKeys(deps.db, { merchantId, kind, source, keys: list });
  const orderIds = await keys('order', orders.map((order) => order.externalId));
  const customerIds = await keys('customer', orders.flatMap((order) => importedCustomerKey(order) ?? []));
  const productIds = await keys('product', orders.flatMap((order) => order.items.map(importedProductKey)));
  const id = (map: Map<string, number>, key: string) => {
    const sequence = map.get(key);
    if (sequence === undefined) throw new AppError('INTERNAL', 'an import key was not resolved');
    return IMPORTED_ID_BASE + sequence;
  };
  const parts = [];
  const customers = new Map<number, CustomerRow>();
  for (const order of orders) {
    const customerKey = importedCustomerKey(order);
    const customerId = customerKey === null ? 0 : id(customerIds, customerKey);
    const salla = importedOrderToSalla(order, {
      orderId: id(orderIds, order.externalId),
      customerId,
      productIds: order.items.map((item) => id(productIds, importedProductKey(item))),
    });
    const version = importedVersion(order.createdAt);
    const part = orderSnapshotPart(merchantId, salla, version);
    if (part) parts.push(part);
    if (customerId !== 0) {
      // The customer as of their latest imported order (the highest version wins in ClickHouse too).
      const known = customers.get(customerId);
      if (!known || known.version < version) {
        customers.set(customerId, customerToRow(merchantId, sallaCustomerSchema.parse({ ...salla.customer, full_name: order.customer.name || undefined, id: customerId, updated_at: order.createdAt, created_at: order.createdAt }), version));
      }
    }
  }
  const { orders: orderRows, items: itemRows } = rowsForOrderStates(await mergeOrderStates(deps.db, parts));
  await Promise.all([
    orderRows.length ? deps.writer.write('orders', orderRows) : undefined,
    itemRows.length ? deps.writer.write('order_items', itemRows) : undefined,
    customers.size ? deps.writer.write('customers', [...customers.values()]) : undefined,
  ]);
}
