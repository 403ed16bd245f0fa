import type { DatabaseClient } from '../client.js';
import type { DeadLetter, DeadLetterSource, Prisma } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** Explicit opt-in for operator tools (the admin CLI) to see every merchant's dead letters. */
export const ALL_MERCHANTS = 'all-merchants';

export type ListDeadLettersInput = {
  /** A merchant, `null` for inputs that named no merchant, or ALL_MERCHANTS (operators only). */
  merchantId: MerchantIdInput | null | typeof ALL_MERCHANTS;
  source?: DeadLetterSource;
  /** Include entries that were replayed already (default: only those never replayed). */
  includeReplayed?: boolean;
  /** Page size, 1..500 (default 50). */
  limit?: number;
  /** The id of the last entry of the previous page. */
  after?: string;
};

/** Dead letters, newest first. */
export async function listDeadLetters(
  db: DatabaseClient,
  input: ListDeadLettersInput,
): Promise<DeadLetter[]> {
  const where: Prisma.DeadLetterWhereInput = {
    ...(input.merchantId === ALL_MERCHANTS
      ? {}
      : { merchantId: input.merchantId === null ? null : toMerchantId(input.merchantId) }),
    ...(input.source ? { source: input.source } : {}),
    ...(input.includeReplayed ? {} : { replayedAt: null }),
  };
  return db.deadLetter.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 500),
    ...(input.after ? { cursor: { id: input.after }, skip: 1 } : {}),
  });
}
