import { describe, expect, it } from 'vitest';
import { aPlanItem } from '../../../test/builders/plan-item.js';
import { parseResultLine, productSetLine } from '../../shopify/bulk/product-set-lines.js';
import type { ProductWrite } from '../../shopify/types.js';
import { chooseBulk, matchResults, shardLines, splitForBulk, type ShardLine } from './bulk-plan.js';
import type { PlanItem } from './types.js';

const write = (over: Partial<ProductWrite> = {}): ProductWrite => ({
  identifier: { handle: 'sentos-a' },
  handle: 'sentos-a',
  title: 'A',
  status: 'ACTIVE',
  options: [{ name: 'Title', values: ['Default Title'] }],
  variants: [
    {
      sku: 'A-1',
      price: 129990,
      optionValues: [{ optionName: 'Title', name: 'Default Title' }],
      inventoryQuantities: [{ locationId: 'gid://shopify/Location/1', quantity: 7 }],
    },
  ],
  sentosProductId: '1',
  ...over,
});

const item = (key: string, productWrite?: ProductWrite): PlanItem => aPlanItem(key, productWrite);

describe('splitForBulk', () => {
  const writes = [item('1', write()), item('2', write()), item('3', write({ returnVariants: true }))];
  it.each([
    ['0 disables bulk', 0, [], ['1', '2', '3']],
    ['below the threshold: all per call', 3, [], ['1', '2', '3']],
    ['at the threshold: eligible go bulk, a write needing ids back stays per call', 2, ['1', '2'], ['3']],
    ['threshold 1', 1, ['1', '2'], ['3']],
  ])('%s', (_name, threshold, bulk, perCall) => {
    const split = splitForBulk(writes, threshold);
    expect(split.bulk.map((i) => i.key)).toEqual(bulk);
    expect(split.perCall.map((i) => i.key)).toEqual(perCall);
  });
});

describe('chooseBulk', () => {
  // Buckets as the plans report them (full), and 22.8 points per productSet (a created product with 8 variants).
  const standard = { currentlyAvailable: 2_000, restoreRate: 100 };
  const plus = { currentlyAvailable: 20_000, restoreRate: 1_000 };
  const enterprise = { currentlyAvailable: 40_000, restoreRate: 2_000 };
  const costs = (n: number, each = 22.8) => Array.from({ length: n }, () => each);
  it.each([
    ['Standard, 1k writes: 208 s of restore beyond the bucket', costs(1_000), standard, 30, true, undefined],
    ['Standard, 250 writes: 37 s', costs(250), standard, 30, true, undefined],
    ['Standard, 200 writes: 25.6 s, per call', costs(200), standard, 30, false, 25.6],
    ['Plus, 1k writes: 2.8 s, per call', costs(1_000), plus, 30, false, 2.8],
    ['Plus, 2k writes: 25.6 s, per call', costs(2_000), plus, 30, false, 25.6],
    ['Plus, 10k writes: 208 s', costs(10_000), plus, 30, true, undefined],
    ['Enterprise, 3k writes: 14.2 s, per call', costs(3_000), enterprise, 30, false, 14.2],
    ['within the bucket: no wait at all', costs(10), standard, 30, false, 0],
    ['exactly at the limit: per call', costs(50, 100), standard, 30, false, 30],
    ['one point over the limit: bulk', [...costs(50, 100), 1], standard, 30, true, undefined],
    ['a larger limit keeps Standard 1k per call', costs(1_000), standard, 300, false, 208],
    ['limit 0: the count alone decides', costs(10), plus, 0, true, undefined],
    ['no bucket known yet: the count alone decides', costs(10), undefined, 30, true, undefined],
  ])('%s', (_name, perCall, bucket, limit, bulk, wait) => {
    const choice = chooseBulk(perCall, bucket, limit);
    expect(choice.bulk).toBe(bulk);
    if (wait === undefined) expect(choice.quotaWaitS).toBeUndefined();
    else expect(choice.quotaWaitS).toBeCloseTo(wait, 6);
  });

  it('stops predicting once the answer is bulk', () => {
    let predicted = 0;
    function* lazy() {
      for (let i = 0; i < 10_000; i += 1) {
        predicted += 1;
        yield 22.8;
      }
    }
    expect(chooseBulk(lazy(), standard, 30).bulk).toBe(true);
    // (2,000 + 30 × 100) / 22.8 = 219.3: the 220th cost crosses the limit.
    expect(predicted).toBe(220);
  });
});

