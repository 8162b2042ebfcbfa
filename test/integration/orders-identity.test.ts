import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMarketplaceOrder } from '../../src/sandbox/sentos/index.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';
import { copiesInSentos, pushable, routeCount } from './orders-oracle.js';

/**
 * Order identity is order_id (docs/sentos-api.md#orders): a Trendyol order that carries the same order_code
 * as a Shopify order is another order. Ours is created once, with a warning naming the other; a rerun, and a
 * rerun without the state folder, create nothing more; the marketplace order is never touched.
 */
describe('orders: an order_code another channel already uses', () => {
  let t: TestSandbox;
  let first: CliRun;
  let ours: OrderRecord;
  let theirsId: number;

  beforeAll(async () => {
    t = await startTestSandbox({ products: 8, orders: 6, seed: 19 });
    ours = pushable(t.sandbox)[0] as OrderRecord;
    const code = ours.name.replace(/^#/, '');
    theirsId = addMarketplaceOrder(t.sandbox.sentos.state, { orderCode: Number(code), source: 'Trendyol' }).id;
    first = await runCli(['orders', '--json'], t.env);
  });
  afterAll(() => t.close());

  const copiesOfOurs = () => copiesInSentos(t.sandbox).get(String(ours.legacyId)) ?? 0;

  it('creates ours once and says which Sentos order shares its number', () => {
    expect(copiesOfOurs()).toBe(1);
    const report = first.json();
    const item = report.items.find((i: { key: string }) => i.key === ours.name);
    expect(item).toMatchObject({ action: 'create', status: 'done' });
    const warning = new RegExp(
      `order code ${ours.name.slice(1)} under another order: Sentos id ${theirsId} .*Trendyol`,
    );
    expect(report.warnings).toContainEqual(expect.stringMatching(warning));
    expect(item.reasons).toContainEqual(expect.stringMatching(warning));
    const theirs = t.sandbox.sentos.state.findOrder(theirsId);
    expect(theirs).toMatchObject({ status: 2, source: 'Trendyol' });
  });

  it('a rerun, and a rerun without the state folder, create nothing more and leave the other order alone', async () => {
    t.sandbox.sentos.resetStats();
    await runCli(['orders', '--json'], t.env);
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    fs.rmSync(path.join(t.home, 'state'), { recursive: true, force: true });
    const again = await runCli(['orders', '--json'], t.env);
    expect(again.json().summary).toMatchObject({ created: 0 });
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(0);
    expect(copiesOfOurs()).toBe(1);
    expect(t.sandbox.sentos.state.orders.filter((o) => o.id === theirsId)).toHaveLength(1);
  });
});
