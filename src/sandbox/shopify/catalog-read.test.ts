import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const CREATE =
  `mutation P($input: ProductSetInput!) { productSet(input: $input) { product { id variants(first: ` +
  `5) { nodes { id inventoryItem { id } } } } userErrors { message } } }`;

async function createProduct(target: ShopifySimulator, title: string, sku: string, barcode?: string) {
  const input = {
    title,
    productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
    variants: [
      {
        sku,
        barcode,
        price: '10.00',
        inventoryItem: { tracked: true },
        optionValues: [{ optionName: 'Title', name: 'Default Title' }],
      },
    ],
  };
  const response = await gql(target, CREATE, { input });
  return response.body.data.productSet.product as {
    id: string;
    variants: { nodes: Array<{ id: string; inventoryItem: { id: string } }> };
  };
}

describe('catalog reads', () => {
  it('pages products by id and filters by updated_at and id', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    sim = await startShopifySimulator({ orders: 0, clock: () => now });
    const created = [];
    for (const n of [1, 2, 3]) {
      created.push(await createProduct(sim, `Ürün ${n}`, `SKU-${n}`));
      now += 60_000;
    }
    const page = (after: string | null) =>
      gql(
        sim as ShopifySimulator,
        'query Q($after: String) { products(first: 2, after: $after, sortKey: ID) { nodes { id } pageInfo { ' +
          'hasNextPage endCursor } } }',
        { after },
      );
    const first = (await page(null)).body.data.products;
    const second = (await page(first.pageInfo.endCursor)).body.data.products;
    expect([...first.nodes, ...second.nodes].map((node: { id: string }) => node.id)).toEqual(
      created.map((product) => product.id),
    );
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    const recent = await gql(sim, 'query Q($q: String) { products(first: 5, query: $q) { nodes { title } } }', {
      q: "updated_at:>'2026-11-27T10:00:30Z'",
    });
    expect(recent.body.data.products.nodes).toEqual([{ title: 'Ürün 2' }, { title: 'Ürün 3' }]);
    const byId = await gql(sim, 'query Q($q: String) { products(first: 5, query: $q) { nodes { title } } }', {
      q: `id:${created[0]?.id.split('/').pop()}`,
    });
    expect(byId.body.data.products.nodes).toEqual([{ title: 'Ürün 1' }]);
  });

  it('resolves nodes of several types, null for unknown ids, and rejects malformed ids', async () => {
    sim = await startShopifySimulator({ orders: 1 });
    const product = await createProduct(sim, 'Kupa', 'KUPA');
    const variant = product.variants.nodes[0];
    const order = sim.state.orders[0];
    const ids = [product.id, variant?.id, variant?.inventoryItem.id, order?.id, 'gid://shopify/Product/1'];
    const response = await gql(sim, `query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(response.body.data.nodes).toEqual([
      { __typename: 'Product', id: ids[0] },
      { __typename: 'ProductVariant', id: ids[1] },
      { __typename: 'InventoryItem', id: ids[2] },
      { __typename: 'Order', id: ids[3] },
      null,
    ]);
    const bad = await gql(sim, '{ node(id: "42") { id } }');
    expect(bad.body.errors[0]).toMatchObject({ message: "Invalid global id '42'", path: ['node'] });
  });

  it('reports duplicate SKUs and barcode search', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    await createProduct(sim, 'Bir', 'DUP-1', '8690000000001');
    await createProduct(sim, 'İki', 'DUP-1');
    const response = await gql(
      sim,
      '{ productVariants(first: 5, query: "barcode:8690000000001") { nodes { sku inventoryItem { ' +
        'duplicateSkuCount } } } }',
    );
    expect(response.body.data.productVariants.nodes).toEqual([
      { sku: 'DUP-1', inventoryItem: { duplicateSkuCount: 1 } },
    ]);
  });

  it('metafieldsSet upserts without touching other metafields and validates list values', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const product = await createProduct(sim, 'Kupa', 'KUPA');
    const SET =
      'mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } ' +
      'userErrors { code field message } } }';
    const row = (key: string, type: string, value: string) => ({
      ownerId: product.id,
      namespace: 'sentos_sync',
      key,
      type,
      value,
    });
    await gql(sim, SET, { m: [row('product_id', 'single_line_text_field', '42')] });
    await gql(sim, SET, { m: [row('image_sources', 'list.url', '["https://cdn.example.com/a.jpg"]')] });
    const bad = await gql(sim, SET, { m: [row('image_sources', 'list.url', 'https://cdn.example.com/a.jpg')] });
    expect(bad.body.data.metafieldsSet).toEqual({
      metafields: null,
      userErrors: [{ code: 'INVALID_VALUE', field: ['metafields', '0', 'value'], message: expect.any(String) }],
    });
    const read = await gql(
      sim,
      'query P($id: ID!) { product(id: $id) { pid: metafield(namespace: "sentos_sync", key: "product_id") { ' +
        'value } metafields(first: 5) { nodes { key } } } }',
      { id: product.id },
    );
    expect(read.body.data.product).toEqual({
      pid: { value: '42' },
      metafields: { nodes: [{ key: 'product_id' }, { key: 'image_sources' }] },
    });
  });

  it('requires first or last on connections, as Shopify does', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(sim, '{ products { nodes { id } } }');
    expect(response.body.errors[0]).toMatchObject({
      message: 'you must provide one of first or last',
      path: ['products'],
    });
  });
});
