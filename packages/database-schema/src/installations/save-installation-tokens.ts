import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';
import { EncryptedTokenSchema, tokenColumns } from './encrypted-token.js';

export const SaveInstallationTokensInputSchema = z.object({
  merchantId: MerchantIdSchema,
  accessToken: EncryptedTokenSchema,
  refreshToken: EncryptedTokenSchema,
  expiresAt: z.date(),
  scope: z.string().nullish(),
  tokenType: z.string().min(1).default('bearer'),
  /**
   * The version read before refreshing. When given, the write only happens if nobody saved
   * tokens in between (optimistic concurrency); omit it for `app.store.authorize`, which always wins.
   */
  expectedVersion: z.number().int().positive().optional(),
});

export type SaveInstallationTokensInput = z.input<typeof SaveInstallationTokensInputSchema>;

export type SaveInstallationTokensResult =
  | { saved: true; version: number }
  | { saved: false; reason: 'version-conflict' };

/**
 * Stores a merchant's Salla tokens, ALREADY encrypted by the caller, and releases the refresh
 * lock. The merchant row must exist (upsertMerchant first).
 */
export async function saveInstallationTokens(
  db: DatabaseClient,
  input: SaveInstallationTokensInput,
): Promise<SaveInstallationTokensResult> {
  const { merchantId, accessToken, refreshToken, expiresAt, scope, tokenType, expectedVersion } =
    SaveInstallationTokensInputSchema.parse(input);
  const columns = {
    ...tokenColumns(accessToken, refreshToken),
    expiresAt,
    scope: scope ?? null,
    tokenType,
    refreshLockedUntil: null,
  };

  if (expectedVersion === undefined) {
    const row = await db.installation.upsert({
      where: { merchantId },
      create: { merchantId, ...columns },
      update: { ...columns, version: { increment: 1 } },
      select: { version: true },
    });
    return { saved: true, version: row.version };
  }

  const { count } = await db.installation.updateMany({
    where: { merchantId, version: expectedVersion },
    data: { ...columns, version: expectedVersion + 1 },
  });
  return count === 1
    ? { saved: true, version: expectedVersion + 1 }
    : { saved: false, reason: 'version-conflict' };
}
