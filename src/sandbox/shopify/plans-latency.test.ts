import { afterEach, describe, expect, it } from 'vitest';
import type { LatencyModel, ShopifyCall } from '../latency.js';
import { startSentosSimulator, type SentosSimulator } from '../sentos/index.js';
import { call } from '../sentos/sim-test-kit.js';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql, type GqlResponse } from './test-client.js';

let sim: ShopifySimulator | undefined;
let sentos: SentosSimulator | undefined;
afterEach(async () => {
  await Promise.all([sim?.close(), sentos?.close()]);
  sim = sentos = undefined;
});

const SHOP = '{ shop { name } }';

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

async function costOf(answer: Promise<GqlResponse>): Promise<Cost> {
  return ((await answer).body as { extensions: { cost: Cost } }).extensions.cost;
}
const LOCATIONS = '{ locations(first: 10) { nodes { id } } }';

/** A model whose Shopify latency the test chooses per request, recording what the simulator told it. */
function scripted(shopify: (call: ShopifyCall) => number, sentosMs: (n: number) => number = () => 0) {
  const calls: ShopifyCall[] = [];
  let sentosCalls = 0;
  const model: LatencyModel = {
    setting: 'field',
    shopify: (c) => (calls.push(c), shopify(c)),
    sentos: () => sentosMs(sentosCalls++),
    bulkRun: () => 0,
    describe: () => 'scripted',
  };
  return { model, calls };
}

/** Resolves in completion order, so a test can see which answer came first without timing anything. */
async function completionOrder(requests: Record<string, () => Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(Object.entries(requests).map(([name, run]) => run().then(() => order.push(name))));
  return order;
}

describe('Shopify plans', () => {
  it.each([
    ['standard', 2_000, 100],
    ['advanced', 4_000, 200],
    ['plus', 20_000, 1_000],
    ['enterprise', 40_000, 2_000],
  ] as const)('%s: bucket of %i points restoring %i per second', async (plan, maximumAvailable, restoreRate) => {
    sim = await startShopifySimulator({ orders: 0, plan, clock: () => 0 });
    const cost = await costOf(gql(sim, SHOP));
    expect(cost.throttleStatus).toEqual({
      maximumAvailable,
      restoreRate,
      currentlyAvailable: maximumAvailable - cost.actualQueryCost,
    });
  });

  it('an explicit bucket overrides the plan, and the single-query ceiling stays 1,000', async () => {
    sim = await startShopifySimulator({ orders: 0, plan: 'plus', bucket: { restoreRate: 50 } });
    const status = (await costOf(gql(sim, SHOP))).throttleStatus;
    expect(status).toMatchObject({ maximumAvailable: 20_000, restoreRate: 50 });
    const tooBig = await gql(sim, '{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }');
    expect(tooBig.body).toMatchObject({ errors: [{ extensions: { code: 'MAX_COST_EXCEEDED' } }] });
  });
});

describe('latency', () => {
  it('overlaps requests in flight: a quick one answers while a slow one is still pending', async () => {
    const { model } = scripted((c) => (c.rootFields.includes('locations') ? 400 : 0));
    sim = await startShopifySimulator({ orders: 0, latency: model });
    const order = await completionOrder({ slow: () => gql(sim!, LOCATIONS), quick: () => gql(sim!, SHOP) });
    expect(order).toEqual(['quick', 'slow']);
  });

  it('charges the requested cost on arrival: a request in flight holds its points', async () => {
    const { model } = scripted((c) => (c.rootFields.includes('locations') ? 400 : 0));
    sim = await startShopifySimulator({ orders: 0, latency: model, clock: () => 0 });
    const slow = costOf(gql(sim, LOCATIONS));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the slow request arrive first
    const quick = await costOf(gql(sim, SHOP));
    const slowCost = await slow;
    // While the slow one was in flight, its whole requested cost was out of the bucket.
    expect(quick.throttleStatus.currentlyAvailable).toBe(2_000 - slowCost.requestedQueryCost - quick.actualQueryCost);
    // Once it answered, it was refunded down to its actual cost.
    expect(slowCost.throttleStatus.currentlyAvailable).toBe(2_000 - slowCost.actualQueryCost - quick.actualQueryCost);
  });

  it('tells the model the kind of request and productSet variant count', async () => {
    const { model, calls } = scripted(() => 0);
    sim = await startShopifySimulator({ orders: 0, latency: model });
    await gql(sim, SHOP);
    await gql(
      sim,
      `mutation Upsert($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { ` +
        `message } } }`,
      {
        input: {
          title: 'Klasik Tişört',
          productOptions: [{ name: 'Beden', values: [{ name: 'S' }, { name: 'M' }, { name: 'L' }] }],
          variants: ['S', 'M', 'L'].map((size) => ({
            sku: `TS-${size}`,
            optionValues: [{ optionName: 'Beden', name: size }],
          })),
        },
      },
    );
    expect(calls).toEqual([
      { kind: 'query', rootFields: ['shop'] },
      { kind: 'mutation', rootFields: ['productSet'], variants: 3 },
    ]);
  });

  it('Sentos: requests in flight overlap too', async () => {
    const { model } = scripted(
      () => 0,
      (n) => (n === 0 ? 400 : 0),
    );
    sentos = await startSentosSimulator({ products: 3, latency: model });
    const order = await completionOrder({
      slow: () => call(sentos!, 'GET', '/products?page=1'),
      quick: async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return call(sentos!, 'GET', '/warehouses');
      },
    });
    expect(order).toEqual(['quick', 'slow']);
  });
});
