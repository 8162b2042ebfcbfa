import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../core/redact.js';
import { writeJsonDocument } from './json-stream.js';

const secrets = new SecretRegistry();
secrets.add('s3cr3t-token');
const scrub = (text: string) => secrets.redact(text);

function written(document: unknown, indent = false): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJsonDocument((t) => pieces.push(t), document, scrub, indent);
  return { text: pieces.join(''), pieces };
}

describe('writeJsonDocument', () => {
  it.each([
    ['a report', { summary: { created: 1 }, items: [{ sku: 'A', error: { message: 'x' } }, { sku: 'B' }] }],
    ['nested phases', { phases: { products: { items: [{ a: [1, 2, { b: null }] }] } }, ok: true }],
    ['holes and undefined', { a: undefined, b: [undefined, 1, () => 1], c: new Date(0), d: '' }],
    ['a bare array', [1, 'two', { three: 3 }]],
    ['a scalar', 'text'],
  ])('%s serialises exactly like JSON.stringify', (_name, document) => {
    expect(written(document).text).toBe(`${JSON.stringify(document)}\n`);
  });

  it('scrubs secrets in values and keys, and writes a large report in bounded pieces', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({
      sku: `SKU-${i}`,
      error: { message: `GET https://x/api?token=s3cr3t-token failed #${i}` },
    }));
    const { text, pieces } = written({ items, ['s3cr3t-token']: 1 });
    expect(text).not.toContain('s3cr3t-token');
    expect((JSON.parse(text) as { items: unknown[] }).items).toHaveLength(5000);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70 * 1024);
  });

  it('indents for a terminal', () => {
    expect(written({ a: 1 }, true).text).toBe('{\n  "a": 1\n}\n');
  });
});
