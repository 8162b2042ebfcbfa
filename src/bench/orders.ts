import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LatencySetting } from '../sandbox/latency.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { measureCli } from './measure.js';

/** Sentos's writes per window (docs/sentos-api.md#rate-limits): the sustained rate is measured against it. */
const POSTS_PER_WINDOW = 12;

/** New unshipped orders pushed to Sentos under its limit of 12 POSTs per window. */
export interface OrdersFigures {
  exit: number;
  orders: number;
  created: number;
  posts: number;
  sentosRequests: number;
  /** GET /orders requests (lookups, listings). */
  orderGets: number;
  wallS: number;
  windowMs: number;
  /** Orders per Sentos window over the whole run (start-up and reads included). */
  perMinute: number;
  /**
   * Orders per window at the steady pace: 12 over the mean time between the k-th and the (k+12)-th order stored
   * in Sentos, the closest any client may come being one window (the first 12 go at once, so a whole-run average
   * over two windows says little). Undefined with 12 orders or fewer.
   */
  sustainedPerWindow: number | undefined;
  sentosPerOrder: number;
  peakRssMb: number | undefined;
}

export async function benchOrders(
  bin: string,
  orders: number,
  windowMs: number,
  latency: LatencySetting,
): Promise<OrdersFigures> {
  // Three times the orders seeded, then only new, unshipped, pushable ones kept: shipped ones add a PUT that shares the
  // write limit, and the goal is about the unshipped ones.
  const sandbox = await startSandbox({ products: 50, orders: 3 * orders, latency, sentos: { limits: { windowMs } } });
  keepUnshipped(sandbox, orders);
  const storedAt = recordStores(sandbox);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bench-'));
  try {
    const env = {
      ...process.env,
      ...sandbox.env,
      SENTOS_SYNC_HOME: home,
      SENTOS_SYNC_SENTOS_WINDOW_MS: String(windowMs),
      CI: '1',
    };
    sandbox.sentos.resetStats();
    const run = await measureCli(bin, ['orders', '--json', '--since', '30d'], env);
    let created = 0;
    try {
      created = (JSON.parse(run.stdout) as { summary?: { created?: number } }).summary?.created ?? 0;
    } catch {
      // not JSON: the run failed before its report
    }
    const stats = sandbox.sentos.stats();
    return {
      exit: run.code,
      orders: sandbox.shopify.state.orders.length,
      created,
      posts: stats.requests.byRoute['POST /orders'] ?? 0,
      sentosRequests: stats.requests.total,
      orderGets: stats.requests.byRoute['GET /orders'] ?? 0,
      wallS: run.wallMs / 1000,
      windowMs,
      perMinute: created / (run.wallMs / windowMs),
      sustainedPerWindow: sustainedRate(storedAt, windowMs),
      sentosPerOrder: stats.requests.total / Math.max(1, created),
      peakRssMb: run.peakRssMb,
    };
  } finally {
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** The first `count` orders that are not test, cancelled, refunded or fulfilled and whose lines all have a SKU. */
function keepUnshipped(sandbox: Sandbox, count: number): void {
  const state = sandbox.shopify.state;
  const wanted = state.orders
    .filter((o) => !o.test && !o.cancelledAt && o.fulfillments.length === 0 && o.refunds.length === 0)
    .filter((o) => o.lines.every((line) => Boolean(line.sku?.trim())))
    .slice(0, count);
  state.orders.splice(0, state.orders.length, ...wanted);
}

/** When Sentos stored each order (ms): the simulator runs in this process. */
function recordStores(sandbox: Sandbox): number[] {
  const storedAt: number[] = [];
  const orders = sandbox.sentos.state.orders;
  const push = orders.push.bind(orders);
  orders.push = (...items) => {
    for (let i = 0; i < items.length; i += 1) storedAt.push(Date.now());
    return push(...items);
  };
  return storedAt;
}

export function sustainedRate(storedAt: number[], windowMs: number): number | undefined {
  const gaps: number[] = [];
  for (let k = 0; k + POSTS_PER_WINDOW < storedAt.length; k += 1)
    gaps.push((storedAt[k + POSTS_PER_WINDOW] as number) - (storedAt[k] as number));
  if (gaps.length === 0) return undefined;
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  return (POSTS_PER_WINDOW * windowMs) / mean;
}
