import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import {
  copiesInSentos,
  expectEachOrderOnce,
  hasLineWithoutSku,
  removeOrderState,
  routeCount,
  stateFile,
} from './orders-oracle.js';

/**
 * Order push: --dry-run writes nothing and shows the payloads; --limit, --order, --since and the status filters choose
 * the orders, and only a run that read everything since the checkpoint may move it.
 */
/** Many full reads in a few seconds would drain Shopify's 100 points/s bucket: scale time, as for Sentos. */
const FAST_BUCKET = { bucket: { restoreRate: 2_000 } };
const byUpdate = (a: OrderRecord, b: OrderRecord) => a.updatedAt.localeCompare(b.updatedAt) || a.legacyId - b.legacyId;
const keysOf = (report: { items: Array<{ key: string }> }) => report.items.map((i) => i.key).sort();
const names = (orders: OrderRecord[]) => orders.map((o) => o.name).sort();
const readCheckpoint = (home: string) =>
  JSON.parse(fs.readFileSync(stateFile(home, 'orders-checkpoint.json'), 'utf8')) as {
    updatedAt: string;
    orderId: string;
  };

describe('orders: --dry-run, --limit, --order, --since', () => {
  let t: TestSandbox;
  const orders = () => t.sandbox.shopify.state.orders;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 10, orders: 20, seed: 32, shopify: FAST_BUCKET });
  });
  afterAll(() => t.close());

  it('--dry-run sends no POST or PUT, writes no state, and shows each payload', async () => {
    const run = await runCli(['orders', '--dry-run', '--json'], t.env);
    const report = run.json();
    expect(routeCount(t.sandbox, 'POST /orders') + routeCount(t.sandbox, 'PUT /orders/:id')).toBe(0);
    expect(t.sandbox.sentos.state.orders).toHaveLength(0);
    expect(fs.existsSync(stateFile(t.home, 'orders-checkpoint.json'))).toBe(false);
    expect(fs.existsSync(stateFile(t.home, 'orders-ledger.jsonl'))).toBe(false);
    const order = orders().find((o) => !hasLineWithoutSku(o) && o.fulfillments.length === 0) as OrderRecord;
    expect(report.items).toContainEqual(
      expect.objectContaining({
        key: order.name,
        action: 'create',
        status: 'planned',
        changes: [
          expect.objectContaining({
            order_id: String(order.legacyId),
            order_code: order.name.slice(1),
            lines: expect.arrayContaining([expect.objectContaining({ sku: order.lines[0]?.sku })]),
          }),
        ],
      }),
    );
    const shipped = orders().find(
      (o) => !hasLineWithoutSku(o) && o.fulfillments.length > 0 && !o.cancelledAt && o.financialStatus !== 'REFUNDED',
    ) as OrderRecord;
    // A shipped order: the POST, then the PUT that carries the cargo data (POST /orders has no field for it).
    expect(report.items).toContainEqual(
      expect.objectContaining({
        key: shipped.name,
        status: 'planned',
        changes: [
          expect.objectContaining({ status: 5 }),
          { status: 5, data: expect.objectContaining({ tracking_number: shipped.fulfillments[0]?.trackingNumber }) },
        ],
      }),
    );
    expect(report.summary.total).toBe(20);
  });

  it('--limit 3 pushes the 3 oldest changes and moves the checkpoint to the third', async () => {
    const oldest = [...orders()].sort(byUpdate).slice(0, 3);
    const run = await runCli(['orders', '--limit', '3', '--json'], t.env);
    expect(keysOf(run.json())).toEqual(names(oldest));
    expect(readCheckpoint(t.home)).toMatchObject({ updatedAt: oldest[2]?.updatedAt, orderId: oldest[2]?.id });
  });

  it('--order pushes only the named orders (by name or numeric id) and leaves the checkpoint alone', async () => {
    const before = readCheckpoint(t.home);
    const pending = [...orders()]
      .sort(byUpdate)
      .slice(3)
      .filter((o) => !hasLineWithoutSku(o));
    const [byName, byId] = pending.slice(-2) as [OrderRecord, OrderRecord];
    const run = await runCli(['orders', '--order', byName.name, String(byId.legacyId), '--json'], t.env);
    expect(keysOf(run.json())).toEqual(names([byName, byId]));
    expect(run.json().summary.created).toBe(2);
    expect(readCheckpoint(t.home)).toEqual(before);
  });

  it('--since 1d reads only the last day, and does not move the checkpoint past orders it did not read', async () => {
    const dayAgo = Date.now() - 86_400_000;
    const run = await runCli(['orders', '--since', '1d', '--json'], t.env);
    const lastDay = orders().filter((o) => Date.parse(o.updatedAt) > dayAgo);
    // Orders that failed earlier (no SKU, met by --limit 3) are retried on every run, whatever the window.
    const failedBefore = [...orders()]
      .sort(byUpdate)
      .slice(0, 3)
      .filter((o) => hasLineWithoutSku(o) && !lastDay.includes(o));
    expect(keysOf(run.json())).toEqual(names([...lastDay, ...failedBefore]));
    expect(lastDay.length).toBeLessThan(orders().length - 3);
    // The plain run that follows still starts at the --limit checkpoint: nothing in between is lost.
    await runCli(['orders', '--json'], t.env);
    expectEachOrderOnce(t.sandbox);
  });

  it('a filtered run (--financial-status) does not move the checkpoint past what it filtered out', async () => {
    removeOrderState(t.home);
    const before = t.sandbox.sentos.state.orders.length;
    await runCli(['orders', '--limit', '2', '--json'], t.env);
    const checkpoint = readCheckpoint(t.home);
    await runCli(['orders', '--financial-status', 'refunded', '--json'], t.env);
    expect(readCheckpoint(t.home)).toEqual(checkpoint);
    expect(t.sandbox.sentos.state.orders).toHaveLength(before);
    expect([...copiesInSentos(t.sandbox).values()].every((n) => n === 1)).toBe(true);
  });
});
