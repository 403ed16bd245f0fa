import type { DatabaseClient } from '../client.js';
import type { AssistantExchange } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export interface ListAssistantExchangesInput {
  merchantId: MerchantIdInput;
  userId: string;
  /** Only exchanges strictly older than this (paging back). */
  before?: Date;
  /** 1..100, default 20. */
  limit?: number;
}

/** One user's Ask history in one store, newest first: another user's or store's never shows. */
export async function listAssistantExchanges(db: DatabaseClient, input: ListAssistantExchangesInput): Promise<AssistantExchange[]> {
  return db.assistantExchange.findMany({
    where: {
      merchantId: toMerchantId(input.merchantId),
      userId: input.userId,
      ...(input.before ? { createdAt: { lt: input.before } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(input.limit ?? 20, 1), 100),
  });
}
