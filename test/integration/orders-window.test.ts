import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { hasLineWithoutSku, routeCount, stateFile } from './orders-oracle.js';

/**
 * Order push: which orders a plain run reads. The checkpoint (last processed updatedAt) starts the next window, minus a
 * 10-minute overlap; older orders are not read again unless they change.
 */
const OVERLAP_MS = 10 * 60_000;
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

describe('orders: the checkpoint window', () => {
  let t: TestSandbox;
  const orders = () => t.sandbox.shopify.state.orders;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 10, orders: 20, seed: 31, shopify: FAST_BUCKET });
  });
  afterAll(() => t.close());

  it(
    'saves the last processed updatedAt; the next run reads from it minus the overlap, and no ' + 'older order',
    async () => {
      await runCli(['orders', '--json'], t.env);
      const newest = [...orders()].sort(byUpdate).at(-1) as OrderRecord;
      expect(readCheckpoint(t.home)).toMatchObject({ updatedAt: newest.updatedAt });
      // Forget what was sent (keep the checkpoint): the items of the next run are exactly the window's orders.
      fs.rmSync(stateFile(t.home, 'orders-ledger.jsonl'));
      const start = Date.parse(newest.updatedAt) - OVERLAP_MS;
      const inWindow = orders().filter((o) => Date.parse(o.updatedAt) > start);
      expect(inWindow.length).toBeLessThan(orders().length);
      const run = await runCli(['orders', '--json'], t.env);
      expect(keysOf(run.json())).toEqual(names(inWindow));
    },
  );

  it('an old order updated after the run is picked up (and updated, not created)', async () => {
    const start = Date.parse(readCheckpoint(t.home).updatedAt) - OVERLAP_MS;
    const old = orders().find((o) => Date.parse(o.updatedAt) < start && !o.cancelledAt && !hasLineWithoutSku(o));
    if (!old) throw new Error('seed has no old open order');
    t.sandbox.shopify.state.cancelOrder(old.id);
    t.sandbox.sentos.resetStats();
    const run = await runCli(['orders', '--json'], t.env);
    expect(run.json().items).toContainEqual(
      expect.objectContaining({ key: old.name, action: 'update', status: 'done' }),
    );
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(readCheckpoint(t.home)).toMatchObject({ updatedAt: old.updatedAt });
  });
});
