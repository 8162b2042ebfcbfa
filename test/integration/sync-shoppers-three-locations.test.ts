import { describe, expect, it } from 'vitest';
import { shopperScenario, type ScenarioFigures } from './sync-shoppers-scenario.js';

/**
 * Issue 6 (a), three Shopify locations, one per Sentos warehouse. Sentos books an order at one warehouse
 * (orders.warehouseId, else its default) wherever Shopify sold it, so the oracle checks each location against
 * the units sold there and each SKU against all its units (see sync-stock-oracle.ts).
 */
const SEEDS = [11, 12, 13, 14, 15, 16, 17, 18];

describe('sync with shoppers buying mid-run, three locations', () => {
  it(`never oversells and loses no sale over ${SEEDS.length} seeds`, async () => {
    const all: ScenarioFigures[] = [];
    for (const seed of SEEDS) all.push(await shopperScenario({ seed, ratePerSecond: 8, runs: 3, unpaidShare: 0.2 }));
    const sum = (key: keyof ScenarioFigures) => all.reduce((s, f) => s + Number(f[key]), 0);
    console.info(
      `three locations: ${sum('runs')} runs, ${sum('orders')} orders (${sum('unpaid')} unpaid), ${sum('placedMidRun')} placed mid-run, ${sum('staleRows')} stale rows rewritten keeping ${sum('soldMidWrite')} units`,
    );
    expect(all.flatMap((f) => f.violations)).toEqual([]);
    // The scenario must have exercised what it claims: sales mid-run, holds in the plan, stale compares.
    // How many sales land mid-run depends on the machine's speed (shoppers buy on timers), so only "some" is
    // asserted here; the stale compare-and-set path is covered deterministically in sync-mid-write.test.ts.
    expect(sum('placedMidRun')).toBeGreaterThan(0);
    expect(Math.max(...all.map((f) => f.maxPending))).toBeGreaterThan(0);
    expect(sum('unpaid')).toBeGreaterThan(0);
  }, 120_000);
});
