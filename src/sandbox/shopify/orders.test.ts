import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const NOW = Date.parse('2026-11-27T10:00:00Z');
const PAGE = `query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { id name updatedAt displayFinancialStatus displayFulfillmentStatus cancelledAt
      totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
      lineItems(first: 10) { nodes { sku quantity currentQuantity variant { id } } }
      fulfillments { trackingInfo { company number url } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allPages(target: ShopifySimulator, query: string, first: number) {
  const names: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const response = await gql(target, PAGE, { first, after, query });
    const orders = response.body.data.orders;
    names.push(...orders.nodes.map((node: { name: string }) => node.name));
    if (!orders.pageInfo.hasNextPage) break;
    after = orders.pageInfo.endCursor;
  }
  return names;
}

async function catalogSim(clock: () => number) {
  const target = await startShopifySimulator({ orders: 12, clock });
  const depot = target.state.locations[0]?.id;
  const input = {
    title: 'Kupa',
    productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
    variants: [
      {
        sku: 'KUPA-1',
        price: '189.90',
        inventoryItem: { tracked: true },
        optionValues: [{ optionName: 'Title', name: 'Default Title' }],
        inventoryQuantities: [{ locationId: depot, name: 'available', quantity: 10 }],
      },
    ],
  };
  await gql(target, 'mutation P($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }', {
    input,
  });
  return target;
}

describe('orders', () => {
  it('pages through updated_at:> results in updatedAt order without gaps or repeats', async () => {
    sim = await startShopifySimulator({ orders: 12, clock: () => NOW });
    const since = '2026-11-24T00:00:00Z';
    const expected = sim.state.orders
      .filter((order) => order.updatedAt > since)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
      .map((order) => order.name);
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(12);
    expect(await allPages(sim, `updated_at:>'${since}'`, 2)).toEqual(expected);
  });

  it.each([
    ['status:cancelled', (o: { cancelledAt: string | null }) => o.cancelledAt !== null],
    ['financial_status:refunded', (o: { financialStatus: string }) => o.financialStatus === 'REFUNDED'],
    ['fulfillment_status:shipped', (o: { fulfillments: unknown[] }) => o.fulfillments.length > 0],
    ['name:#1003', (o: { name: string }) => o.name === '#1003'],
  ])('filters %s', async (query, predicate) => {
    sim = await startShopifySimulator({ orders: 12, clock: () => NOW });
    const expected = sim.state.orders
      .filter(predicate as (o: unknown) => boolean)
      .map((order) => order.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await allPages(sim, query, 5)).sort()).toEqual(expected);
  });

  it('placeOrder acts as checkout: available −q, committed +q, the order is newest by updatedAt', async () => {
    let now = NOW;
    sim = await catalogSim(() => now);
    now += 1000;
    const order = sim.state.placeOrder({ lines: [{ sku: 'KUPA-1', quantity: 3 }] });
    expect(sim.state.levels('KUPA-1')).toEqual([
      expect.objectContaining({ locationName: 'Merkez Depo', available: 7, committed: 3, on_hand: 10 }),
    ]);
    const newest = await gql(sim, PAGE, { first: 1, query: `updated_at:>'${new Date(NOW).toISOString()}'` });
    expect(newest.body.data.orders.nodes).toEqual([
      expect.objectContaining({
        id: order.id,
        displayFinancialStatus: 'PAID',
        lineItems: {
          nodes: [
            { sku: 'KUPA-1', quantity: 3, currentQuantity: 3, variant: { id: sim.state.variantBySku('KUPA-1')?.id } },
          ],
        },
        totalPriceSet: {
          shopMoney: { amount: '619.6', currencyCode: 'TRY' },
          presentmentMoney: { amount: '619.6', currencyCode: 'TRY' },
        },
      }),
    ]);
  });

  it('fulfillOrder and cancelOrder bump updatedAt and show up in the API', async () => {
    let now = NOW;
    sim = await catalogSim(() => now);
    const shipped = sim.state.placeOrder({ lines: [{ sku: 'KUPA-1', quantity: 1 }] });
    const cancelled = sim.state.placeOrder({ lines: [{ sku: 'KUPA-1', quantity: 2 }] });
    now += 60_000;
    sim.state.fulfillOrder(shipped.id, {
      trackingCompany: 'Aras Kargo',
      trackingNumber: '123',
      trackingUrl: 'https://kargo.example/123',
    });
    sim.state.cancelOrder(cancelled.id);
    expect(sim.state.levels('KUPA-1')[0]).toMatchObject({ available: 9, committed: 0, on_hand: 9 });
    const changed = await gql(sim, PAGE, { first: 10, query: `updated_at:>'${new Date(NOW).toISOString()}'` });
    expect(changed.body.data.orders.nodes).toEqual([
      expect.objectContaining({
        id: shipped.id,
        displayFulfillmentStatus: 'FULFILLED',
        fulfillments: [{ trackingInfo: [{ company: 'Aras Kargo', number: '123', url: 'https://kargo.example/123' }] }],
      }),
      expect.objectContaining({
        id: cancelled.id,
        displayFinancialStatus: 'REFUNDED',
        cancelledAt: new Date(now).toISOString(),
        lineItems: { nodes: [expect.objectContaining({ currentQuantity: 0 })] },
      }),
    ]);
  });

  it('serves seeded money in shop and presentment currency and a line without SKU', async () => {
    sim = await startShopifySimulator({ orders: 10, clock: () => NOW });
    const eur = sim.state.orders.find((order) => order.presentmentCurrencyCode === 'EUR');
    const response = await gql(
      sim,
      'query O($id: ID!) { order(id: $id) { totalPriceSet { shopMoney { currencyCode } presentmentMoney { ' +
        'currencyCode } } } }',
      { id: eur?.id },
    );
    expect(response.body.data.order.totalPriceSet).toEqual({
      shopMoney: { currencyCode: 'TRY' },
      presentmentMoney: { currencyCode: 'EUR' },
    });
    // first: 50 would exceed the 1000-point limit
    const custom = await gql(sim, PAGE, { first: 10, query: 'status:any' });
    const lines = custom.body.data.orders.nodes.flatMap(
      (node: { lineItems: { nodes: unknown[] } }) => node.lineItems.nodes,
    );
    expect(lines).toContainEqual({ sku: null, quantity: 1, currentQuantity: 1, variant: null });
  });
});
