import { afterEach, describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../src/core/redact.js';
import { checkBulkQuery } from '../../src/sandbox/shopify/bulk/rules.js';
import { startShopifySimulator, type ShopifySimulator } from '../../src/sandbox/shopify/index.js';
import { loadSchema, SUPPORTED_VERSIONS } from '../../src/sandbox/shopify/schema-loader.js';
import { gql } from '../../src/sandbox/shopify/test-client.js';
import { createShopifyClient, type ShopifyClientOptions } from '../../src/shopify/client.js';
import { BulkCatalogLevels, bulkCatalogProductsDocument } from '../../src/shopify/operations/bulk-catalog-export.js';
import type { ShopifyProduct } from '../../src/shopify/types.js';

/**
 * The client's bulk catalog read against the sandbox (the independent oracle): the same store read by pages
 * and by bulk export must give the same products, and the access token must never reach the file URL.
 */
let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const LOCATIONS = ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza'];
const SET =
  'mutation S($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { message } } }';

/**
 * A varied catalog: 1–4 variants, one or two options, barcodes, compare-at prices, metafields, untracked items, 0–3
 * levels.
 */
async function seedCatalog(target: ShopifySimulator, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const sizes = ['S', 'M', 'L', 'XL'].slice(0, 1 + (n % 4));
    const colours = n % 3 === 0 ? ['Kırmızı', 'Mavi'] : undefined;
    const combos = sizes.flatMap((size) => (colours ?? [undefined]).map((colour) => ({ size, colour })));
    const input = {
      handle: `urun-${n}`,
      title: `Ürün ${n}`,
      vendor: n % 2 ? 'ACME' : 'Tekstil A.Ş.',
      productType: 'Tişört',
      tags: [`t${n % 3}`],
      status: n % 5 ? 'ACTIVE' : 'DRAFT',
      descriptionHtml: `<p>${n}</p>`,
      productOptions: [
        { name: 'Beden', values: sizes.map((name) => ({ name })) },
        ...(colours ? [{ name: 'Renk', values: colours.map((name) => ({ name })) }] : []),
      ],
      variants: combos.map(({ size, colour }, i) => ({
        sku: `U${n}-${size}${colour ? `-${colour}` : ''}`,
        price: `${100 + n}.${i}0`,
        compareAtPrice: i % 2 ? `${200 + n}.00` : null,
        barcode: n % 4 === 0 ? `86900${n}${i}` : undefined,
        inventoryItem: { tracked: n % 7 !== 0 },
        optionValues: [{ optionName: 'Beden', name: size }, ...(colour ? [{ optionName: 'Renk', name: colour }] : [])],
      })),
      metafields:
        n % 2 === 0
          ? [
              { namespace: 'sentos_sync', key: 'product_id', type: 'single_line_text_field', value: String(1000 + n) },
              {
                namespace: 'sentos_sync',
                key: 'image_sources',
                type: 'json',
                value: JSON.stringify([`https://img.example.com/${n}.jpg`]),
              },
            ]
          : [],
    };
    const response = await gql(target, SET, { input });
    expect(response.body.data.productSet.userErrors).toEqual([]);
    combos.forEach(({ size, colour }, i) => {
      for (const [l, location] of LOCATIONS.entries())
        if (l < (n + i) % 4)
          target.state.setAvailable(`U${n}-${size}${colour ? `-${colour}` : ''}`, location, n * 10 + i + l);
    });
  }
}

function client(target: ShopifySimulator, overrides: Partial<ShopifyClientOptions> = {}) {
  return createShopifyClient({
    store: target.url,
    auth: { type: 'token', accessToken: target.accessToken },
    secrets: new SecretRegistry(),
    bulkThreshold: 10,
    // No expected duration: the polls double from 2 ms instead of waiting for a real export's 3 s estimate
    // (poll-schedule.ts), which a simulator finishing after `pollsToComplete` polls would spend idle.
    bulkPolling: { initialDelayMs: 2, maxDelayMs: 10, estimate: null, timeoutMs: 10_000 },
    ...overrides,
  });
}

async function readAll(pages: AsyncIterable<ShopifyProduct[]>): Promise<ShopifyProduct[]> {
  const products: ShopifyProduct[] = [];
  for await (const page of pages) products.push(...page);
  return products.sort((a, b) => a.id.localeCompare(b.id));
}

