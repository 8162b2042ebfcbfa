import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { anOrder, call, RELAXED_LIMITS } from './sim-test-kit.js';
import type { WireProduct } from './wire-types.js';

// 2026-11-27 11:00:00 UTC = 14:00:00 in İstanbul.
const T0 = Date.UTC(2026, 10, 27, 11, 0, 0);

describe('marking an order shipped as the panel does', () => {
  let sim: SentosSimulator;
  let clock = T0;
  let sku: string;

  beforeEach(async () => {
    clock = T0;
    sim = await startSentosSimulator({ seed: 2, products: 10, limits: RELAXED_LIMITS, now: () => clock });
    sku = (sim.state.products.find((p) => p.variants.length > 0) as WireProduct).variants[0]!.sku;
    expect((await call(sim, 'POST', '/orders', { body: anOrder({}, sku) })).status).toBe(200);
  });
  afterEach(async () => sim.close());

  const control = (body: unknown) =>
    fetch(`${sim.url.replace(/\/api$/, '')}/__sandbox/ship`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('POST /__sandbox/ship: status 5 with the cargo, found by an updated-since listing of shipped orders', async () => {
    clock = T0 + 3_600_000;
    const answer = await control({ order_id: '6123456789012', cargo_company: 'MNG Kargo', tracking_number: 'MNG9' });
    expect(answer.status).toBe(200);
    const listed = await call(sim, 'GET', '/orders?status=5&updated_start_date=2026-11-27%2014:30:00');
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        order_id: '6123456789012',
        status: 5,
        updated_at: '2026-11-27 15:00:00',
        cargo_provider: 'MNG Kargo',
        cargo_number: 'MNG9',
        tracking_info: { cargo_company: 'MNG Kargo', tracking_number: 'MNG9', tracking_link: '' },
      }),
    ]);
    // Shipped before this window: not listed.
    expect((await call(sim, 'GET', '/orders?status=5&updated_start_date=2026-11-27%2015:00:01')).body.data).toEqual([]);
  });

  it('the in-process markShipped does the same, with the link', () => {
    const order = sim.markShipped({
      orderId: '6123456789012',
      cargoCompany: 'PTT',
      trackingNumber: 'P1',
      trackingLink: 'https://gonderitakip.ptt.gov.tr/?q=P1',
    });
    expect(order).toMatchObject({
      status: 5,
      tracking_info: { tracking_link: 'https://gonderitakip.ptt.gov.tr/?q=P1' },
    });
  });

  it.each([
    [{ cargo_company: 'X', tracking_number: '1' }, 422],
    [{ order_id: '6123456789012', tracking_number: '1' }, 422],
    [{ order_id: 'nope', cargo_company: 'X', tracking_number: '1' }, 404],
  ])('refuses %j with %i and changes nothing', async (body, status) => {
    expect((await control(body)).status).toBe(status);
    expect(sim.state.orders[0]?.status).toBe(2);
  });
});
