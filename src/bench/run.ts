import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLatencyModel, parseLatency, type LatencySetting } from '../sandbox/latency.js';
import { isShopifyPlan, PLAN_BUCKETS, type ShopifyPlan } from '../sandbox/shopify/plans.js';
import { benchOrders } from './orders.js';
import { benchProducts, type WriteMode } from './products.js';
import { benchStartup } from './startup.js';
import { cellLines, ordersLine, startupLine, tableHeader, tableRows } from './table.js';

/**
 * `npm run bench`: syncs catalogs against the in-process sandbox with the CLI as a child process (dry run, first run
 * and unchanged resync) per plan, pushes orders under Sentos's POST limit, and times start-up. A benchmark,
 * not a test: it prints figures and never fails on speed. Cells run smallest first; pick single cells with:
 *
 *   npm run bench -- --products 1000,10000 --plan standard,plus --latency field|none|<ms> --resync-latency …
 *                    --write auto,bulk,per-call --bulk-rate <lines/s>
 *                    --orders 24 --sentos-window-ms 60000 --no-orders --no-startup --no-products --cpu-prof <dir>
 *
 * `--write` compares the tool's choice (`auto`, the default) with bulk imports forced and one productSet per product;
 * `--bulk-rate` is the simulator's JSONL lines per second per bulk operation (its default: 20 with latency, 1000
 * without [I: Shopify publishes no figure]). `--cpu-prof <dir>` runs each CLI child with node's `--cpu-prof` into that
 * folder (profile the sandbox side with `node --cpu-prof dist/bench/run.js …`).
 */
interface BenchOptions {
  sizes: number[];
  plans: ShopifyPlan[];
  writes: WriteMode[];
  bulkRate?: number;
  latency: LatencySetting;
  /** The unchanged resync's latency (default: --latency), e.g. a fast first sync and a field-speed resync. */
  resyncLatency: LatencySetting;
  orders: number;
  sentosWindowMs: number;
  startup: boolean;
  /** node options for each CLI child (`--cpu-prof --cpu-prof-dir <dir>`). */
  nodeArgs: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/sentos-sync.js');

export async function runBench(options: BenchOptions): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `sentos-sync benchmark · ${new Date().toISOString()} · node ${process.version} · ` +
      `${os.cpus().length} cores (${cpu})`,
  );
  console.log(createLatencyModel(options.latency).describe());
  if (options.resyncLatency !== options.latency)
    console.log(`resync ${createLatencyModel(options.resyncLatency).describe()}`);
  for (const plan of options.plans)
    console.log(
      `plan ${plan}: bucket ${PLAN_BUCKETS[plan].maximumAvailable}, restore ${PLAN_BUCKETS[plan].restoreRate}/s`,
    );
  if (options.writes.some((write) => write !== 'per-call'))
    console.log(
      `bulk imports: ${options.bulkRate ?? (options.latency === 'none' ? 1000 : 20)} JSONL lines/s per operation ` +
        '(the simulator\u2019s rate; Shopify publishes none), up to 5 operations at once',
    );
  const rows: string[] = [];
  for (const size of options.sizes)
    for (const plan of options.plans)
      for (const write of options.writes) {
        console.log(`\n## ${size} products on ${plan}, writes ${write}`);
        const cell = await benchProducts(
          BIN,
          size,
          plan,
          options.latency,
          options.resyncLatency,
          write,
          options.bulkRate,
          options.nodeArgs,
        );
        for (const line of cellLines(cell)) console.log(line);
        rows.push(...tableRows(cell));
      }
  if (rows.length > 0) console.log(`\n${tableHeader()}\n${rows.join('\n')}`);
  if (options.orders > 0) {
    console.log(
      `\n## orders: ${options.orders} new unshipped orders, Sentos window ${options.sentosWindowMs / 1000} s`,
    );
    console.log(ordersLine(await benchOrders(BIN, options.orders, options.sentosWindowMs, options.latency)));
  }
  if (options.startup) console.log(`\n## start-up\n${startupLine(benchStartup(BIN))}`);
}

export function parseArgs(argv: string[]): BenchOptions {
  const get = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const list = (value: string) => value.split(',').map((part) => part.trim());
  const plans = list(get('plan') ?? 'standard,plus');
  const unknown = plans.filter((plan) => !isShopifyPlan(plan));
  if (unknown.length > 0)
    throw new Error(`--plan: unknown plan ${unknown.join(', ')} (standard, advanced, plus, enterprise)`);
  return {
    sizes: argv.includes('--no-products')
      ? []
      : list(get('products') ?? '1000,10000')
          .map(Number)
          .filter((n) => n > 0)
          .sort((a, b) => a - b),
    plans: plans as ShopifyPlan[],
    writes: writeModes(list(get('write') ?? 'auto')),
    ...(get('bulk-rate') ? { bulkRate: Number(get('bulk-rate')) } : {}),
    latency: parseLatency(get('latency') ?? 'field'),
    resyncLatency: parseLatency(get('resync-latency') ?? get('latency') ?? 'field'),
    orders: argv.includes('--no-orders') ? 0 : Number(get('orders') ?? 24),
    sentosWindowMs: Number(get('sentos-window-ms') ?? 60_000),
    startup: !argv.includes('--no-startup'),
    nodeArgs: get('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', get('cpu-prof')!] : [],
  };
}

function writeModes(values: string[]): WriteMode[] {
  const bad = values.filter((v) => v !== 'auto' && v !== 'bulk' && v !== 'per-call');
  if (bad.length > 0) throw new Error(`--write: unknown mode ${bad.join(', ')} (auto, bulk, per-call)`);
  return values as WriteMode[];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await runBench(parseArgs(process.argv.slice(2)));
}
