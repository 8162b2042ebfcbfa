import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../faults.js';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const CREATE = 'mutation { productSet(input: { title: "Fault Kupa" }) { product { id } userErrors { message } } }';
const always = (kind: FaultKind) => ({
  orders: 0,
  faults: { rate: 1, kinds: [kind], retryAfterSeconds: 0.05, slowMs: 60 },
});

describe('fault injection', () => {
  it('rate-limit: 429 with Retry-After, request not processed', async () => {
    sim = await startShopifySimulator(always('rate-limit'));
    const response = await gql(sim, CREATE);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('0.05');
    expect(response.body).toEqual({ errors: expect.stringContaining('Exceeded') });
    expect(sim.state.products).toHaveLength(0);
    expect(sim.stats()).toMatchObject({ requests: { total: 1, mutations: 0 }, faults: { 'rate-limit': 1 } });
  });

  it('server-error: a 5xx, request not processed', async () => {
    sim = await startShopifySimulator(always('server-error'));
    expect([500, 503]).toContain((await gql(sim, CREATE)).status);
    expect(sim.state.products).toHaveLength(0);
  });

  it('throttled: a THROTTLED body with HTTP 200, request not processed', async () => {
    sim = await startShopifySimulator(always('throttled'));
    const response = await gql(sim, CREATE);
    expect(response).toMatchObject({
      status: 200,
      body: { errors: [{ extensions: { code: 'THROTTLED' } }], extensions: { cost: { actualQueryCost: null } } },
    });
    expect(sim.state.products).toHaveLength(0);
  });

  it('drop-before: the socket closes and nothing is written', async () => {
    sim = await startShopifySimulator(always('drop-before'));
    await expect(gql(sim, CREATE)).rejects.toThrow();
    expect(sim.state.products).toHaveLength(0);
  });

  it('drop-after: the mutation IS applied, then the socket closes without an answer', async () => {
    sim = await startShopifySimulator(always('drop-after'));
    await expect(gql(sim, CREATE)).rejects.toThrow();
    expect(sim.state.products.map((product) => product.title)).toEqual(['Fault Kupa']);
    expect(sim.stats()).toMatchObject({ requests: { mutations: 1 }, faults: { 'drop-after': 1 } });
  });

  it('slow: answers after slowMs', async () => {
    sim = await startShopifySimulator(always('slow'));
    const started = performance.now();
    const response = await gql(sim, '{ shop { name } }');
    expect(response.body.data.shop.name).toBe('Sandbox Mağaza');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('meets the same faults for the same seed and request sequence', async () => {
    const run = async () => {
      const target = await startShopifySimulator({
        orders: 0,
        faults: { rate: 0.5, seed: 3, kinds: ['rate-limit', 'server-error'] },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i += 1) statuses.push((await gql(target, '{ shop { name } }')).status);
        return statuses;
      } finally {
        await target.close();
      }
    };
    const first = await run();
    expect(first.some((status) => status !== 200)).toBe(true);
    expect(await run()).toEqual(first);
  });
});
