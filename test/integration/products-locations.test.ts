import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import { runCli, type TestSandbox } from '../helpers/cli-harness.js';
import { mutations, startProductsSandbox } from './products-oracle.js';

/**
 * Stock is never skipped silently: with no warehouse map, one active location takes the sum of every Sentos
 * warehouse; several locations stop the products phase before any write with a configuration error (exit 2)
 * naming both sides and the command that sets the map; `products.stock off` is the explicit catalog-only choice.
 */
describe('products: stock without a warehouse map', () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** The sandbox's environment minus the warehouse map it normally supplies. */
  const unmapped = (sandbox: TestSandbox, extra: Record<string, string> = {}) => {
    const { SENTOS_SYNC_WAREHOUSE_MAP: _map, ...env } = sandbox.env;
    return { ...env, ...extra };
  };

  it('the sandbox has three locations: products stops before any write with exit 2 and the map command', async () => {
    t = await startProductsSandbox({ products: 6, seed: 3 });
    const locations = t.sandbox.shopify.state.locations.map((l) => l.name);
    expect(locations, 'the sandbox default').toHaveLength(3);
    const warehouses = t.sandbox.sentos.state.warehouses;
    t.sandbox.shopify.resetStats();
    for (const args of [['products'], ['products', '--dry-run'], ['products', '--json'], ['sync', '--json']]) {
      const run = await runCli(args, unmapped(t));
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(ExitCode.usage);
      const text = run.stderr + run.stdout;
      expect(text).toMatch(/3 active locations and products\.warehouseMap is not set/);
      for (const w of warehouses) expect(text).toContain(`${w.name} (id ${w.id})`);
      for (const name of locations) expect(text).toContain(`"${name}"`);
      // The command pairs real names on both sides, by name where they share a word (MERKEZ → Merkez Depo).
      const command = /`sentos-sync config set products\.warehouseMap "([^"]+)"`/.exec(text);
      expect(command, text).not.toBeNull();
      const pairs = command![1]!.split(',').map((pair) => pair.split('='));
      expect(pairs.map(([w]) => w)).toEqual(warehouses.map((w) => w.name));
      for (const [, l] of pairs) expect(locations).toContain(l);
      expect(pairs[0]).toEqual(['MERKEZ', 'Merkez Depo']);
      expect(text).toContain('sentos-sync config set products.stock off');
    }
    expect(mutations(t.sandbox)).toEqual({});
    expect(t.sandbox.shopify.state.products).toHaveLength(0);
  }, 30_000);

  it('one active location: every Sentos warehouse is summed into it, and the report says so', async () => {
    t = await startProductsSandbox({ products: 6, seed: 3, shopify: { locations: [{ name: 'Merkez Depo' }] } });
    const run = await runCli(['products', '--json'], unmapped(t));
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().warnings).toContainEqual(
      expect.stringMatching(/^No warehouse map: every Sentos warehouse \(.+\) is summed into .+"Merkez Depo"$/),
    );
    const state = t.sandbox.shopify.state;
    const location = state.locations[0]!.id;
    let checked = 0;
    for (const wire of t.sandbox.sentos.state.products) {
      for (const v of wire.variants.length ? wire.variants : [wire]) {
        const sum = v.stocks.reduce((n, s) => n + Math.max(0, Number(s.stock)), 0);
        expect(state.available(v.sku, location), v.sku).toBe(sum);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(6);
  }, 30_000);

  it('products.stock off: the catalog syncs with no stock write, whatever the locations', async () => {
    t = await startProductsSandbox({ products: 4, seed: 3 });
    t.sandbox.shopify.resetStats();
    const run = await runCli(['products', '--json'], unmapped(t, { SENTOS_SYNC_STOCK: 'off' }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().summary).toMatchObject({ created: 4, failed: 0 });
    expect(run.json().warnings).toContainEqual(expect.stringMatching(/^Stock is not synced/));
    expect(mutations(t.sandbox)).not.toHaveProperty('inventorySetQuantities');
  }, 30_000);
});
