import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-harness.js';
import { startServe, until } from '../helpers/serve-harness.js';
import { copiesInSentos, expectedStatus } from './orders-oracle.js';

/**
 * Shoppers buy while serve runs; the simulator delivers their webhooks at least once: 20 % of first attempts
 * lost (retried on Shopify's schedule, scaled down), 10 % duplicated, some delayed or out of order. The
 * scheduled sync is an hour away, so only webhooks can bring the orders: every one must reach Sentos exactly
 * once, cancellations and fulfilments included.
 *
 * The shop is on Plus figures (as in sync-shoppers-scenario.ts): every webhook batch's stock refresh reads the
 * pending orders, and on a Standard bucket those reads wait seconds for restore, which is not what this tests.
 * Shoppers arrive at 20 per second so the 20 orders land within about a second, while serve drains the first ones.
 */
describe('serve with shoppers and lossy webhook deliveries', () => {
  it.each([1, 2])(
    'seed %i: every order in Sentos exactly once, with its latest status',
    async (seed) => {
      const webhooks = {
        drop: 0.2,
        duplicate: 0.1,
        delay: 0.1,
        outOfOrder: 0.1,
        maxDelayMs: 2_000,
        timeScale: 0.0005,
        seed,
      };
      const s = await startServe({
        products: 10,
        orders: 0,
        seed,
        shopify: { webhooks, plan: 'plus' },
        shoppers: { ratePerSecond: 20, paused: true },
      });
      try {
        await s.runs('sync');
        const registered = await runCli(['webhooks', 'register', '--url', s.url, '--json'], s.env);
        expect(registered.code, registered.stderr).toBe(0);
        expect(registered.json<{ created: unknown[] }>().created).toHaveLength(5);
        const { shoppers, shopify } = s.t.sandbox;
        shoppers?.resume();
        await until(() => (shoppers?.placed.length ?? 0) >= 20, 20_000, '20 orders placed');
        shoppers?.pause();
        const placed = shoppers?.placed ?? [];
        shopify.state.cancelOrder(placed[0]!.id);
        shopify.state.fulfillOrder(placed[1]!.id, {
          trackingCompany: 'Yurtiçi Kargo',
          trackingNumber: 'YK1',
          trackingUrl: 'https://example.test/YK1',
        });
        shopify.state.editOrder(placed[2]!.id, { note: 'Kapıya bırakın' });
        const wanted = () =>
          placed.map((p) => {
            const order = shopify.state.orders.find((o) => o.id === p.id)!;
            return { id: String(order.legacyId), status: expectedStatus(order) };
          });
        const inSentos = () => {
          const copies = copiesInSentos(s.t.sandbox);
          return wanted().every(
            (w) =>
              copies.get(w.id) === 1 &&
              s.t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === w.id)?.status === w.status,
          );
        };
        await until(inSentos, 60_000, 'every order in Sentos with its latest status');
        // Lost and duplicated deliveries did happen, and nothing more arrived later.
        const { deliveries } = shopify.webhooks;
        expect([...new Set(deliveries.map((d) => d.kind))].sort()).toEqual(['dropped', 'duplicate', 'sent']);
        // Every lost first attempt was retried (Shopify's schedule, scaled) until serve took it.
        const dropped = deliveries.filter((d) => d.kind === 'dropped');
        await until(
          () =>
            dropped.every((d) => deliveries.some((r) => r.eventId === d.eventId && r.attempt > 0 && r.status === 200)),
          20_000,
          'every dropped delivery retried and accepted',
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        const copies = copiesInSentos(s.t.sandbox);
        expect([...copies.values()].filter((n) => n !== 1)).toEqual([]);
        expect(copies.size).toBe(placed.length);
        expect(s.t.sandbox.sentos.state.orders).toHaveLength(placed.length);
      } finally {
        await s.stop();
      }
    },
    90_000,
  );
});
