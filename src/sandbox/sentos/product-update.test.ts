import { afterEach, describe, expect, it } from 'vitest';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import type { SentosSimulatorOptions } from './options.js';
import { call, RELAXED_LIMITS } from './sim-test-kit.js';
import type { WireProduct } from './wire-types.js';

describe('PUT /products/:id', () => {
  let sim: SentosSimulator | undefined;
  afterEach(async () => sim?.close());

  async function start(options: SentosSimulatorOptions = {}) {
    sim = await startSentosSimulator({ seed: 4, products: 30, limits: RELAXED_LIMITS, ...options });
    const product = sim.state.products.find((p) => p.variants.length >= 3) as WireProduct;
    return { sim, product, skus: product.variants.map((v) => v.sku) };
  }

  it('sets ABSOLUTE stock per warehouse and prices, leaving other warehouses alone', async () => {
    const { sim, product, skus } = await start({ quirks: { omittedVariantsOnPut: 'keep' } });
    const [first = '', second = ''] = skus;
    const before = sim.state.stockOf(first);
    const reply = await call(sim, 'PUT', `/products/${product.id}`, {
      body: {
        sale_price: 1499.9,
        prices: { b2c: { sale_price: 1399.9, list_price: 1599.9 } },
        variants: [{ sku: first, stocks: [{ warehouse: 2, stock: 7 }] }],
      },
    });
    expect(reply).toMatchObject({
      status: 200,
      body: { message: expect.any(String), errors: [], product: { id: product.id, sale_price: 1499.9 } },
    });
    expect(sim.state.stockOf(first)).toEqual({ ...before, 2: 7 });
    expect(sim.state.findBySku(first)?.product.prices['b2c']).toEqual({ sale_price: 1399.9, list_price: 1599.9 });
    expect(sim.state.findBySku(second)?.variant?.sku).toBe(second);
  });

  it('deletes variants a variants list omits (strict default, docs/sentos-api.md#open-questions)', async () => {
    const { sim, product, skus } = await start();
    const kept = skus.slice(0, 2).map((sku) => ({ sku, stocks: [{ warehouse: 1, stock: 1 }] }));
    await call(sim, 'PUT', `/products/${product.id}`, { body: { variants: kept } });
    expect(sim.state.findProduct(product.id)?.variants.map((v) => v.sku)).toEqual(skus.slice(0, 2));
    expect(sim.state.findBySku(skus[2] as string)).toBeUndefined();
  });

  it('answers validation errors as 2xx {errors, product: []} and changes nothing', async () => {
    const { sim, product, skus } = await start();
    const before = structuredClone(sim.state.findProduct(product.id));
    const reply = await call(sim, 'PUT', `/products/${product.id}`, {
      body: {
        sale_price: '1.499,90',
        variants: [
          { sku: skus[0], stocks: [{ warehouse: 1, stock: 5 }] },
          { sku: 'YOK-123', stocks: [] },
        ],
      },
    });
    expect(reply).toMatchObject({
      status: 200,
      body: {
        message: null,
        product: [],
        errors: { sale_price: [expect.any(String)], variants: [expect.stringContaining('YOK-123')] },
      },
    });
    expect(sim.state.findProduct(product.id)).toEqual(before);
  });

  it.each([
    [{ stocks: [{ warehouse: 9, stock: 1 }] }, 'stocks'],
    [{ stocks: [{ warehouse: 1, stock: -1 }] }, 'stocks'],
    [{ stocks: [{ warehouse: 1, stock: 1.5 }] }, 'stocks'],
    [{ prices: { amazon: { sale_price: 1 } } }, 'prices'],
  ])('rejects %o with 422 when productErrorsAs200 is off', async (body, field) => {
    const { sim, product } = await start({ quirks: { productErrorsAs200: false } });
    const reply = await call(sim, 'PUT', `/products/${product.id}`, { body });
    expect(reply).toMatchObject({
      status: 422,
      body: { message: expect.any(String), errors: { [field]: expect.any(Array) } },
    });
  });

  it('is 404 for an unknown product', async () => {
    const { sim } = await start();
    expect((await call(sim, 'PUT', '/products/424242', { body: {} })).status).toBe(404);
  });
});
