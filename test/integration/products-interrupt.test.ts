import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
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
 * Product sync: a run stopped midway (the AbortSignal Ctrl-C/SIGTERM trips) and run again converges to the same Shopify
 * state as an uninterrupted run on a fresh sandbox with the same seed: same products by SKU (options, prices, stock per
 * location, status), same handles, no duplicate. Stopped among the product writes. A create is one productSet carrying
 * its stock and status (docs/shopify-api.md#productset), so there is no later stage on a first run: whatever exists
 * after the stop is complete.
 */
const SEED = 9;
const PRODUCTS = 16;

/** Aborts once the Shopify sandbox has counted `count` requests of `operation`. */
function abortAfter(t: TestSandbox, operation: string, count: number): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const timer = setInterval(() => {
    if ((t.sandbox.shopify.stats().requests.byOperation[operation] ?? 0) < count) return;
    controller.abort(new Error('SIGTERM'));
    clearInterval(timer);
  }, 1);
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}

function state(t: TestSandbox) {
  const view = shopifyView(t.sandbox, mappedLocations(warehouseToLocation(t.sandbox, t.env)));
  const handles = t.sandbox.shopify.state.products.map((p) => p.handle).sort();
  return { view, handles };
}

describe('products: a run stopped midway, then run again', () => {
  it.each([
    ['productSet', 4, false],
    ['productSet', 11, false],
    // As after kill -9 before the link file was saved: the links live on in Shopify's metafields.
    ['productSet', 6, true],
  ] as const)(
    'stopped after %s #%i (local links lost: %s): the rerun converges to the uninterrupted state',
    async (operation, count, loseLinks) => {
      const reference = await startProductsSandbox({ products: PRODUCTS, seed: SEED });
      const t = await startProductsSandbox({ products: PRODUCTS, seed: SEED });
      try {
        const straight = await products(reference);
        expect(straight.code, straight.stderr).toBe(0);
        const expected = state(reference);

        const trigger = abortAfter(t, operation, count);
        // Two writes in flight, so the stop falls while products remain (Ctrl-C finishes those in flight).
        const stopped = await products(t, [], { SENTOS_SYNC_SHOPIFY_MAX_IN_FLIGHT: '2' }, { signal: trigger.signal });
        trigger.stop();
        expect(stopped.code, stopped.stderr).toBe(ExitCode.interrupted);
        expect(stopped.json().interrupted).toBe(true);
        expect(duplicates(t.sandbox)).toEqual([]);
        // Stopped for real: Shopify is not yet what it should be.
        expect(state(t).view).not.toEqual(expected.view);
        // Never half-made on sale: each product written before the stop is already exactly the reference's.
        const partial = state(t).view;
        expect(partial.size).toBeGreaterThanOrEqual(count);
        for (const [sku, product] of partial) expect(product, sku).toEqual(expected.view.get(sku));

        if (loseLinks) {
          const files = fs
            .readdirSync(t.home, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('product-links.json'));
          expect(files.length).toBe(1);
          fs.rmSync(path.join(t.home, files[0]!));
        }
        const rerun = await products(t);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(rerun.json().summary).toMatchObject({ failed: 0, conflicts: 0, skipped: 0, total: PRODUCTS });
        expect(duplicates(t.sandbox)).toEqual([]);
        const after = state(t);
        expect(after.handles).toEqual(expected.handles);
        expect([...after.view.keys()].sort()).toEqual([...expected.view.keys()].sort());
        for (const [sku, product] of expected.view) expect(after.view.get(sku), sku).toEqual(product);
        // And both equal the plan the Sentos data implies.
        const map = warehouseToLocation(t.sandbox, t.env);
        for (const wire of t.sandbox.sentos.state.products)
          expect(after.view.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));

        t.sandbox.shopify.resetStats();
        const third = await products(t);
        expect(third.json().summary).toMatchObject({ unchanged: PRODUCTS });
        expect(t.sandbox.shopify.stats().requests.dataMutations).toBe(0);
      } finally {
        await Promise.all([t.close(), reference.close()]);
      }
    },
    20_000,
  );
});
