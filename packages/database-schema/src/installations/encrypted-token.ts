import { z } from 'zod';
import type { Installation } from '../generated/prisma/client.js';

const Bytes = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.length > 0,
  'non-empty bytes',
);

/**
 * A token encrypted by the caller (AES-256-GCM in integration-gateways): this package only stores
 * and returns these four parts and never sees the plaintext.
 */
export const EncryptedTokenSchema = z.object({
  ciphertext: Bytes,
  iv: Bytes,
  authTag: Bytes,
  /** Which key encrypted it, so keys can be rotated. */
  keyId: z.string().min(1),
});

export type EncryptedToken = z.infer<typeof EncryptedTokenSchema>;

/** The installation's tokens, grouped back into their encrypted parts. */
export type InstallationTokens = {
  merchantId: bigint;
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  expiresAt: Date;
  scope: string | null;
  tokenType: string;
  refreshLockedUntil: Date | null;
  version: number;
};

export function tokenColumns(accessToken: EncryptedToken, refreshToken: EncryptedToken) {
  return {
    accessTokenCiphertext: bytes(accessToken.ciphertext),
    accessTokenIv: bytes(accessToken.iv),
    accessTokenAuthTag: bytes(accessToken.authTag),
    accessTokenKeyId: accessToken.keyId,
    refreshTokenCiphertext: bytes(refreshToken.ciphertext),
    refreshTokenIv: bytes(refreshToken.iv),
    refreshTokenAuthTag: bytes(refreshToken.authTag),
    refreshTokenKeyId: refreshToken.keyId,
  };
}

export function tokensFromRow(row: Installation): InstallationTokens {
  return {
    merchantId: row.merchantId,
    accessToken: {
      ciphertext: row.accessTokenCiphertext,
      iv: row.accessTokenIv,
      authTag: row.accessTokenAuthTag,
      keyId: row.accessTokenKeyId,
    },
    refreshToken: {
      ciphertext: row.refreshTokenCiphertext,
      iv: row.refreshTokenIv,
      authTag: row.refreshTokenAuthTag,
      keyId: row.refreshTokenKeyId,
    },
    expiresAt: row.expiresAt,
    scope: row.scope,
    tokenType: row.tokenType,
    refreshLockedUntil: row.refreshLockedUntil,
    version: row.version,
  };
}

/** A plain copy backed by its own ArrayBuffer (what the Prisma client's Bytes type wants). */
function bytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(value);
}
