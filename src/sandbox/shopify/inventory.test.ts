import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { code field message }
  }
}`;
const SET_WITHOUT_KEY = `mutation Set($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) { userErrors { code field message } }
}`;
const ACTIVATE =
  `mutation A($item: ID!, $location: ID!, $key: String!) {
  inventoryActivate(inventoryItemId: $item, locationId: $location, available: 4) @idempotent(key: $key) {
    inventoryLevel { isActive quantities(names: ["available", "on_hand"]) { name quantity } } userErrors { ` +
  `field message }
  }
}`;

/** One tracked two-variant product stocked at Merkez Depo only (A: 10, B: 5). */
async function withCatalog(version?: string) {
  const target = await startShopifySimulator({ orders: 0 });
  const [depot, shop] = target.state.locations;
  const variant = (sku: string, size: string, quantity: number) => ({
    sku,
    price: '100.00',
    inventoryItem: { tracked: true },
    optionValues: [{ optionName: 'Beden', name: size }],
    inventoryQuantities: [{ locationId: depot?.id, name: 'available', quantity }],
  });
  const input = {
    title: 'Kupa',
    productOptions: [{ name: 'Beden', values: [{ name: 'S' }, { name: 'M' }] }],
    variants: [variant('A', 'S', 10), variant('B', 'M', 5)],
  };
  await gql(
    target,
    'mutation P($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }',
    { input },
    { version },
  );
  const itemA = target.state.inventoryItemBySku('A')?.id as string;
  const itemB = target.state.inventoryItemBySku('B')?.id as string;
  return { target, depot: depot?.id as string, shop: shop?.id as string, itemA, itemB };
}

const row = (
  inventoryItemId: string,
  locationId: string,
  quantity: number,
  changeFromQuantity: number | null = null,
) => ({ inventoryItemId, locationId, quantity, changeFromQuantity });
const input = (quantities: unknown[]) => ({
  name: 'available',
  reason: 'correction',
  referenceDocumentUri: 'gid://sentos-sync/SyncRun/1',
  quantities,
});

describe('inventorySetQuantities', () => {
  it('fails without @idempotent before applying anything (required since 2026-04)', async () => {
    const { target, depot, itemA } = await withCatalog();
    sim = target;
    const response = await gql(sim, SET_WITHOUT_KEY, { input: input([row(itemA, depot, 3)]) });
    expect(response.body).toEqual({
      errors: [
        {
          message: 'The @idempotent directive is required for this mutation but was not provided.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(sim.state.available('A', depot)).toBe(10);
  });

  it(
    'applies with a key, and a replay of the same key returns the original result without ' + 'applying again',
    async () => {
      const { target, depot, itemA } = await withCatalog();
      sim = target;
      const variables = { key: 'k-1', input: input([row(itemA, depot, 3)]) };
      const first = await gql(sim, SET, variables);
      expect(first.body.data.inventorySetQuantities).toMatchObject({
        userErrors: [],
        inventoryAdjustmentGroup: {
          reason: 'correction',
          changes: [
            { name: 'available', delta: -7, quantityAfterChange: 3, item: { id: itemA }, location: { id: depot } },
            { name: 'on_hand', delta: -7 },
          ],
        },
      });
      sim.state.setAvailable('A', depot, 8); // a sale or a count happens in between
      const replay = await gql(sim, SET, variables);
      expect(replay.body.data).toEqual(first.body.data);
      expect(sim.state.available('A', depot)).toBe(8);
      expect(sim.stats()).toMatchObject({
        idempotentReplays: 1,
        requests: { mutations: 3, byOperation: { productSet: 1, inventorySetQuantities: 2 } },
      });
    },
  );

  it('answers IDEMPOTENCY_KEY_PARAMETER_MISMATCH for a reused key with other parameters', async () => {
    const { target, depot, itemA } = await withCatalog();
    sim = target;
    await gql(sim, SET, { key: 'k-2', input: input([row(itemA, depot, 3)]) });
    const reused = await gql(sim, SET, { key: 'k-2', input: input([row(itemA, depot, 4)]) });
    expect(reused.body.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [
        {
          code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
          field: null,
          message: 'The same idempotency key cannot be used with different operation parameters.',
        },
      ],
    });
    expect(sim.state.available('A', depot)).toBe(3);
  });

  it('fails the whole call when one row has a stale changeFromQuantity', async () => {
    const { target, depot, itemA, itemB } = await withCatalog();
    sim = target;
    const response = await gql(sim, SET, {
      key: 'k-3',
      input: input([row(itemA, depot, 1, 10), row(itemB, depot, 2, 4)]),
    });
    expect(response.body.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [
        {
          code: 'CHANGE_FROM_QUANTITY_STALE',
          field: ['input', 'quantities', '1', 'changeFromQuantity'],
          message: expect.any(String),
        },
      ],
    });
    expect([sim.state.available('A', depot), sim.state.available('B', depot)]).toEqual([10, 5]);
  });

  it('requires changeFromQuantity on every row (null opts out of the compare)', async () => {
    const { target, depot, itemA } = await withCatalog();
    sim = target;
    const response = await gql(sim, SET, {
      key: 'k-4',
      input: input([{ inventoryItemId: itemA, locationId: depot, quantity: 1 }]),
    });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'InventoryQuantityInput must include the following argument: changeFromQuantity.',
        extensions: { code: 'INVALID_FIELD_ARGUMENTS' },
      }),
    ]);
    expect(sim.state.available('A', depot)).toBe(10);
  });

  it.each([
    [
      'a duplicate item and location pair',
      (ids: Ids) => [row(ids.itemA, ids.depot, 1), row(ids.itemA, ids.depot, 2)],
      'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
      ['input', 'quantities', '1'],
    ],
    [
      'an unknown item',
      (ids: Ids) => [row('gid://shopify/InventoryItem/1', ids.depot, 1)],
      'INVALID_INVENTORY_ITEM',
      ['input', 'quantities', '0', 'inventoryItemId'],
    ],
    [
      'a negative quantity',
      (ids: Ids) => [row(ids.itemA, ids.depot, -1)],
      'INVALID_QUANTITY_NEGATIVE',
      ['input', 'quantities', '0', 'quantity'],
    ],
  ])('refuses %s', async (_label, rows, code, field) => {
    const ids = await withCatalog();
    sim = ids.target;
    const response = await gql(sim, SET, { key: `k-${code}`, input: input(rows(ids)) });
    expect(response.body.data.inventorySetQuantities.userErrors).toEqual([
      { code, field, message: expect.any(String) },
    ]);
  });

  it('refuses an unknown reason', async () => {
    const { target, depot, itemA } = await withCatalog();
    sim = target;
    const response = await gql(sim, SET, { key: 'k-5', input: { ...input([row(itemA, depot, 1)]), reason: 'sync' } });
    expect(response.body.data.inventorySetQuantities.userErrors).toEqual([
      { code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The specified reason is invalid.' },
    ]);
  });

  it.each([
    ['2026-10 stocks the item at a new location', '2026-10', [], 6],
    [
      '2026-07 answers ITEM_NOT_STOCKED_AT_LOCATION',
      '2026-07',
      [
        {
          code: 'ITEM_NOT_STOCKED_AT_LOCATION',
          field: ['input', 'quantities', '0', 'locationId'],
          message: expect.any(String),
        },
      ],
      undefined,
    ],
  ])('%s', async (_label, version, userErrors, available) => {
    const { target, shop, itemA } = await withCatalog(version);
    sim = target;
    const response = await gql(sim, SET, { key: 'k-6', input: input([row(itemA, shop, 6)]) }, { version });
    expect(response.body.data.inventorySetQuantities.userErrors).toEqual(userErrors);
    expect(sim.state.available('A', shop)).toBe(available);
  });
});

type Ids = Awaited<ReturnType<typeof withCatalog>>;

describe('inventoryActivate and inventoryItemUpdate', () => {
  it('activates a level with a quantity, once per key', async () => {
    const { target, shop, itemB } = await withCatalog();
    sim = target;
    const response = await gql(sim, ACTIVATE, { item: itemB, location: shop, key: 'a-1' });
    expect(response.body.data.inventoryActivate).toEqual({
      inventoryLevel: {
        isActive: true,
        quantities: [
          { name: 'available', quantity: 4 },
          { name: 'on_hand', quantity: 4 },
        ],
      },
      userErrors: [],
    });
    expect(sim.state.available('B', shop)).toBe(4);
    const missingKey = await gql(
      sim,
      'mutation A($i: ID!, $l: ID!) { inventoryActivate(inventoryItemId: $i, locationId: $l) { userErrors { ' +
        'message } } }',
      { i: itemB, l: shop },
    );
    expect(missingKey.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('switches tracking', async () => {
    const { target, itemA } = await withCatalog();
    sim = target;
    const response = await gql(
      sim,
      'mutation T($id: ID!) { inventoryItemUpdate(id: $id, input: { tracked: false }) { inventoryItem { id ' +
        'tracked } userErrors { message } } }',
      { id: itemA },
    );
    expect(response.body.data.inventoryItemUpdate).toEqual({
      inventoryItem: { id: itemA, tracked: false },
      userErrors: [],
    });
    expect(sim.state.inventoryItemBySku('A')?.tracked).toBe(false);
  });

  it('refuses @idempotent on a mutation that does not support it', async () => {
    const { target } = await withCatalog();
    sim = target;
    const response = await gql(
      sim,
      'mutation { productSet(input: { title: "X" }) @idempotent(key: "x") { userErrors { message } } }',
    );
    expect(response.body.errors[0]).toMatchObject({
      message: 'The @idempotent directive is not supported on productSet.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
