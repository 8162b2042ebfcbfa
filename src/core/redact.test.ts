import { describe, expect, it } from 'vitest';
import { MASK, SecretRegistry, redactHeaders, redactUrl } from './redact.js';

describe('redactHeaders', () => {
  it('masks every secret-bearing header whatever its case, and keeps the rest', () => {
    const out = redactHeaders({
      Authorization: 'Basic a2V5OnNlY3JldA==',
      'X-Shopify-Access-Token': 'shpat_123456',
      'x-api-key': 'k-123',
      'X-API-Secret': 's-123',
      'content-type': 'application/json',
    });
    expect(out).toEqual({
      Authorization: MASK,
      'X-Shopify-Access-Token': MASK,
      'x-api-key': MASK,
      'X-API-Secret': MASK,
      'content-type': 'application/json',
    });
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://key:secret@firma.sentos.com.tr/api/products', `https://${MASK}@firma.sentos.com.tr/api/products`],
    [
      'https://shop.myshopify.com/x?access_token=shpat_1&page=2',
      `https://shop.myshopify.com/x?access_token=${MASK}&page=2`,
    ],
    ['https://x.test/a?client_secret=abc', `https://x.test/a?client_secret=${MASK}`],
    ['https://firma.sentos.com.tr/api/products?page=2', 'https://firma.sentos.com.tr/api/products?page=2'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe('SecretRegistry', () => {
  it('scrubs registered values, their Basic base64 form, and ignores tiny values', () => {
    const registry = new SecretRegistry();
    registry.addBasic('my-api-key', 'my-api-secret-value');
    registry.add('abc', 'shpat_token_value');
    const basic = Buffer.from('my-api-key:my-api-secret-value').toString('base64');
    const text = `key=my-api-key secret=my-api-secret-value header=Basic ${basic} token=shpat_token_value word=abc`;
    const out = registry.redact(text);
    expect(out).not.toContain('my-api-key');
    expect(out).not.toContain('my-api-secret-value');
    expect(out).not.toContain(basic);
    expect(out).not.toContain('shpat_token_value');
    expect(out).toContain('word=abc');
  });

  it('masks a secret that contains another secret as a whole', () => {
    const registry = new SecretRegistry();
    registry.add('secret', 'secret-long-value');
    expect(registry.redact('x secret-long-value y')).toBe(`x ${MASK} y`);
  });
});
