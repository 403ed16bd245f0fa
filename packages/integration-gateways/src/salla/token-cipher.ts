import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@salla-analytics/core-library';

/** A token encrypted at rest; the same shape as database-schema's `EncryptedToken`. */
export interface EncryptedToken {
  ciphertext: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
  /** Which key encrypted it, so keys can rotate without re-encrypting everything at once. */
  keyId: string;
}

export interface TokenEncryptionKey {
  keyId: string;
  key: Buffer;
}

export interface TokenCipher {
  /** The key new tokens are encrypted with (the first of the list). */
  readonly currentKeyId: string;
  /** `context` (e.g. `merchant:1305146709`) is bound as additional data: a ciphertext moved to another merchant will not decrypt. */
  encrypt(plaintext: string, context?: string): EncryptedToken;
  decrypt(token: EncryptedToken, context?: string): string;
  /** True when the token was encrypted with an older key and should be re-encrypted. */
  needsRotation(token: EncryptedToken): boolean;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Parses `TOKEN_ENCRYPTION_KEYS`: a comma-separated list of `keyId:base64key` (32-byte keys, AES-256).
 * The first key encrypts; all of them decrypt (rotation: put the new key first, keep the old ones
 * until every token was re-encrypted). Messages never include key material.
 */
export function parseTokenEncryptionKeys(text: string): TokenEncryptionKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new AppError('INVALID_ENV', 'TOKEN_ENCRYPTION_KEYS is empty: expected keyId:base64key[,keyId:base64key…]');
  const keys: TokenEncryptionKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const keyId = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(keyId)) {
      throw new AppError('INVALID_ENV', `TOKEN_ENCRYPTION_KEYS entry ${index + 1} has no valid key id (expected keyId:base64key)`);
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) {
      throw new AppError('INVALID_ENV', `TOKEN_ENCRYPTION_KEYS key "${keyId}" must be 32 bytes of base64 (got ${key.length} bytes)`);
    }
    if (keys.some((existing) => existing.keyId === keyId)) {
      throw new AppError('INVALID_ENV', `TOKEN_ENCRYPTION_KEYS lists key "${keyId}" twice`);
    }
    keys.push({ keyId, key });
  }
  return keys;
}

/** AES-256-GCM with a random 96-bit IV per token (node:crypto). */
export function createTokenCipher(keys: readonly TokenEncryptionKey[]): TokenCipher {
  const [current] = keys;
  if (current === undefined) throw new AppError('INVALID_ARGUMENT', 'createTokenCipher needs at least one key');
  const byId = new Map(keys.map((entry) => [entry.keyId, entry.key]));
  return {
    currentKeyId: current.keyId,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: current.keyId };
    },
    decrypt(token, context) {
      const key = byId.get(token.keyId);
      if (key === undefined) {
        throw new AppError('INTERNAL', `No token encryption key "${token.keyId}" is configured (was it removed from TOKEN_ENCRYPTION_KEYS too early?)`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, token.iv);
        if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(token.authTag);
        return Buffer.concat([decipher.update(token.ciphertext), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new AppError('INTERNAL', 'A stored token failed authentication (tampered, wrong key or wrong context)', { cause: error });
      }
    },
    needsRotation(token) {
      return token.keyId !== current.keyId;
    },
  };
}

/** The context Salla tokens of one merchant are encrypted with (bound as AES-GCM additional data). */
export function sallaTokenContext(merchantId: number | bigint): string {
  return `salla-merchant:${merchantId}`;
}
