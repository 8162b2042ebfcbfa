import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { measureCli, type Measured } from './measure.js';

/**
 * `npm run bench`: syncs catalogs of several sizes against the in-process sandbox with the CLI as a child
 * process, first run and unchanged resync, then pushes orders under Sentos's POST limit. A benchmark, not a
 * test: it prints figures and never fails on speed.
 *
 *   npm run bench -- --products 1000,10000 --orders 36 --plan standard|plus --sentos-window-ms 5000
 */
interface BenchOptions {
  sizes: number[];
  orders: number;
  plan: 'standard' | 'plus';
  sentosWindowMs: number;
}

const BUCKETS = {
  // shopify-admin-api.md §7.1: Standard 2,000 points restoring 100/s; Plus 10x.
  standard: { maximumAvailable: 2000, restoreRate: 100 },
  plus: { maximumAvailable: 20000, restoreRate: 1000 },
};

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/sentos-sync.js');

export async function runBench(options: BenchOptions): Promise<void> {
  console.log(
    `sentos-sync benchmark · node ${process.version} · ${os.cpus().length} cores · Shopify bucket: ${options.plan} ${JSON.stringify(BUCKETS[options.plan])}`,
  );
  for (const size of options.sizes) await benchProducts(size, options);
  if (options.orders > 0) await benchOrders(options);
}

async function benchProducts(size: number, options: BenchOptions): Promise<void> {
  const sandbox = await startSandbox({ products: size, orders: 0, shopify: { bucket: BUCKETS[options.plan] } });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bench-'));
  try {
    const env = { ...process.env, ...sandbox.env, SENTOS_SYNC_HOME: home, CI: '1' };
    const variants = sandbox.sentos.state.products.reduce((n, p) => n + Math.max(1, p.variants.length), 0);
    console.log(`\n## products: ${size} Sentos products (${variants} variants)`);
    const first = await runAndCount(sandbox, ['products', '--json', '--force'], env);
    row('first run', size, first);
    const second = await runAndCount(sandbox, ['products', '--json'], env);
    row('unchanged resync', size, second);
  } finally {
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

interface Counted {
  run: Measured;
  report: {
    summary?: Record<string, number>;
    requests?: { sentos: { reads: number; writes: number }; shopify: { reads: number; writes: number; cost?: number } };
  };
  shopifyMutations: number;
  shopifyCost: number;
}

async function runAndCount(sandbox: Sandbox, args: string[], env: NodeJS.ProcessEnv): Promise<Counted> {
  sandbox.shopify.resetStats();
  sandbox.sentos.resetStats();
  const run = await measureCli(BIN, args, env);
  let report: Counted['report'] = {};
  try {
    report = JSON.parse(run.stdout) as Counted['report'];
  } catch {
    console.log(`  (run exited ${run.code}; stderr tail: ${run.stderr.slice(-400)})`);
  }
  const stats = sandbox.shopify.stats();
  // bulkOperationRunQuery is a GraphQL mutation that only starts an export: not a data write.
  const exports = stats.requests.byOperation.bulkOperationRunQuery ?? 0;
  return { run, report, shopifyMutations: stats.requests.mutations - exports, shopifyCost: stats.costSpent };
}

function row(label: string, products: number, c: Counted): void {
  const r = c.report.requests;
  const sentosRequests = r ? r.sentos.reads + r.sentos.writes : NaN;
  const shopifyRequests = r ? r.shopify.reads + r.shopify.writes : NaN;
  const s = c.report.summary ?? {};
  console.log(
    `- ${label}: exit ${c.run.code} · wall ${(c.run.wallMs / 1000).toFixed(1)} s · Sentos ${sentosRequests} requests · Shopify ${shopifyRequests} requests ` +
      `(${c.shopifyMutations} data mutations, cost ${Math.round(c.shopifyCost)}) · ${((sentosRequests + shopifyRequests) / products).toFixed(2)} requests/product · ` +
      `peak RSS ${c.run.peakRssMb ?? '?'} MB · created ${s.created ?? 0}, updated ${s.updated ?? 0}, unchanged ${s.unchanged ?? 0}, failed ${s.failed ?? 0}`,
  );
}

async function benchOrders(options: BenchOptions): Promise<void> {
  const windowMs = options.sentosWindowMs;
  const sandbox = await startSandbox({ products: 50, orders: options.orders, sentos: { limits: { windowMs } } });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bench-'));
  try {
    const env = {
      ...process.env,
      ...sandbox.env,
      SENTOS_SYNC_HOME: home,
      SENTOS_SYNC_SENTOS_WINDOW_MS: String(windowMs),
      CI: '1',
    };
    console.log(
      `\n## orders: ${options.orders} seeded Shopify orders · Sentos limit 12 POST per ${windowMs / 1000} s window (scaled from 60 s)`,
    );
    const c = await runAndCount(sandbox, ['orders', '--json', '--since', '30d'], env);
    const created = c.report.summary?.created ?? 0;
    const posts = sandbox.sentos.stats().requests.byRoute['POST /orders'] ?? 0;
    const sentosRequests = c.report.requests ? c.report.requests.sentos.reads + c.report.requests.sentos.writes : NaN;
    const perWindow = created / (c.run.wallMs / windowMs);
    console.log(
      `- push: exit ${c.run.code} · ${created} created with ${posts} POST /orders in ${(c.run.wallMs / 1000).toFixed(1)} s · ` +
        `${perWindow.toFixed(1)} orders per window = ${perWindow.toFixed(1)} orders/minute at Sentos's real 60 s window (limit 12) · ` +
        `${(sentosRequests / Math.max(1, created)).toFixed(2)} Sentos requests per order · peak RSS ${c.run.peakRssMb ?? '?'} MB`,
    );
  } finally {
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): BenchOptions {
  const get = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    sizes: (get('products') ?? '1000,10000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    orders: Number(get('orders') ?? 36),
    plan: get('plan') === 'standard' ? 'standard' : 'plus',
    sentosWindowMs: Number(get('sentos-window-ms') ?? 5000),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await runBench(parseArgs(process.argv.slice(2)));
}
