import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, parseTokenEncryptionKeys } from '../src/index.js';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('token cipher (AES-256-GCM)', () => {
  it('round-trips a token and never stores the plaintext', () => {
    const cipher = createTokenCipher(parseTokenEncryptionKeys(key('k1')));
    const token = cipher.encrypt('example-access-token-not-real', 'merchant:1');
    expect(token.keyId).toBe('k1');
    expect(token.iv).toHaveLength(12);
    expect(token.authTag).toHaveLength(16);
    expect(Buffer.from(token.ciphertext).toString('utf8')).not.toContain('example-access');
    expect(cipher.decrypt(token, 'merchant:1')).toBe('example-access-token-not-real');
    // A fresh IV every time.
    expect(Buffer.from(cipher.encrypt('same', 'merchant:1').ciphertext)).not.toEqual(
      Buffer.from(cipher.encrypt('same', 'merchant:1').ciphertext),
    );
  });

  it('rotates: the first key encrypts, older keys still decrypt', () => {
    const oldKey = key('2025-01');
    const before = createTokenCipher(parseTokenEncryptionKeys(oldKey));
    const stored = before.encrypt('refresh-token', 'merchant:9');
    const after = createTokenCipher(parseTokenEncryptionKeys(`${key('2026-01')},${oldKey}`));
    expect(after.currentKeyId).toBe('2026-01');
    expect(after.decrypt(stored, 'merchant:9')).toBe('refresh-token');
    expect(after.needsRotation(stored)).toBe(true);
    expect(after.encrypt('x').keyId).toBe('2026-01');
    // Once the old key is dropped, its tokens can no longer be read.
    const dropped = createTokenCipher(parseTokenEncryptionKeys(key('2026-01')));
    expect(() => dropped.decrypt(stored, 'merchant:9')).toThrow(/No token encryption key "2025-01"/);
  });

  it('refuses tampered ciphertext, a wrong tag or another merchant context', () => {
    const cipher = createTokenCipher(parseTokenEncryptionKeys(key('k1')));
    const token = cipher.encrypt('secret', 'merchant:1');
    const flipped = Buffer.from(token.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt({ ...token, ciphertext: flipped }, 'merchant:1')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt({ ...token, authTag: randomBytes(16) }, 'merchant:1')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(token, 'merchant:2')).toThrow(/failed authentication/);
  });

  it.each([
    ['', /empty/],
    ['nokey', /no valid key id/],
    ['k1:c2hvcnQ=', /must be 32 bytes/],
    [`${key('k1')},${key('k1')}`, /twice/],
  ])('rejects TOKEN_ENCRYPTION_KEYS=%j without echoing key material', (text, message) => {
    expect(() => parseTokenEncryptionKeys(text)).toThrow(message);
    try {
      parseTokenEncryptionKeys(text);
    } catch (error) {
      const secret = text.split(':')[1];
      if (secret && secret.length > 8) expect(String((error as Error).message)).not.toContain(secret);
    }
  });
});
