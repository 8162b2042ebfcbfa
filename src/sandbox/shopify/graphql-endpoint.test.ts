import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SHOP = '{ shop { name currencyCode } }';

describe('GraphQL endpoint', () => {
  it('answers a valid query with data and extensions.cost', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(sim, `{ shop { name currencyCode } locations(first: 5) { nodes { name isActive } } }`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      data: {
        shop: { name: 'Sandbox Mağaza', currencyCode: 'TRY' },
        locations: { nodes: expect.arrayContaining([{ name: 'Merkez Depo', isActive: true }]) },
      },
      extensions: {
        cost: {
          requestedQueryCost: 8,
          actualQueryCost: 6,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
        },
      },
    });
    expect(response.body.errors).toBeUndefined();
  });

  it('rejects a document that does not validate against the schema, without data', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(sim, '{ shop { name zzqx } }');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Cannot query field "zzqx" on type "Shop".',
          locations: [{ line: 1, column: 15 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it.each([
    ['a syntax error', '{ shop { name ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown variable type', 'query Q($x: Nope) { shop { name } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('reports %s with code %s', async (_label, query, code) => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(sim, query);
    expect(response.body.errors[0]).toMatchObject({ message: expect.any(String), extensions: { code } });
    expect(response.body.data).toBeUndefined();
  });

  it('rejects Money given as a JSON number at variable coercion', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const query = 'mutation M($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }';
    const variables = {
      input: {
        title: 'X',
        productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
        variants: [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }], price: 19.9 }],
      },
    };
    const response = await gql(sim, query, variables);
    expect(response.body.errors[0]).toMatchObject({
      message: expect.stringContaining('Money must be a decimal string'),
      extensions: { code: 'INVALID_VARIABLE' },
    });
    expect(sim.state.products).toHaveLength(0);
  });

  it('validates each version against its own schema', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const query =
      '{ orders(first: 1, query: "fulfillment_status:unfulfilled") { nodes { displayFulfillmentStatus } } }';
    expect((await gql(sim, query, {}, { version: '2026-07' })).body.data).toBeDefined();
    const unknown = await gql(sim, SHOP, {}, { version: '2025-01' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toContain('2026-10, 2026-07');
  });

  it('refuses root fields the sandbox does not implement, before running anything', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(
      sim,
      'mutation { productDelete(input: { id: "gid://shopify/Product/1" }) { deletedProductId } }',
    );
    expect(response.body).toEqual({
      errors: [
        {
          message: 'The sandbox does not implement Mutation.productDelete.',
          extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' },
        },
      ],
    });
  });

  it('answers MAX_COST_EXCEEDED exactly as Shopify for a query above the single-query limit', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const response = await gql(sim, '{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }');
    const cost = 2 + 250 * (1 + 2 + 250);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            new RegExp(`^Query cost is ${cost}, which exceeds the single query max cost limit \\(1000\\)\\.`),
          ),
          extensions: {
            code: 'MAX_COST_EXCEEDED',
            cost,
            maxCost: 1000,
            documentation: 'https://shopify.dev/api/usage/rate-limits',
          },
        },
      ],
    });
    expect(sim.stats().costSpent).toBe(0);
  });

  it('throttles when the bucket is drained and recovers as it refills', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    sim = await startShopifySimulator({
      orders: 0,
      clock: () => now,
      bucket: { maximumAvailable: 30, restoreRate: 10 },
    });
    const query = '{ locations(first: 10) { nodes { id } } }'; // 2 + 10 × 1 = 12 points requested
    // charged the actual 5
    expect((await gql(sim, query)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(25);
    await gql(sim, query);
    await gql(sim, query);
    await gql(sim, query);
    const throttled = await gql(sim, query);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [
        {
          message: 'Throttled',
          extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 30, currentlyAvailable: 10, restoreRate: 10 },
        },
      },
    });
    now += 200; // +2 points: 12 available
    const recovered = await gql(sim, query);
    expect(recovered.body.data.locations.nodes).toHaveLength(3);
    expect(sim.stats()).toMatchObject({
      throttled: 1,
      requests: { total: 6, queries: 5, byOperation: { locations: 5 } },
    });
  });

  it('serves GET /__sandbox/stats without auth', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    await gql(sim, SHOP);
    const response = await fetch(`${sim.url}/__sandbox/stats`);
    expect(await response.json()).toMatchObject({
      requests: { total: 1, queries: 1, mutations: 0, byOperation: { shop: 1 } },
      throttled: 0,
      idempotentReplays: 0,
    });
    sim.resetStats();
    expect(sim.stats().requests.total).toBe(0);
  });

  // docs/shopify-api.md#transport-auth-and-envelope
  it('flags deprecated fields with X-Shopify-API-Deprecated-Reason', async () => {
    sim = await startShopifySimulator({ orders: 1 });
    const response = await gql(sim, '{ orders(first: 1) { nodes { customer { email } } } }');
    expect(response.headers.get('x-shopify-api-deprecated-reason')).toContain('deprecation');
    expect((await gql(sim, SHOP)).headers.get('x-shopify-api-deprecated-reason')).toBeNull();
  });
});
