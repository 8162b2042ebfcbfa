import { describe, expect, it } from 'vitest';
import { ALL_FAULTS } from '../../src/sandbox/faults.js';
import type { TestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  products,
  shopifyView,
  startProductsSandbox,
  warehouseToLocation,
} from './products-oracle.js';

/**
 * Product sync: with faults injected on both remotes (429, 5xx, THROTTLED, connections dropped before AND after the
 * request is processed, slow answers), the runs — repeated as cron would, a bounded number of times — end with Shopify
 * equal to the plan: every product once, no duplicate product, handle or SKU, every price and stock right. Duplicates
 * are checked after every run, not only at the end. Two phases per seed: the first sync (creates), then a resync after
 * Sentos changed (updates and stock writes, where a dropped-after inventorySetQuantities retried without its
 * idempotency key would double a stock change).
 */
const MAX_RUNS = 4;
// Seed 6 at 30 % loses a create's answer for good (retries exhausted after it was processed): regression case.
const CASES: Array<[seed: number, rate: number]> = [
  [1, 0.2],
  [2, 0.2],
  [3, 0.2],
  [6, 0.3],
  [8, 0.3],
];

async function converge(t: TestSandbox, phase: string, log: string[]): Promise<void> {
  for (let run = 1; run <= MAX_RUNS; run += 1) {
    const result = await products(t);
    const report = result.stdout.trim().startsWith('{') ? result.json() : undefined;
    const failed = (report?.items ?? []).filter((i: any) => i.status === 'failed');
    log.push(
      `${phase} run ${run}: exit ${result.code} ` +
        `${report ? JSON.stringify(report.summary) : result.stderr.slice(0, 300)} ${failed
          .map((f: any) => `${f.key}: ` + `${f.error?.message}`)
          .join(' | ')}`,
    );
    expect(duplicates(t.sandbox), log.join('\n')).toEqual([]);
    if (result.code === 0 && report && !report.interrupted) return;
  }
  throw new Error(`${phase}: no clean run in ${MAX_RUNS}\n${log.join('\n')}`);
}

function expectPlan(t: TestSandbox, log: string[]): void {
  const map = warehouseToLocation(t.sandbox, t.env);
  const actual = shopifyView(t.sandbox, mappedLocations(map));
  expect(actual.size, log.join('\n')).toBe(t.sandbox.sentos.state.products.length);
  for (const wire of t.sandbox.sentos.state.products) {
    expect(actual.get(wire.variants[0]?.sku ?? wire.sku), `${wire.sku}\n${log.join('\n')}`).toEqual(
      expectedProduct(wire, map),
    );
  }
}

/** Several prices and many stock cells change in Sentos, and one product gains a variant. */
function changeSentos(t: TestSandbox): void {
  const state = t.sandbox.sentos.state;
  const variants = state.products.flatMap((p): Array<{ sku: string }> => (p.variants.length ? p.variants : [p]));
  variants.slice(0, 3).forEach((v, i) => state.setVariantPrice(v.sku, `${1000 + i}.${i}0`.replace('.', ',')));
  variants.forEach((v, i) => {
    if (i % 3 === 0) state.setVariantStock(v.sku, 1 + (i % 3), 30 + i);
    if (i % 5 === 0) state.setVariantStock(v.sku, 3, 0);
  });
  const grown = state.products.find((p) => p.variants.length >= 2)!;
  const template = grown.variants[0]!;
  grown.variants.push({
    ...template,
    sku: `${template.sku}-EK`,
    barcode: '8690000888884',
    color: 'Ekstra Renk',
    stocks: [{ warehouse: 2, stock: 9 }],
    images: [],
  });
}

describe('products under injected faults', () => {
  it.each(CASES)(
    'seed %i at rate %d: first sync and a resync both converge to the plan, with no duplicate',
    async (seed, rate) => {
      const t = await startProductsSandbox({
        products: 20,
        seed,
        faults: { rate, seed, kinds: ALL_FAULTS, retryAfterSeconds: 0.01, slowMs: 20 },
      });
      const log: string[] = [];
      try {
        await converge(t, 'first', log);
        expectPlan(t, log);
        changeSentos(t);
        await converge(t, 'resync', log);
        expectPlan(t, log);
        const shopify = t.sandbox.shopify.stats();
        log.push(
          `faults: shopify ${JSON.stringify(shopify.faults)}, sentos ` +
            `${JSON.stringify(t.sandbox.sentos.stats().faults)}, idempotent replays ${shopify.idempotentReplays}`,
        );
        // The faults did happen, including lost answers to processed requests.
        expect(
          Object.values(shopify.faults).reduce((a, b) => a + b, 0),
          log.join('\n'),
        ).toBeGreaterThanOrEqual(5);
      } finally {
        await t.close();
      }
    },
    20_000,
  );
});
