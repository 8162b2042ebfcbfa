import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const UPSERT =
  `mutation Upsert($identifier: ProductSetIdentifiers, $input: ProductSetInput!, $synchronous: Boolean) {
  productSet(identifier: $identifier, input: $input, synchronous: $synchronous) {
    product { id handle title variants(first: 50) { nodes { id sku price compareAtPrice inventoryItem { id ` +
  `tracked } selectedOptions { name value } } } }
    productSetOperation { id status }
    userErrors { code field message }
  }
}`;

type VariantSpec = { id?: string; color: string; size: string; sku: string; price?: string };

function teeInput(handle: string, variants: VariantSpec[], extra: Record<string, unknown> = {}) {
  return {
    handle,
    title: 'Klasik Tişört',
    status: 'ACTIVE',
    productOptions: [
      { name: 'Renk', values: [...new Set(variants.map((v) => v.color))].map((name) => ({ name })) },
      { name: 'Beden', values: [...new Set(variants.map((v) => v.size))].map((name) => ({ name })) },
    ],
    variants: variants.map((v) => ({
      ...(v.id ? { id: v.id } : {}),
      sku: v.sku,
      price: v.price ?? '349.90',
      inventoryItem: { sku: v.sku, tracked: true },
      optionValues: [
        { optionName: 'Renk', name: v.color },
        { optionName: 'Beden', name: v.size },
      ],
    })),
    ...extra,
  };
}

const FOUR: VariantSpec[] = [
  { color: 'Kırmızı', size: 'S', sku: 'TS-K-S' },
  { color: 'Kırmızı', size: 'M', sku: 'TS-K-M' },
  { color: 'Mavi', size: 'S', sku: 'TS-M-S' },
  { color: 'Mavi', size: 'M', sku: 'TS-M-M' },
];

