import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, expectedSentosOrder, FAULT_KINDS, pushable, runUntilSettled } from './orders-oracle.js';

/**
 * Order push: with the sandbox injecting 429, 5xx and dropped connections (before AND after the request is processed)
 * at 20 %, the run completes with no duplicate and no lost order. Reruns are allowed, as cron would do, until a run
 * reports no failure other than the orders that can never go (no SKU).
 */

/**
 * [seed, where]. 'both' also faults Shopify's order reads; 'sentos' keeps Shopify clean, because every failed
 * Shopify attempt leaves its cost reservation in the client's pacer (src/shopify/cost-pacer.ts: a 429, 5xx or
 * drop carries no cost to correct it), so some seeds wait seconds for a bucket that is in fact full.
 */
const CASES: Array<[seed: number, where: 'both' | 'sentos', orders: number]> = [
  [1, 'both', 20],
  [2, 'both', 20],
  [3, 'both', 20],
  // More orders where 20 meet fewer than three fault kinds: new orders are looked up by one listing per run, not two
  // GETs each (src/sync/run/order-lookup.ts), so a run sends fewer requests to fault.
  [4, 'both', 30],
  [5, 'sentos', 30],
  [6, 'sentos', 30],
];

/**
 * Sentos's one-minute window scaled to 100 ms (the harness's 300 ms, shorter): each run sends more than 12 POSTs, so
 * it waits out windows, which is not what this file tests.
 */
const WINDOW_MS = 100;

describe('orders under injected faults at 20 %', () => {
  it.each(CASES)(
    'seed %i, faults on %s: every order exactly once in Sentos, with its final status',
    async (seed, where, orders) => {
      const faults = { rate: 0.2, seed, kinds: FAULT_KINDS, retryAfterSeconds: 0.01, slowMs: 20 };
      const t = await startTestSandbox({
        products: 10,
        orders,
        seed,
        faults,
        sentos: { limits: { windowMs: WINDOW_MS } },
        // Plus bucket figures (as in orders-push): the per-order location reads of a Standard bucket wait for
        // restore, which is not what this file tests.
        shopify: where === 'sentos' ? { plan: 'plus', faults: undefined } : { plan: 'plus' },
      });
      try {
        const env = { ...t.env, SENTOS_SYNC_RETRY_BASE_MS: '5', SENTOS_SYNC_SENTOS_WINDOW_MS: String(WINDOW_MS) };
        const { log } = await runUntilSettled(t.sandbox, env);
        expectEachOrderOnce(t.sandbox);
        for (const order of pushable(t.sandbox)) {
          const stored = t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(order.legacyId));
          expect(stored, `${order.name}\n${log.join('\n')}`).toMatchObject(expectedSentosOrder(order));
        }
        // The faults did happen, of several kinds (the drop-after of a POST is the case that breaks naive retries).
        expect(Object.keys(t.sandbox.sentos.stats().faults).length).toBeGreaterThanOrEqual(3);
      } finally {
        await t.close();
      }
    },
    20_000,
  );
});
