import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { MAX_TARGETED_READS } from '../../src/sync/run/sku-resolver.js';
import { runCli, startTestSandbox, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, pushable, routeCount } from './orders-oracle.js';

/**
 * What `orders` asks Sentos (docs/sentos-api.md#rate-limits): never the whole catalog when the SKU index the
 * last catalog read left knows the SKUs; a targeted `sku=` read for the few it does not; one catalog read only
 * for a SKU nobody knows. A run with nothing new sends (almost) nothing; `sync` reads the catalog once.
 * The catalog is 250 products (3 pages of 100), so a whole read is visible in the request log.
 */
const PRODUCTS = 250;

/** The Sentos GET /products requests a `--verbose` run logged, as their URLs. */
function productReads(run: CliRun): string[] {
  return run.stderr
    .split('\n')
    .filter((line) => /^sentos GET \S+\/products(\?|\s)/.test(line))
    .map((line) => line.split(' ')[2] as string);
}
/** Pages of a catalog listing (the auth probe, `size=1` without an order, is not one). */
const catalogPages = (run: CliRun) =>
  productReads(run).filter((url) => /[?&]orderby_id=/.test(url) && !/[?&]sku=/.test(url));
const skuReads = (run: CliRun) => productReads(run).filter((url) => /[?&]sku=/.test(url));

describe('orders: Sentos requests per run', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await startTestSandbox({ products: PRODUCTS, orders: 5, seed: 23 });
  });
  afterAll(() => t.close());

  it('without an index, resolves only the SKUs of the orders by targeted reads, never the catalog', async () => {
    const run = await runCli(['orders', '--json', '--verbose'], t.env);
    expectEachOrderOnce(t.sandbox);
    const skus = new Set(
      t.sandbox.shopify.state.orders.flatMap((o) => o.lines.map((l) => l.sku?.trim() ?? '')).filter(Boolean),
    );
    expect(skus.size).toBeLessThanOrEqual(MAX_TARGETED_READS);
    expect(catalogPages(run)).toEqual([]);
    expect(skuReads(run).length).toBeGreaterThan(0);
    expect(skuReads(run).length).toBeLessThanOrEqual(skus.size);
    expect(fs.existsSync(path.join(t.home, 'state', 'sentos-skus.json'))).toBe(true);
  });

  it('a run with nothing new sends at most 3 Sentos requests', async () => {
    t.sandbox.sentos.resetStats();
    await runCli(['orders', '--json'], t.env);
    expect(t.sandbox.sentos.stats().requests.total).toBeLessThanOrEqual(3);
  });

  it('a new order with known SKUs costs 1 POST and its lookups, no product read', async () => {
    const template = pushable(t.sandbox).find((o) => o.fulfillments.length === 0 && !o.cancelledAt) as OrderRecord;
    const copy = structuredClone(template);
    const nowIso = new Date().toISOString();
    Object.assign(copy, { id: template.id + 900, legacyId: template.legacyId + 900, name: '#9001' });
    Object.assign(copy, { createdAt: nowIso, updatedAt: nowIso, processedAt: nowIso });
    t.sandbox.shopify.state.orders.push(copy);
    t.sandbox.sentos.resetStats();
    const run = await runCli(['orders', '--json', '--verbose'], t.env);
    expect(run.json().summary).toMatchObject({ created: 1 });
    expect(skuReads(run)).toEqual([]);
    expect(catalogPages(run)).toEqual([]);
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(1);
    // Its order_id and order_code lookups, and the run's one listing of shipped orders
    // (docs/architecture.md#fulfilment-back-to-shopify).
    expect(routeCount(t.sandbox, 'GET /orders')).toBeLessThanOrEqual(3);
  });

  it('a SKU nobody knows costs one catalog read, once', async () => {
    const template = pushable(t.sandbox)[0] as OrderRecord;
    const copy = structuredClone(template);
    const nowIso = new Date().toISOString();
    Object.assign(copy, { id: template.id + 901, legacyId: template.legacyId + 901, name: '#9002' });
    Object.assign(copy, { createdAt: nowIso, updatedAt: nowIso, processedAt: nowIso });
    (copy.lines[0] as OrderRecord['lines'][number]).sku = 'HİÇ-YOK-1';
    t.sandbox.shopify.state.orders.push(copy);
    const run = await runCli(['orders', '--json', '--verbose'], t.env);
    expect(run.json().items).toContainEqual(expect.objectContaining({ key: '#9002', status: 'failed' }));
    expect(catalogPages(run)).toHaveLength(Math.ceil(PRODUCTS / 100));
  });

  it('sync --only orders reads no catalog; a SKU the last catalog read lacked is not read for again', async () => {
    const run = await runCli(['sync', '--only', 'orders', '--json', '--verbose'], t.env);
    expect(run.json().phases.products).toBeUndefined();
    expect(run.json().phases.orders.items).toContainEqual(expect.objectContaining({ key: '#9002', status: 'failed' }));
    expect(catalogPages(run)).toEqual([]);
    expect(skuReads(run)).toHaveLength(1); // the failing order's unknown SKU: one targeted read, no catalog
  });

  it('sync reads the catalog once for both phases', async () => {
    const run = await runCli(['sync', '--dry-run', '--json', '--verbose'], t.env);
    expect(catalogPages(run)).toHaveLength(Math.ceil(PRODUCTS / 100));
    expect(skuReads(run)).toEqual([]);
  });
});