async function upsert(target: ShopifySimulator, variables: Record<string, unknown>) {
  const response = await gql(target, UPSERT, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.productSet;
}

describe('productSet', () => {
  it('creates, then an update that omits a variant deletes it and its inventory item', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const created = await upsert(sim, { identifier: { handle: 'tisort-1001' }, input: teeInput('tisort-1001', FOUR) });
    expect(created.userErrors).toEqual([]);
    const nodes = created.product.variants.nodes as Array<{ id: string; sku: string; inventoryItem: { id: string } }>;
    expect(nodes.map((n) => n.sku)).toEqual(['TS-K-S', 'TS-K-M', 'TS-M-S', 'TS-M-M']);
    const kept = FOUR.slice(0, 3).map((spec, index) => ({
      ...spec,
      id: nodes[index]?.id,
      price: index === 0 ? '399.90' : spec.price,
    }));
    const updated = await upsert(sim, { identifier: { id: created.product.id }, input: teeInput('tisort-1001', kept) });
    expect(updated.userErrors).toEqual([]);
    expect(updated.product.variants.nodes).toMatchObject([
      { id: nodes[0]?.id, sku: 'TS-K-S', price: '399.90' },
      { id: nodes[1]?.id },
      { id: nodes[2]?.id },
    ]);
    expect(sim.state.variantBySku('TS-M-M')).toBeUndefined();
    expect(sim.state.inventoryItems.map((item) => item.id)).not.toContain(nodes[3]?.inventoryItem.id);
    expect(sim.state.products).toHaveLength(1);
  });

  it(
    'upserts by handle: twice gives one product; variants sent without ids are recreated, with ids nothing ' +
      'changes',
    async () => {
      let now = Date.parse('2026-11-27T10:00:00Z');
      sim = await startShopifySimulator({ orders: 0, clock: () => now });
      const variables = { identifier: { handle: 'tisort-2002' }, input: teeInput('tisort-2002', FOUR.slice(0, 2)) };
      const first = await upsert(sim, variables);
      now += 60_000;
      const second = await upsert(sim, variables);
      expect(second.product.id).toBe(first.product.id);
      expect(sim.state.products).toHaveLength(1);
      // "id: Specifies the product variant to update or create a new variant if absent" (schema 2026-10).
      expect(second.product.variants.nodes[0].id).not.toBe(first.product.variants.nodes[0].id);
      const ids = (second.product.variants.nodes as Array<{ id: string }>).map((node) => node.id);
      const withIds = teeInput(
        'tisort-2002',
        FOUR.slice(0, 2).map((spec, index) => ({ ...spec, id: ids[index] })),
      );
      now += 60_000;
      const third = await upsert(sim, { identifier: { handle: 'tisort-2002' }, input: withIds });
      expect(third.product.variants.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
      expect(sim.state.products[0]?.updatedAt).toBe('2026-11-27T10:01:00.000Z');
    },
  );

  it.each([
    [
      'an identifier handle the input does not carry',
      { identifier: { handle: 'a' }, input: { title: 'T' } },
      'MISSING_FIELD_REQUIRED',
      ['input', 'handle'],
    ],
    [
      'an identifier handle that differs from input.handle',
      { identifier: { handle: 'a' }, input: { title: 'T', handle: 'b' } },
      'INPUT_MISMATCH',
      ['input', 'handle'],
    ],
    [
      'an unknown product id',
      { identifier: { id: 'gid://shopify/Product/1' }, input: { title: 'T' } },
      'NOT_FOUND',
      ['identifier', 'id'],
    ],
    [
      'variants without options',
      { input: { title: 'T', variants: [{ optionValues: [] }] } },
      'PRODUCT_OPTIONS_INPUT_MISSING',
      ['input', 'productOptions'],
    ],
    [
      'options without variants',
      { input: { title: 'T', productOptions: [{ name: 'Renk', values: [{ name: 'Mavi' }] }] } },
      'VARIANTS_INPUT_MISSING',
      ['input', 'variants'],
    ],
    [
      'four options',
      {
        input: teeInput('x', FOUR.slice(0, 1), {
          productOptions: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: [{ name: 'v' }] })),
        }),
      },
      'OPTIONS_OVER_LIMIT',
      ['input', 'productOptions'],
    ],
    [
      'a variant naming a value the option lacks',
      {
        input: teeInput('x', [{ ...FOUR[0], color: 'Yeşil' } as VariantSpec], {
          productOptions: [
            { name: 'Renk', values: [{ name: 'Mavi' }] },
            { name: 'Beden', values: [{ name: 'S' }] },
          ],
        }),
      },
      'OPTION_VALUE_DOES_NOT_EXIST',
      ['input', 'variants', '0', 'optionValues', '0'],
    ],
    [
      'two variants with one combination',
      { input: teeInput('x', [FOUR[0] as VariantSpec, { ...FOUR[0], sku: 'OTHER' } as VariantSpec]) },
      'INVALID_VARIANT',
      ['input', 'variants', '1', 'optionValues'],
    ],
  ])('refuses %s', async (_label, variables, code, field) => {
    sim = await startShopifySimulator({ orders: 0 });
    const result = await upsert(sim, variables);
    expect(result.product).toBeNull();
    expect(result.userErrors).toContainEqual({ code, field, message: expect.any(String) });
    expect(sim.state.products).toHaveLength(0);
  });

  it('rejects an explicit handle owned by another product (HANDLE_NOT_UNIQUE)', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    await upsert(sim, { identifier: { handle: 'taken' }, input: teeInput('taken', FOUR.slice(0, 1)) });
    const result = await upsert(sim, { input: { ...teeInput('taken', FOUR.slice(1, 2)) } });
    expect(result.userErrors).toEqual([
      {
        code: 'HANDLE_NOT_UNIQUE',
        field: ['input', 'handle'],
        message: 'Handle already in use. Please provide a new handle.',
      },
    ]);
  });

  it('creates the default variant, an untracked item, and a generated handle when given only a title', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const result = await upsert(sim, { input: { title: 'Çelik Kupa' } });
    expect(result.product).toMatchObject({
      handle: 'celik-kupa',
      variants: {
        nodes: [
          {
            sku: null,
            price: '0.00',
            inventoryItem: { tracked: false },
            selectedOptions: [{ name: 'Title', value: 'Default Title' }],
          },
        ],
      },
    });
    expect((await upsert(sim, { input: { title: 'Çelik Kupa' } })).product.handle).toBe('celik-kupa-1');
  });

  it('upserts by customId and replaces the metafield list', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const metafield = { namespace: 'sentos_sync', key: 'product_id', type: 'single_line_text_field', value: '42' };
    const identifier = { customId: { namespace: 'sentos_sync', key: 'product_id', value: '42' } };
    const first = await upsert(sim, {
      identifier,
      input: { ...teeInput('kupa-42', FOUR.slice(0, 1)), metafields: [metafield] },
    });
    const second = await upsert(sim, {
      identifier,
      input: { ...teeInput('kupa-42', FOUR.slice(0, 1)), title: 'Yeni Ad', metafields: [metafield] },
    });
    expect(second.product).toMatchObject({ id: first.product.id, title: 'Yeni Ad' });
    const mismatch = await upsert(sim, {
      identifier,
      input: { title: 'T', metafields: [{ ...metafield, value: '43' }] },
    });
    expect(mismatch.userErrors[0]).toMatchObject({ code: 'METAFIELD_MISMATCH' });
  });

  it('stocks new variants from inventoryQuantities and stores media from files', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const [depot] = sim.state.locations;
    const input = teeInput('stoklu', FOUR.slice(0, 1), {
      files: [{ originalSource: 'https://cdn.example.com/a.jpg', alt: 'Ön', contentType: 'IMAGE' }],
    });
    (input.variants[0] as Record<string, unknown>).inventoryQuantities = [
      { locationId: depot?.id, name: 'available', quantity: 7 },
    ];
    await upsert(sim, { identifier: { handle: 'stoklu' }, input });
    expect(sim.state.available('TS-K-S', 'Merkez Depo')).toBe(7);
    const media = await gql(
      sim,
      '{ products(first: 1, query: "handle:stoklu") { nodes { media(first: 5) { nodes { ... on MediaImage { alt ' +
        'image { url } } } } } } }',
    );
    // Processed by the time of the next request; served from Shopify's CDN, not from the source URL.
    expect(media.body.data.products.nodes[0].media.nodes).toEqual([
      { alt: 'Ön', image: { url: expect.stringMatching(/^https:\/\/cdn\.shopify\.com\/.*\/a\.jpg\?v=\d+$/) } },
    ]);
  });

  it('runs synchronous: false at once and reports a COMPLETE operation', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const result = await upsert(sim, { input: teeInput('async', FOUR.slice(0, 1)), synchronous: false });
    expect(result).toMatchObject({ product: null, productSetOperation: { status: 'COMPLETE' }, userErrors: [] });
    const poll = await gql(sim, 'query P($id: ID!) { productOperation(id: $id) { status product { handle } } }', {
      id: result.productSetOperation.id,
    });
    expect(poll.body.data.productOperation).toEqual({ status: 'COMPLETE', product: { handle: 'async' } });
  });

  it('finds variants by SKU with tokenised, case-insensitive search (clients must compare exactly)', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    await upsert(sim, { input: teeInput('arama', FOUR) });
    const search = await gql(sim, 'query V($q: String!) { productVariants(first: 10, query: $q) { nodes { sku } } }', {
      q: 'sku:"ts-k"',
    });
    expect(search.body.data.productVariants.nodes.map((node: { sku: string }) => node.sku)).toEqual([
      'TS-K-S',
      'TS-K-M',
    ]);
    const exact = await gql(sim, 'query V($q: String!) { productVariants(first: 10, query: $q) { nodes { sku } } }', {
      q: 'sku:"TS-M-M"',
    });
    expect(exact.body.data.productVariants.nodes).toEqual([{ sku: 'TS-M-M' }]);
  });

  it('productUpdate changes only the given fields and upserts metafields', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const created = await upsert(sim, {
      input: {
        ...teeInput('durum', FOUR.slice(0, 2)),
        status: 'DRAFT',
        metafields: [{ namespace: 'ns', key: 'a', type: 'single_line_text_field', value: '1' }],
      },
    });
    const UPDATE =
      'mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id status title ' +
      'variantsCount { count } metafields(first: 5) { nodes { key value } } } userErrors { field message } } }';
    const response = await gql(sim, UPDATE, {
      p: {
        id: created.product.id,
        status: 'ACTIVE',
        metafields: [{ namespace: 'ns', key: 'b', type: 'single_line_text_field', value: '2' }],
      },
    });
    expect(response.body.data.productUpdate).toEqual({
      product: {
        id: created.product.id,
        status: 'ACTIVE',
        title: 'Klasik Tişört',
        variantsCount: { count: 2 },
        metafields: {
          nodes: [
            { key: 'a', value: '1' },
            { key: 'b', value: '2' },
          ],
        },
      },
      userErrors: [],
    });
    const missing = await gql(sim, UPDATE, { p: { id: 'gid://shopify/Product/1', status: 'ACTIVE' } });
    expect(missing.body.data.productUpdate).toEqual({
      product: null,
      userErrors: [{ field: ['product', 'id'], message: 'Product does not exist' }],
    });
  });
});
