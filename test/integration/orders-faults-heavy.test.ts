import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, FAULT_KINDS, routeCount, runUntilSettled } from './orders-oracle.js';

/**
 * Beyond the 20 %: at 40 % a POST can meet an unknown outcome twice in a row and a lookup can
 * exhaust its retries, so orders fail and go again on the next run. Still no duplicate, no lost order.
 */
/** Sentos's window scaled to 100 ms (as in orders-faults.test.ts): the reruns do not wait out 300 ms windows. */
const WINDOW_MS = 100;

describe('orders under injected faults at 40 % (Sentos)', () => {
  it.each([7, 8])(
    'seed %i: reruns converge to every order exactly once',
    async (seed) => {
      const faults = { rate: 0.4, seed, kinds: FAULT_KINDS, retryAfterSeconds: 0.01, slowMs: 20 };
      const t = await startTestSandbox({
        products: 10,
        orders: 20,
        seed,
        faults,
        // Plus bucket figures: Standard's restore waits are not what this file tests (as in orders-faults).
        shopify: { plan: 'plus', faults: undefined },
        sentos: { limits: { windowMs: WINDOW_MS } },
      });
      try {
        const env = { ...t.env, SENTOS_SYNC_RETRY_BASE_MS: '5', SENTOS_SYNC_SENTOS_WINDOW_MS: String(WINDOW_MS) };
        const { log } = await runUntilSettled(t.sandbox, env, 8);
        expect(log.at(-1), log.join('\n')).toMatch(/ 0 transient failure/);
        expectEachOrderOnce(t.sandbox);
        // More POSTs than orders: some were resent after a lookup proved the first never landed.
        expect(routeCount(t.sandbox, 'POST /orders')).toBeGreaterThan(t.sandbox.sentos.state.orders.length);
        expect(t.sandbox.sentos.stats().faults['drop-after']).toBeGreaterThan(0);
      } finally {
        await t.close();
      }
    },
    20_000,
  );
});
