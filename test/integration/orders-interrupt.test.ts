import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_WINDOW_MS, runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, pushable, routeCount, stateFile } from './orders-oracle.js';

/**
 * Plus figures: each run reads the orders in pages that reserve ~500 points, and a Standard bucket (100/s) would
 * make the later runs wait seconds for restore, which is not what this file tests.
 */
const SHOP = { plan: 'plus' } as const;

/**
 * Order push: a run killed midway and rerun leaves each order exactly once. In-process the kill is the AbortSignal
 * (what Ctrl-C/SIGTERM trigger); a crash between a POST and the ledger write is emulated by cutting the ledger and
 * checkpoint back to what a crash would have left on disk.
 */
describe('orders: interrupted runs', () => {
  let t: TestSandbox;
  afterEach(() => t.close());

  /** Aborts the run as soon as Sentos holds `after` orders. */
  function abortAfterOrders(after: number): AbortController {
    const controller = new AbortController();
    const timer = setInterval(() => {
      if (t.sandbox.sentos.state.orders.length >= after) {
        controller.abort(new Error('SIGINT'));
        clearInterval(timer);
      }
    }, 1);
    controller.signal.addEventListener('abort', () => clearInterval(timer));
    setTimeout(() => clearInterval(timer), 15_000).unref();
    return controller;
  }

  it('stops after the order in flight, saves progress, and the rerun finishes each order exactly once', async () => {
    t = await startTestSandbox({ products: 12, orders: 20, seed: 11, shopify: SHOP });
    const total = pushable(t.sandbox).length;
    const controller = abortAfterOrders(5);
    const first = await runCli(['orders', '--json'], t.env, { signal: controller.signal });
    expect(first.code).toBe(130);
    const report = first.json();
    expect(report.interrupted).toBe(true);
    const createdFirst = t.sandbox.sentos.state.orders.length;
    expect(createdFirst).toBeGreaterThanOrEqual(5);
    expect(createdFirst).toBeLessThan(total);
    expect(report.summary.created).toBe(createdFirst);
    expect(fs.existsSync(stateFile(t.home, 'orders-checkpoint.json'))).toBe(true);

    // Let Sentos's (scaled) POST window pass: a fresh process cannot know the last one's writes, and a 429
    // it then meets would be retried but still counted as a POST here.
    await new Promise((resolve) => setTimeout(resolve, FAST_WINDOW_MS));
    t.sandbox.sentos.resetStats();
    const second = await runCli(['orders', '--json'], t.env);
    expect(second.json().interrupted).toBe(false);
    expectEachOrderOnce(t.sandbox);
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(total - createdFirst);
  });

  it('a crash after POSTs whose ledger lines and checkpoint never reached disk creates no duplicate', async () => {
    t = await startTestSandbox({ products: 12, orders: 20, seed: 12, shopify: SHOP });
    const checkpointFile = stateFile(t.home, 'orders-checkpoint.json');
    const ledgerFile = stateFile(t.home, 'orders-ledger.jsonl');
    // A first run over half the orders leaves an early checkpoint (what a crash would have left).
    await runCli(['orders', '--json', '--limit', '4'], t.env);
    const earlyCheckpoint = fs.readFileSync(checkpointFile, 'utf8');
    const earlyLedger = fs.readFileSync(ledgerFile, 'utf8');
    await runCli(['orders', '--json'], t.env);
    expectEachOrderOnce(t.sandbox);
    const sentosIds = t.sandbox.sentos.state.orders.map((o) => o.id).sort();
    // The crash: everything after the early state is lost locally, but Sentos has the orders.
    fs.writeFileSync(checkpointFile, earlyCheckpoint);
    fs.writeFileSync(ledgerFile, earlyLedger);

    t.sandbox.sentos.resetStats();
    const rerun = await runCli(['orders', '--json'], t.env);
    expect(rerun.json().summary).toMatchObject({ created: 0, updated: 0 });
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expectEachOrderOnce(t.sandbox);
    expect(t.sandbox.sentos.state.orders.map((o) => o.id).sort()).toEqual(sentosIds);
  });
});
