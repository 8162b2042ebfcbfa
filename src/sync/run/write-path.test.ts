import { describe, expect, it } from 'vitest';
import { aPlanItem } from '../../../test/builders/plan-item.js';
import type { BulkImportApi, ShopifyClient } from '../../shopify/client.js';
import type { ThrottleStatus } from '../../shopify/throttle.js';
import type { ProductWrite } from '../../shopify/types.js';
import { productSettings } from '../products/settings.js';
import type { PlanItem } from '../products/types.js';
import { splitWrites, writeLanes } from './write-path.js';
import { inFlightFor } from '../../shopify/throttle.js';

const write = (key: string, returnVariants = false): ProductWrite => ({
  identifier: { handle: `sentos-${key}` },
  handle: `sentos-${key}`,
  title: key,
  options: [{ name: 'Title', values: ['Default Title'] }],
  variants: [{ sku: key, optionValues: [{ optionName: 'Title', name: 'Default Title' }] }],
  ...(returnVariants && { returnVariants }),
});

const items = (n: number): PlanItem[] =>
  Array.from({ length: n }, (_, i) =>
    aPlanItem(String(i), write(String(i), i === 0), { sku: `S-${i}`, title: `S-${i}` }),
  );

/** A client double: the bucket it reports and 20 points per productSet; counts the predictions asked. */
function client(bucket: ThrottleStatus | undefined, withPacing = true) {
  const predicted: string[] = [];
  const shopify = {
    bulkImport: {} as BulkImportApi,
    ...(withPacing && {
      costBucket: () => bucket,
      predictProductSetCost: (w: ProductWrite) => {
        predicted.push(w.title!);
        return 20;
      },
    }),
  } as unknown as ShopifyClient;
  return { shopify, predicted };
}

const plus: ThrottleStatus = { maximumAvailable: 20_000, currentlyAvailable: 20_000, restoreRate: 1_000 };
const standard: ThrottleStatus = { maximumAvailable: 2_000, currentlyAvailable: 2_000, restoreRate: 100 };

function split(n: number, shopify: ShopifyClient, bulkQuotaWaitS = 30, journal: unknown = {}) {
  const settings = productSettings({ bulkThreshold: 10, bulkQuotaWaitS });
  const result = splitWrites(items(n), { shopify, settings, bulkJournal: journal });
  return { bulk: result.bulk.length, perCall: result.perCall.length };
}

describe('splitWrites: bulk or one call each', () => {
  it('below products.bulkThreshold: per call, and nothing is predicted', () => {
    const c = client(standard);
    expect(split(9, c.shopify)).toMatchObject({ bulk: 0, perCall: 9 });
    expect(c.predicted).toEqual([]);
  });

  it('a bucket that pays for every write within the wait: per call', () => {
    // Plus: 1,000 × 20 = 20,000 points, all within the bucket.
    const c = client(plus);
    expect(split(1_000, c.shopify)).toMatchObject({ bulk: 0, perCall: 1_000 });
    expect(c.predicted).toHaveLength(1_000);
  });

  it('a bucket that would hold the writes up beyond the wait: bulk (the write needing ids back stays per call)', () => {
    // Standard: (2,000 + 30 s × 100) / 20 = 250 writes fit; the 251st crosses the limit, and no more are predicted.
    const c = client(standard);
    expect(split(1_000, c.shopify)).toMatchObject({ bulk: 999, perCall: 1 });
    expect(c.predicted).toHaveLength(251);
  });

  it('quota wait 0: the count alone decides', () => {
    expect(split(1_000, client(plus).shopify, 0)).toMatchObject({ bulk: 999, perCall: 1 });
  });

  it('no bucket observed yet, or a client that cannot tell: the count alone decides', () => {
    expect(split(20, client(undefined).shopify)).toMatchObject({ bulk: 19, perCall: 1 });
    expect(split(20, client(plus, false).shopify)).toMatchObject({ bulk: 19, perCall: 1 });
  });

  it('without a bulk journal every write is per call', () => {
    expect(split(1_000, client(standard).shopify, 30, null)).toMatchObject({ bulk: 0, perCall: 1_000 });
  });
});

describe('writeLanes: per-call writes overlap what the full bucket pays for', () => {
  const lanes = (bucket: ThrottleStatus | undefined, maxInFlight = 256, n = 100) => {
    const { shopify } = client(bucket);
    const sized = { ...shopify, maxInFlight, inFlightFor: (cost: number) => inFlightFor(bucket, cost, maxInFlight) };
    return writeLanes(items(n), sized);
  };
  it.each([
    ['Plus: 20,000 ÷ 20 = 1,000, capped at shopify.maxInFlight', plus, 256, 256],
    ['Standard: 2,000 ÷ 20 = 100', standard, 256, 100],
    ['a lower shopify.maxInFlight wins', standard, 64, 64],
    ['no bucket known: shopify.maxInFlight', undefined, 256, 256],
  ])('%s', (_name, bucket, max, expected) => {
    expect(lanes(bucket, max)).toBe(expected);
  });

  it('a client that cannot size them: its own bound', () => {
    expect(writeLanes(items(10), { ...client(plus, false).shopify, maxInFlight: 8 })).toBe(8);
  });
});
