import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosProduct } from '../../sentos/types.js';
import { SkuIndex } from '../state/sku-index.js';
import { MAX_TARGETED_READS, MISSING_RECHECK_MS, skuResolver } from './sku-resolver.js';

/** A product with variant SKUs (or none: a simple product is its own SKU). */
const product = (id: string, sku: string, variants: string[] = []) =>
  ({ id, sku, name: sku, variants: variants.map((v) => ({ sku: v })) }) as unknown as SentosProduct;

const CATALOG = [product('1', 'TSHIRT', ['TSHIRT-S', 'TSHIRT-M']), product('2', 'MUG')];

/** A Sentos client that answers listProducts from CATALOG and records what it was asked. */
function fakeSentos() {
  const calls: string[] = []; // a SKU, or 'catalog' for a full read
  const sentos = {
    // eslint-disable-next-line @typescript-eslint/require-await -- the client's listProducts is an async generator
    async *listProducts(options: { sku?: string } = {}) {
      calls.push(options.sku ?? 'catalog');
      const hits = options.sku
        ? CATALOG.filter((p) => p.sku === options.sku || p.variants.some((v) => v.sku === options.sku))
        : CATALOG;
      yield { products: hits, invalid: [], page: 1 };
    },
  } as unknown as SentosClient;
  return { sentos, calls };
}

function setup(now = { ms: 1_000_000 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sku-resolver-'));
  const index = new SkuIndex(path.join(dir, 'sentos-skus.json'));
  const { sentos, calls } = fakeSentos();
  const resolver = () => skuResolver({ sentos, index, now: () => now.ms, onEvent: () => {} });
  return { index, calls, resolver, now };
}

describe('skuResolver: the SKUs of the orders, cheapest first', () => {
  it('asks nothing when the index knows every SKU', async () => {
    const { index, calls, resolver } = setup();
    index.save(new Map([['MUG', { productId: '2' }]]), 1);
    expect((await resolver()(['MUG'])).get('MUG')).toEqual({ productId: '2' });
    expect(calls).toEqual([]);
  });

  it('a few unknown SKUs: one targeted read each, remembered for the next run', async () => {
    const { calls, resolver } = setup();
    const known = await resolver()(['TSHIRT-M', 'MUG']);
    expect(known.get('TSHIRT-M')).toEqual({ productId: '1' });
    expect(calls).toEqual(['TSHIRT-M', 'MUG']);
    await resolver()(['TSHIRT-M', 'MUG']);
    expect(calls).toHaveLength(2);
  });

  it('a SKU no targeted read finds: one catalog read, then not again for a while', async () => {
    const { calls, resolver, now } = setup();
    const known = await resolver()(['NOPE', 'MUG']);
    expect(known.has('NOPE')).toBe(false);
    expect(calls).toEqual(['NOPE', 'MUG', 'catalog']);
    calls.length = 0;
    await resolver()(['NOPE']);
    expect(calls).toEqual(['NOPE']);
    now.ms += MISSING_RECHECK_MS + 1;
    calls.length = 0;
    await resolver()(['NOPE']);
    expect(calls).toEqual(['NOPE', 'catalog']);
  });

  it('more unknown SKUs than targeted reads are worth: the catalog at once', async () => {
    const { calls, resolver } = setup();
    const many = Array.from({ length: MAX_TARGETED_READS + 1 }, (_, i) => `X-${i}`);
    await resolver()([...many, 'MUG']);
    expect(calls).toEqual(['catalog']);
  });

  it('a product SKU that has variants is not sellable: it stays unknown', async () => {
    const { resolver } = setup();
    expect((await resolver()(['TSHIRT'])).has('TSHIRT')).toBe(false);
  });
});