describe('bulk catalog read against the sandbox', () => {
  it('yields exactly the products the paginated read yields, and never sends the token to the file URL', async () => {
    sim = await startShopifySimulator({ orders: 0, bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } });
    await seedCatalog(sim, 16);
    const shopify = client(sim);
    const paged = await readAll(shopify.listProducts({ mode: 'paginated' }));
    sim.resetStats();
    const bulk = await readAll(shopify.listProducts());
    expect(bulk).toHaveLength(16);
    expect(bulk).toEqual(paged);
    expect(new Set(bulk.flatMap((p) => p.variants.map((v) => v.levels.length)))).toEqual(new Set([0, 1, 2, 3]));
    expect(
      bulk.some((p) => p.sentosProductId && p.imageSources && p.variants.some((v) => v.compareAtPrice && v.barcode)),
    ).toBe(true);
    const stats = sim.stats();
    expect(stats.requests.byOperation).toMatchObject({ productsCount: 1, bulkOperationRunQuery: 2 });
    expect(stats.requests.byOperation.products).toBeUndefined();
    expect(stats.bulkDownloads).toEqual({ total: 2, withAccessToken: 0 });
    // Fewer levels asked per variant than some items have: the overflow read completes them, same products.
    expect(await readAll(shopify.listProducts({ mode: 'paginated', levelsFirst: 1 }))).toEqual(paged);
  });

  it('pages a catalog cheaper to page than to export, with the same search; exports once variants grow', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    await seedCatalog(sim, 1); // one product of two variants: ≈ 39 points paged at one level per variant
    const small = await readAll(client(sim).listProducts({ query: 'tag:t0', levelsFirst: 1 }));
    expect(small.map((p) => p.handle)).toEqual(['urun-0']);
    expect(sim.stats().requests.byOperation).toMatchObject({ productsCount: 1, productVariantsCount: 1, products: 1 });
    expect(sim.state.bulkOperations).toEqual([]);
    // Still 2 products, far under the threshold of 10, but 12 variants: pages would cost more than an export.
    const sizes = Array.from({ length: 10 }, (_, i) => `B${i}`);
    const wide = await gql(sim, SET, {
      input: {
        handle: 'genis',
        title: 'Geniş',
        tags: ['t9'],
        productOptions: [{ name: 'Beden', values: sizes.map((name) => ({ name })) }],
        variants: sizes.map((name) => ({
          sku: `G-${name}`,
          price: '10.00',
          optionValues: [{ optionName: 'Beden', name }],
        })),
      },
    });
    expect(wide.body.data.productSet.userErrors).toEqual([]);
    sim.resetStats();
    const grown = await readAll(client(sim).listProducts({ query: 'tag:t0', levelsFirst: 1 }));
    expect(grown.map((p) => p.handle)).toEqual(['urun-0']);
    expect(sim.stats().requests.byOperation).toMatchObject({ bulkOperationRunQuery: 2 });
    expect(sim.stats().requests.byOperation.products).toBeUndefined();
  });

  it('limits the export by the search and works on the previous API version', async () => {
    sim = await startShopifySimulator({ orders: 0, bulk: { pollsToComplete: 3 } });
    await seedCatalog(sim, 12);
    const shopify = client(sim, { apiVersion: '2026-07', bulkThreshold: 0 });
    const bulk = await readAll(shopify.listProducts({ query: 'status:draft' }));
    expect(bulk.map((p) => p.handle)).toEqual(['urun-0', 'urun-5', 'urun-10']);
    expect(bulk).toEqual(await readAll(shopify.listProducts({ query: 'status:draft', mode: 'paginated' })));
    expect(sim.state.bulkOperations.map((op) => op.status)).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('surfaces a failed export as an error, with nothing yielded', async () => {
    sim = await startShopifySimulator({ orders: 0, bulk: { pollsToComplete: 1, failWith: 'INTERNAL_SERVER_ERROR' } });
    await seedCatalog(sim, 12);
    const yielded: unknown[] = [];
    const read = async () => {
      for await (const page of client(sim!).listProducts()) yielded.push(page);
    };
    await expect(read()).rejects.toMatchObject({
      code: 'BULK_FAILED',
      message: expect.stringContaining('INTERNAL_SERVER_ERROR'),
    });
    expect(yielded).toEqual([]);
  });

  it.each(SUPPORTED_VERSIONS)('the inner export documents meet the bulk rules of admin %s', (version) => {
    for (const document of [
      bulkCatalogProductsDocument(),
      bulkCatalogProductsDocument('status:active'),
      BulkCatalogLevels.document,
    ]) {
      const checked = checkBulkQuery(loadSchema(version), document);
      expect('errors' in checked ? checked.errors : []).toEqual([]);
    }
  });
});
