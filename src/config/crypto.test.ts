import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, type KeySource } from './crypto.js';

const source: KeySource = { mode: 'key-file', key: randomBytes(32) };

/** Replaces the tag (5th field of "enc:v1:k:-:iv:tag:data") with its first `bytes` bytes. */
function shortenTag(stored: string, bytes: number): string {
  const fields = stored.split(':');
  fields[5] = Buffer.from(fields[5] as string, 'base64')
    .subarray(0, bytes)
    .toString('base64');
  return fields.join(':');
}

describe('stored secrets: AES-256-GCM with the full 16-byte tag', () => {
  const stored = encryptSecret('shpat_secret', source, 'shopify.accessToken');

  it('round-trips', () => {
    expect(decryptSecret(stored, source, 'shopify.accessToken')).toBe('shpat_secret');
  });

  it.each([12, 8, 4])('a tag cut to %i bytes is tampering, not a match', (bytes) => {
    expect(() => decryptSecret(shortenTag(stored, bytes), source, 'shopify.accessToken')).toThrow(/tampered/);
  });

  it('a value moved to another key does not decrypt', () => {
    expect(() => decryptSecret(stored, source, 'sentos.apiSecret')).toThrow(/tampered/);
  });
});
