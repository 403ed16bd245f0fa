import type { DatabaseClient } from '../client.js';
import type { AuditLog } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export type ListAuditLogInput = {
  merchantId: MerchantIdInput;
  /** Only entries strictly older than this (for paging back). */
  before?: Date;
  /** 1..500, default 100. */
  limit?: number;
};

/** A merchant's audit trail, newest first. */
export async function listAuditLog(db: DatabaseClient, input: ListAuditLogInput): Promise<AuditLog[]> {
  return db.auditLog.findMany({
    where: {
      merchantId: toMerchantId(input.merchantId),
      ...(input.before ? { at: { lt: input.before } } : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(input.limit ?? 100, 1), 500),
  });
}