describe('productSetLine', () => {
  it('is one JSON line of ProductSet variables: stock of new variants rides along, the key is the handle', () => {
    const line = productSetLine(write());
    expect(line.text).not.toContain('\n');
    expect(line.key).toEqual({ handle: 'sentos-a' });
    const parsed = JSON.parse(line.text);
    expect(parsed.identifier).toEqual({ handle: 'sentos-a' });
    expect(parsed.input.variants[0].inventoryQuantities).toEqual([
      { locationId: 'gid://shopify/Location/1', name: 'available', quantity: 7 },
    ]);
    expect(parsed.input.variants[0].price).toBe('1299.90');
    expect(parsed.input.metafields[0]).toMatchObject({ key: 'product_id', value: '1' });
  });

  it('an update is keyed by product id and never sends stock for existing variants', () => {
    const update = write({
      identifier: { id: 'gid://shopify/Product/9' },
      handle: undefined,
      sentosProductId: undefined,
      variants: [
        {
          id: 'gid://shopify/ProductVariant/5',
          sku: 'A-1',
          optionValues: [{ optionName: 'Title', name: 'Default Title' }],
          inventoryQuantities: [{ locationId: 'gid://shopify/Location/1', quantity: 7 }],
        },
      ],
    });
    const line = productSetLine(update);
    expect(line.key).toEqual({ id: 'gid://shopify/Product/9' });
    expect(JSON.parse(line.text).input.variants[0].inventoryQuantities).toBeUndefined();
  });
});

describe('shardLines', () => {
  /** What the sink was given: per file, each write's text. */
  const collect = () => {
    const writes = new Map<number, string[]>();
    return {
      writes,
      write: (shard: number, text: string) => writes.set(shard, [...(writes.get(shard) ?? []), text]),
    };
  };
  const lines = (sizes: number[]): ShardLine[] =>
    sizes.map((n, i) => ({ itemKey: String(i), key: { handle: `h${i}` }, text: 'x'.repeat(n - 1) }));
  it.each([
    ['everything fits one file', [10, 10, 10], 100, [[0, 1, 2]]],
    ['cut when the next line would pass the limit', [40, 40, 40], 100, [[0, 1], [2]]],
    ['exactly the limit fits', [50, 50], 100, [[0, 1]]],
    ['a line larger than the limit goes alone', [10, 200, 10], 100, [[0], [1], [2]]],
    ['nothing: no file', [], 100, []],
  ])('%s', (_name, sizes, max, expected) => {
    const shards = shardLines(lines(sizes), collect(), max);
    expect(shards.map((s) => s.lines.map((l) => Number(l.itemKey)))).toEqual(expected);
    expect(shards.map((s) => s.index)).toEqual(expected.map((_, i) => i));
  });
  it.each([
    [2000, [2000]],
    [2001, [1001, 1000]],
    [10_000, [2000, 2000, 2000, 2000, 2000]],
    [12_001, [2401, 2401, 2401, 2401, 2397]],
  ])('%i lines go in files of %j, run at once', (count, sizes) => {
    const many: ShardLine[] = Array.from({ length: count }, (_, i) => ({
      itemKey: String(i),
      key: { handle: `h${i}` },
      text: 'x',
    }));
    const shards = shardLines(many, collect(), undefined, many.length);
    expect(shards.map((s) => s.lines.length)).toEqual(sizes);
    expect(shards.flatMap((s) => s.lines.map((l) => l.itemKey))).toEqual(many.map((l) => l.itemKey));
  });
  it('counts bytes, not characters (Turkish letters are two bytes in UTF-8)', () => {
    const shards = shardLines(
      [
        { itemKey: 'a', key: { handle: 'a' }, text: 'ğğğğ' },
        { itemKey: 'b', key: { handle: 'b' }, text: 'ğ' },
      ],
      collect(),
      10,
    );
    expect(shards.map((s) => s.bytes)).toEqual([9, 3]);
  });
  it("a file's bytes are its lines, one per line, handed over in a few large writes, not one per line", () => {
    const many: ShardLine[] = Array.from({ length: 3000 }, (_, i) => ({
      itemKey: String(i),
      key: { handle: `h${i}` },
      text: `{"n":${i},"t":"ğ${'x'.repeat(200)}"}`,
    }));
    const sink = collect();
    const shards = shardLines(many, sink, undefined, many.length);
    for (const shard of shards) {
      const writes = sink.writes.get(shard.index) ?? [];
      expect(Buffer.byteLength(writes.join(''))).toBe(shard.bytes);
      const expected = shard.lines.map((l) => `${many[Number(l.itemKey)]!.text}\n`).join('');
      expect(writes.join('')).toBe(expected);
      expect(writes.length).toBeLessThan(shard.lines.length / 100);
    }
  });
});

