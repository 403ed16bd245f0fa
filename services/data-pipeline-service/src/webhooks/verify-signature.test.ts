import { describe, expect, it } from 'vitest';
import { signSallaBody, verifySallaSignature, verifySallaToken } from './verify-signature.js';

const secret = 'a-webhook-secret-0123456789';
const body = Buffer.from('{"event":"order.created"}');

describe('Salla signature', () => {
  it('accepts the hex HMAC of the exact bytes, in either case and with a sha256= prefix', () => {
    const signature = signSallaBody(body, secret);
    expect(verifySallaSignature(body, signature, secret)).toBe(true);
    expect(verifySallaSignature(body, signature.toUpperCase(), secret)).toBe(true);
    expect(verifySallaSignature(body, `sha256=${signature}`, secret)).toBe(true);
  });

  it('rejects missing, short, non-hex, other-secret and other-body signatures', () => {
    const signature = signSallaBody(body, secret);
    expect(verifySallaSignature(body, undefined, secret)).toBe(false);
    expect(verifySallaSignature(body, signature.slice(2), secret)).toBe(false);
    expect(verifySallaSignature(body, 'g'.repeat(64), secret)).toBe(false);
    expect(verifySallaSignature(body, signSallaBody(body, 'other-secret-0123456789'), secret)).toBe(false);
    expect(verifySallaSignature(Buffer.from('{"event":"order.created" }'), signature, secret)).toBe(false);
  });

  it('checks the bearer token strategy only when a token is configured', () => {
    expect(verifySallaToken('Bearer token-0123456789abcdef', 'token-0123456789abcdef')).toBe(true);
    expect(verifySallaToken('bearer token-0123456789abcdef', 'token-0123456789abcdef')).toBe(true);
    expect(verifySallaToken('Bearer token-0123456789abcdeX', 'token-0123456789abcdef')).toBe(false);
    expect(verifySallaToken('token-0123456789abcdef', 'token-0123456789abcdef')).toBe(false);
    expect(verifySallaToken('Bearer anything', undefined)).toBe(false);
  });
});
