import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLatencyModel, type LatencySetting } from '../sandbox/latency.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { PLAN_BUCKETS, type ShopifyPlan } from '../sandbox/shopify/plans.js';
import { measureCli, type Measured } from './measure.js';

/**
 * How product writes go (docs/architecture.md#bulk-import): `auto` is the tool's default (bulk imports from
 * products.bulkThreshold writes when one call each would wait over products.bulkQuotaWait for the bucket), `bulk`
 * sets the wait to 0 (bulk from the threshold whatever the bucket), `per-call` sets the threshold to 0 (one productSet
 * per product).
 */
export type WriteMode = 'auto' | 'bulk' | 'per-call';

const WRITE_ENV: Record<WriteMode, Record<string, string>> = {
  auto: {},
  bulk: { SENTOS_SYNC_BULK_QUOTA_WAIT: '0' },
  'per-call': { SENTOS_SYNC_BULK_THRESHOLD: '0' },
};

/** One products cell of the benchmark: a dry run, a first sync (forced) and an unchanged resync of the same store. */
export interface ProductsCell {
  products: number;
  variants: number;
  plan: ShopifyPlan;
  write: WriteMode;
  /** `products --dry-run` on the empty store: the reads and the plan of the first sync, nothing written. */
  dry: RunFigures;
  first: RunFigures;
  resync: RunFigures;
}

export interface RunFigures {
  exit: number;
  wallS: number;
  /** Time until the first data mutation answered (Sentos read, Shopify read, planning): the run's read time. */
  readS: number;
  /** Quota-bound ideal: (cost − bucket max) / restore rate + read time. */
  idealS: number;
  cost: number;
  shopifyRequests: number;
  /** Shopify requests per root field (productSet, bulkOperation, …): which kinds a run spends its requests on. */
  byOperation: Record<string, number>;
  sentosRequests: number;
  mutations: number;
  throttled: number;
  peakRssMb: number | undefined;
  /** CPU seconds of the CLI and of this process (the sandbox's simulators) during the run. */
  cpu: { cliS: number | undefined; sandboxS: number };
  summary: Record<string, number>;
  stderrTail?: string;
}

export async function benchProducts(
  bin: string,
  products: number,
  plan: ShopifyPlan,
  latency: LatencySetting,
  resyncLatency: LatencySetting = latency,
  write: WriteMode = 'auto',
  bulkRate?: number,
  nodeArgs: string[] = [],
): Promise<ProductsCell> {
  const bulk = bulkRate ? { bulk: { mutationLinesPerSecond: bulkRate } } : {};
  const sandbox = await startSandbox({ products, orders: 0, plan, latency, shopify: bulk });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bench-'));
  try {
    const env = {
      ...process.env,
      ...sandbox.env,
      SENTOS_SYNC_HOME: home,
      CI: '1',
      ...WRITE_ENV[write],
    };
    const variants = sandbox.sentos.state.products.reduce((n, p) => n + Math.max(1, p.variants.length), 0);
    const dry = await measureRun(bin, sandbox, ['products', '--json', '--dry-run'], env, plan, nodeArgs);
    const first = await measureRun(bin, sandbox, ['products', '--json', '--force'], env, plan, nodeArgs);
    // Both simulators hold this one model object: switching it in place gives the resync its own latency (a
    // 10k first sync at loopback speed, then the resync's bulk export at field speed).
    if (resyncLatency !== latency) Object.assign(sandbox.latency, createLatencyModel(resyncLatency, 1));
    const resync = await measureRun(bin, sandbox, ['products', '--json'], env, plan, nodeArgs);
    return { products, variants, plan, write, dry, first, resync };
  } finally {
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function measureRun(
  bin: string,
  sandbox: Sandbox,
  args: string[],
  env: NodeJS.ProcessEnv,
  plan: ShopifyPlan,
  nodeArgs: string[],
): Promise<RunFigures> {
  sandbox.shopify.resetStats();
  sandbox.sentos.resetStats();
  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const run: Measured = await measureCli(bin, args, env, nodeArgs);
  const sandboxCpu = process.cpuUsage(cpuBefore);
  const shopify = sandbox.shopify.stats();
  const sentos = sandbox.sentos.stats();
  let summary: Record<string, number> = {};
  try {
    summary = (JSON.parse(run.stdout) as { summary?: Record<string, number> }).summary ?? {};
  } catch {
    // not JSON: the run failed before its report; the stderr tail says why
  }
  const wallS = run.wallMs / 1000;
  const readS = shopify.firstWriteAtMs === null ? wallS : (shopify.firstWriteAtMs - startedAt) / 1000;
  const bucket = PLAN_BUCKETS[plan];
  const cost = shopify.costSpent;
  return {
    exit: run.code,
    wallS,
    readS,
    idealS: Math.max(0, cost - bucket.maximumAvailable) / bucket.restoreRate + readS,
    cost,
    shopifyRequests: shopify.requests.total,
    byOperation: shopify.requests.byOperation,
    sentosRequests: sentos.requests.total,
    mutations: shopify.requests.dataMutations,
    throttled: shopify.throttled,
    peakRssMb: run.peakRssMb,
    cpu: { cliS: run.cpuS, sandboxS: (sandboxCpu.user + sandboxCpu.system) / 1e6 },
    summary,
    ...(run.code === 0 ? {} : { stderrTail: run.stderr.slice(-400) }),
  };
}
