import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SentosSimulatorOptions } from './options.js';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { anOrder, call, RELAXED_LIMITS, rawCall } from './sim-test-kit.js';
import type { WireProduct } from './wire-types.js';

// 2026-11-27 11:00:00 UTC = 14:00:00 in İstanbul.
const T0 = Date.UTC(2026, 10, 27, 11, 0, 0);

describe('simulator orders', () => {
  let sim: SentosSimulator;
  let clock = T0;
  let variantSku: string;
  let parentSku: string;
  let simpleSku: string;

  async function start(options: SentosSimulatorOptions = {}) {
    clock = T0;
    sim = await startSentosSimulator({ seed: 2, products: 30, limits: RELAXED_LIMITS, now: () => clock, ...options });
    const parent = sim.state.products.find((p) => p.variants.length > 0) as WireProduct;
    [variantSku, parentSku] = [parent.variants[0]?.sku as string, parent.sku];
    simpleSku = (sim.state.products.find((p) => p.variants.length === 0) as WireProduct).sku;
  }
  beforeEach(async () => start());
  afterEach(async () => sim.close());

  it('stores a valid order and echoes it with ids and Turkey-time stamps', async () => {
    const reply = await call(sim, 'POST', '/orders', { body: anOrder({}, variantSku) });
    expect(reply).toMatchObject({
      status: 200,
      body: {
        message: 'Sipariş oluşturuldu',
        order: {
          id: expect.any(Number),
          order_id: '6123456789012',
          order_code: '1042',
          status: 2,
          created_at: '2026-11-27 14:00:00',
          updated_at: '2026-11-27 14:00:00',
          total: '2649.70',
          shipping_total: '49.90',
          source: 'Shopify',
          invoice_address: [],
          lines: [
            {
              orderlineid: expect.any(Number),
              sku: variantSku,
              quantity: 2,
              price: '1299.90',
              amount: '2599.80',
              warehouse_id: 1,
            },
          ],
        },
      },
    });
    expect((await call(sim, 'GET', `/orders/${reply.body.order.id}`)).body).toEqual(reply.body.order);
    expect((await call(sim, 'GET', '/orders/1')).status).toBe(404);
  });

  it.each([
    ['payment_method', { payment_method: 'CREDIT_CARD' }, /payment_method|ödeme/i],
    ['order_id', { order_id: '' }, /order_id/],
    ['status', { status: 7 }, /durum/],
    ['order_date', { order_date: '2026-11-27T14:05:11Z' }, /order_date/],
    ['currency', { currency: 'TRY' }, /para birimi/],
    ['customer', { customer: { phone: '905321112233' } }, /customer\.name/],
    ['lines', { lines: [] }, /lines/],
    ['channel_id', { channel_id: 99 }, /kanal/],
  ])('rejects a bad %s with 422 and stores nothing', async (_name, overrides, text) => {
    const reply = await call(sim, 'POST', '/orders', { body: anOrder(overrides, variantSku) });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toMatch(text);
    expect(sim.state.orders).toHaveLength(0);
  });

  it.each([
    [
      'an unknown SKU',
      (sku: string) => ({
        lines: [
          { sku: 'YOK-0001', quantity: 1, price: 10 },
          { sku, quantity: 1, price: 10 },
        ],
      }),
      'YOK-0001',
    ],
    ['a variant product’s own SKU', () => ({ lines: [{ sku: parentSku, quantity: 1, price: 10 }] }), 'PARENT'],
    ['a zero quantity', (sku: string) => ({ lines: [{ sku, quantity: 0, price: 10 }] }), 'quantity'],
    ['a fractional quantity', (sku: string) => ({ lines: [{ sku, quantity: 1.5, price: 10 }] }), 'quantity'],
    ['a Turkish price string', (sku: string) => ({ lines: [{ sku, quantity: 1, price: '1.299,90' }] }), 'price'],
    ['an unknown warehouse', (sku: string) => ({ lines: [{ sku, quantity: 1, price: 10, warehouse_id: 9 }] }), 'Depo'],
  ])('rejects a line with %s', async (_name, lines, needle) => {
    const reply = await call(sim, 'POST', '/orders', { body: anOrder(lines(variantSku)) });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toContain(needle === 'PARENT' ? parentSku : needle);
  });

  it('finds an order by order_id whether stored or asked as a number or a string', async () => {
    await call(sim, 'POST', '/orders', { body: anOrder({ order_id: 181849999, order_code: 203129724888 }, simpleSku) });
    await call(sim, 'POST', '/orders', { body: anOrder({ order_id: '6123456789012' }, simpleSku) });
    const byQuery = await call(sim, 'GET', '/orders?order_id=181849999');
    expect(byQuery.body).toMatchObject({ total_elements: 1, data: [{ order_id: 181849999 }] });
    const byCode = await call(sim, 'GET', '/orders?order_code=203129724888');
    expect(byCode.body.data).toHaveLength(1);
    const byBody = await rawCall(sim, 'GET', '/orders', { order_id: 6123456789012 });
    expect(byBody).toMatchObject({ status: 200, body: { total_elements: 1, data: [{ order_id: '6123456789012' }] } });
  });

  it('stores a second copy of a duplicate order_id (the client must prevent it)', async () => {
    const first = await call(sim, 'POST', '/orders', { body: anOrder({}, variantSku) });
    const second = await call(sim, 'POST', '/orders', { body: anOrder({}, variantSku) });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.order.id).not.toBe(first.body.order.id);
    expect(sim.state.orders.filter((o) => String(o.order_id) === '6123456789012')).toHaveLength(2);
    expect((await call(sim, 'GET', '/orders?order_id=6123456789012')).body.total_elements).toBe(2);
  });

  it('takes stock for an approved order and gives it back exactly once on cancel', async () => {
    sim.state.setVariantStock(variantSku, 2, 10);
    sim.state.setVariantStock(simpleSku, 1, 4);
    const lines = [
      { sku: variantSku, quantity: 3, price: 100, warehouse_id: 2 },
      { sku: simpleSku, quantity: 1, price: 50 },
    ];
    const { body } = await call(sim, 'POST', '/orders', { body: anOrder({ lines }) });
    expect([sim.state.stockOf(variantSku)[2], sim.state.stockOf(simpleSku)[1]]).toEqual([7, 3]);
    for (let i = 0; i < 2; i++) await call(sim, 'PUT', `/orders/${body.order.id}`, { body: { status: 6 } });
    expect([sim.state.stockOf(variantSku)[2], sim.state.stockOf(simpleSku)[1]]).toEqual([10, 4]);
  });

  it('takes no stock while awaiting approval, then takes it when approved', async () => {
    sim.state.setVariantStock(simpleSku, 1, 5);
    const { body } = await call(sim, 'POST', '/orders', { body: anOrder({ status: 1 }, simpleSku) });
    expect(sim.state.stockOf(simpleSku)[1]).toBe(5);
    await call(sim, 'PUT', `/orders/${body.order.id}`, { body: { status: 2 } });
    expect(sim.state.stockOf(simpleSku)[1]).toBe(3);
  });

  it('marks an order shipped with tracking, and refuses bad updates', async () => {
    const { body } = await call(sim, 'POST', '/orders', { body: anOrder({}, simpleSku) });
    clock += 60_000;
    const data = {
      cargo_company: 'Yurtiçi Kargo',
      tracking_number: 'TR123',
      tracking_url: 'https://kargo.example/TR123',
    };
    const reply = await call(sim, 'PUT', `/orders/${body.order.id}`, { body: { status: 5, data } });
    expect(reply.body.order).toMatchObject({
      status: 5,
      updated_at: '2026-11-27 14:01:00',
      tracking_info: {
        cargo_company: 'Yurtiçi Kargo',
        tracking_number: 'TR123',
        tracking_link: 'https://kargo.example/TR123',
      },
    });
    expect((await call(sim, 'PUT', `/orders/${body.order.id}`, { body: { status: 42 } })).status).toBe(422);
    expect((await call(sim, 'PUT', '/orders/77', { body: { status: 5 } })).status).toBe(404);
  });

  it('filters by updated date window in Turkey time', async () => {
    await call(sim, 'POST', '/orders', { body: anOrder({}, simpleSku) });
    const list = async (query: string) => (await call(sim, 'GET', `/orders?${query}`)).body;
    expect(await list('updated_start_date=2026-11-27 13:59:59&updated_end_date=2026-11-27 14:00:00')).toMatchObject({
      total_elements: 1,
    });
    expect(await list('updated_start_date=2026-11-27 14:00:01')).toMatchObject({ total_elements: 0 });
    expect(await list('updated_end_date=2026-11-27')).toMatchObject({ total_elements: 1 });
    expect((await call(sim, 'GET', '/orders?updated_start_date=27.11.2026')).status).toBe(422);
  });
});
