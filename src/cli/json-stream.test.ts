import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../core/redact.js';
import { streamJsonDocument, writeJsonDocument } from './json-stream.js';

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

  it('streams a large document no faster than the stream drains: one refused chunk queued at a time', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ sku: `SKU-${i}`, title: 'x'.repeat(100) }));
    const document = { items };
    const taken: string[] = [];
    let queued = 0;
    let maxQueued = 0;
    let drain: (() => void) | undefined;
    // A pipe's queue: every write is queued and refused until the reader takes it, a tick later.
    const stream = {
      write(text: string) {
        taken.push(text);
        maxQueued = Math.max(maxQueued, ++queued);
        setImmediate(() => {
          queued = 0;
          drain?.();
        });
        return false;
      },
      once(_event: 'drain', listener: () => void) {
        drain = () => {
          drain = undefined;
          listener();
        };
      },
    };
    await streamJsonDocument(stream, document, scrub, false);
    expect(taken.join('')).toBe(`${JSON.stringify(document)}\n`);
    expect(taken.length).toBeGreaterThan(5);
    expect(maxQueued).toBe(1);
  });

  it('writes on without waiting when the stream takes everything (a test sink returning nothing)', async () => {
    const taken: string[] = [];
    await streamJsonDocument({ write: (t: string) => (taken.push(t), true) }, { a: [1, 2] }, scrub, false);
    expect(taken.join('')).toBe('{"a":[1,2]}\n');
  });
});
