import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../seed/catalog.js';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { call, RELAXED_LIMITS } from './sim-test-kit.js';
import type { WireProduct } from './wire-types.js';

describe('simulator products: listing', () => {
  let sim: SentosSimulator;
  beforeAll(async () => {
    sim = await startSentosSimulator({ seed: 3, products: 40, limits: RELAXED_LIMITS });
  });
  afterAll(async () => sim.close());

  it.each([
    ['?page=1&size=15', { page: 1, size: 15, total_elements: 40, total_pages: 3 }, 15],
    ['?page=3&size=15', { page: 3, size: 15, total_elements: 40, total_pages: 3 }, 10],
    ['?page=2&pageSize=25', { page: 2, size: 25, total_elements: 40, total_pages: 2 }, 15],
    ['?page=1&size=500', { page: 1, size: 100, total_elements: 40, total_pages: 1 }, 40],
    ['', { page: 1, size: 50, total_elements: 40, total_pages: 1 }, 40],
    ['?page=9&size=10', { page: 9, size: 10, total_elements: 40, total_pages: 4 }, 0],
  ])('GET /products%s answers the envelope %o', async (query, envelope, count) => {
    const reply = await call(sim, 'GET', `/products${query}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject(envelope);
    expect(reply.body.data).toHaveLength(count);
  });

  it('rejects a non-numeric size', async () => {
    expect((await call(sim, 'GET', '/products?size=abc')).status).toBe(422);
  });

  it('pages through every product exactly once in id order', async () => {
    const ids: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const reply = await call(sim, 'GET', `/products?page=${page}&size=12&orderby_id=ASC`);
      ids.push(...reply.body.data.map((p: WireProduct) => p.id));
    }
    expect(ids).toEqual(sim.state.products.map((p) => p.id).sort((a, b) => a - b));
  });

  it('filters by exact product SKU or variant SKU', async () => {
    const product = sim.state.products.find((p) => p.variants.length > 1) as WireProduct;
    const variantSku = product.variants[1]?.sku as string;
    for (const sku of [product.sku, variantSku]) {
      const reply = await call(sim, 'GET', `/products?sku=${encodeURIComponent(sku)}`);
      expect(reply.body).toMatchObject({ total_elements: 1, data: [{ id: product.id, sku: product.sku }] });
    }
    const prefix = await call(sim, 'GET', `/products?sku=${encodeURIComponent(product.sku.slice(0, -1))}`);
    expect(prefix.body).toMatchObject({ data: [], total_elements: 0, total_pages: 0 });
  });

  it('returns one product as the object itself, money exactly as stored', async () => {
    const product = sim.state.products[0] as WireProduct;
    const reply = await call(sim, 'GET', `/products/${product.id}`);
    expect(reply.body).toMatchObject({
      id: product.id,
      sku: product.sku,
      sale_price: product.sale_price,
      purchase_price: product.purchase_price,
    });
    expect((await call(sim, 'GET', '/products/999999')).status).toBe(404);
  });

  it('serves warehouses, categories and sales channels as bare arrays', async () => {
    expect((await call(sim, 'GET', '/warehouses')).body).toEqual(sim.state.warehouses);
    expect((await call(sim, 'GET', '/categories')).body[0]).toMatchObject({
      parent_id: 0,
      sub_categories: expect.any(Array),
    });
    expect((await call(sim, 'GET', '/sales-channels')).body).toEqual(sim.state.salesChannels);
    expect((await call(sim, 'GET', '/platforms')).body).toMatchObject({ 'e-commerce': expect.any(Array) });
  });
});

describe('simulator products: quirks', () => {
  let sim: SentosSimulator | undefined;
  afterEach(async () => sim?.close());
  const catalog = generateCatalog({ seed: 11, count: 20 });
  const withVariants = catalog.products.find((p) => p.variants.length > 0) as WireProduct;
  catalog.products = catalog.products.map((p) => (p === withVariants ? { ...p, prices: {} } : p));

  it('sends an empty prices object as [] by default, and {} when the quirk is off', async () => {
    sim = await startSentosSimulator({ catalog, limits: RELAXED_LIMITS });
    expect((await call(sim, 'GET', `/products/${withVariants.id}`)).body.prices).toEqual([]);
    await sim.close();
    sim = await startSentosSimulator({ catalog, limits: RELAXED_LIMITS, quirks: { emptyObjectsAsArrays: false } });
    expect((await call(sim, 'GET', `/products/${withVariants.id}`)).body.prices).toEqual({});
  });

  it('emits warehouse objects, string stock and string model behind flags', async () => {
    sim = await startSentosSimulator({
      catalog,
      quirks: { warehouseAsObject: true, stockAsString: true, modelAsString: true },
    });
    const variant = (await call(sim, 'GET', `/products/${withVariants.id}`)).body.variants[0];
    const stored = withVariants.variants[0];
    expect(variant.model).toBe(stored?.model.value);
    expect(variant.stocks[0]).toEqual({
      warehouse: { id: 1, name: 'MERKEZ' },
      stock: String(stored?.stocks[0]?.stock),
    });
  });

  it('never mutates the catalog it was given', async () => {
    sim = await startSentosSimulator({ catalog });
    const sku = withVariants.variants[0]?.sku as string;
    sim.state.setVariantStock(sku, 1, 999);
    expect(withVariants.variants[0]?.stocks[0]?.stock).not.toBe(999);
    expect(sim.state.stockOf(sku)[1]).toBe(999);
  });
});
