import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LatencySetting } from '../sandbox/latency.js';
import { startSandbox } from '../sandbox/server.js';
import { measureCli } from './measure.js';

/** New unshipped orders pushed to Sentos under its limit of 12 POSTs per window. */
export interface OrdersFigures {
  exit: number;
  orders: number;
  created: number;
  posts: number;
  sentosRequests: number;
  wallS: number;
  windowMs: number;
  /** Orders per Sentos window, which is orders per minute at Sentos's real 60 s window. */
  perMinute: number;
  sentosPerOrder: number;
  peakRssMb: number | undefined;
}

export async function benchOrders(
  bin: string,
  orders: number,
  windowMs: number,
  latency: LatencySetting,
): Promise<OrdersFigures> {
  const sandbox = await startSandbox({ products: 50, orders, latency, sentos: { limits: { windowMs } } });
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
    const perWindow = created / (run.wallMs / windowMs);
    return {
      exit: run.code,
      orders,
      created,
      posts: stats.requests.byRoute['POST /orders'] ?? 0,
      sentosRequests: stats.requests.total,
      wallS: run.wallMs / 1000,
      windowMs,
      perMinute: perWindow,
      sentosPerOrder: stats.requests.total / Math.max(1, created),
      peakRssMb: run.peakRssMb,
    };
  } finally {
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