describe('matchResults', () => {
  const lines: ShardLine[] = [
    { itemKey: 's1', key: { handle: 'sentos-1' }, text: '' },
    { itemKey: 's2', key: { id: 'gid://shopify/Product/2' }, text: '' },
    { itemKey: 's3', key: { handle: 'sentos-3' }, text: '' },
  ];
  const ok = (id: string, handle: string, n?: number) => ({
    data: { productSet: { product: { id, handle }, userErrors: [] } },
    ...(n !== undefined && { __lineNumber: n }),
  });
  const rejected = (message: string, n?: number) => ({
    data: { productSet: { product: null, userErrors: [{ code: 'INVALID', field: ['input', 'title'], message }] } },
    ...(n !== undefined && { __lineNumber: n }),
  });
  const outcome = (results: unknown[]) =>
    Object.fromEntries(matchResults(lines, results.map(parseResultLine)).entries());
  const P = (n: number) => `gid://shopify/Product/${n}`;

  it('matches written products by their own key, whatever the order', () => {
    expect(outcome([ok(P(3), 'sentos-3'), ok(P(2), 'whatever'), ok(P(1), 'sentos-1')])).toEqual({
      s1: { productId: P(1) },
      s2: { productId: P(2) },
      s3: { productId: P(3) },
    });
  });

  it.each([
    ['0-based __lineNumber', [ok(P(1), 'sentos-1', 0), rejected('Title is too long', 1), ok(P(3), 'sentos-3', 2)]],
    ['1-based __lineNumber', [ok(P(3), 'sentos-3', 3), rejected('Title is too long', 2), ok(P(1), 'sentos-1', 1)]],
    ['no __lineNumber, one line per input, in order', [ok(P(1), 'sentos-1'), rejected('Title is too long')]],
  ])('a rejected line fails only its product, with the message: %s', (_name, results) => {
    const map = outcome(results.length === 2 ? [...results, ok(P(3), 'sentos-3')] : results);
    expect(map.s2).toEqual({ failure: 'Shopify rejected the product: Title is too long (input.title)' });
    expect(map.s1).toEqual({ productId: P(1) });
    expect(map.s3).toEqual({ productId: P(3) });
  });

  it('a line nothing answers is a failure to retry, not a success', () => {
    const map = outcome([ok(P(1), 'sentos-1'), rejected('boom')]);
    expect(map.s1).toEqual({ productId: P(1) });
    expect(map.s2?.failure).toMatch(/no line for this product/);
    expect(map.s3?.failure).toMatch(/no line for this product/);
  });

  it('a GraphQL error line and an unreadable line are failures of their line only', () => {
    const map = outcome([{ errors: [{ message: 'Internal error' }], __lineNumber: 0 }, 'junk', ok(P(3), 'sentos-3')]);
    expect(map.s1).toEqual({ failure: 'Shopify rejected the product: Internal error' });
    expect(map.s2).toEqual({ failure: 'Shopify rejected the product: the result line holds no productSet answer' });
    expect(map.s3).toEqual({ productId: P(3) });
  });
});
