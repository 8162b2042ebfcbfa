import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { knownSkusOf, readSentosSnapshot } from '../../sync/run/sentos-snapshot.js';
import { worseExitCode, type RunReport } from '../../sync/report.js';
import { runJob, type JobContext } from '../job.js';
import { allOption, dryRunOption, forceOption, limitOption, outputOption, parseSince } from '../options.js';
import { ordersPhase, pendingWindowStart, productsPhase, type PhaseDeps } from '../phases.js';
import type { Runtime } from '../runtime.js';
import { skuIndex } from '../state-files.js';
import { rememberAuth, retryOverride, sentosClientFor, shopifyClientFor } from '../services.js';
import type { RuntimeFactory } from './config.js';

interface SyncFlags {
  dryRun?: boolean;
  limit?: number;
  sku?: string[];
  force?: boolean;
  since?: string;
  status?: string;
  financialStatus?: string;
  fulfillmentStatus?: string;
  order?: string[];
  acknowledge?: string[];
  only?: 'orders' | 'products';
  all?: boolean;
  output?: string;
}

/** The `orders(query:)` search values the Admin API documents for these filters (2026-10 schema). */
const ORDER_STATUS_VALUES = ['open', 'closed', 'cancelled', 'not_closed'];
const FINANCIAL_STATUS_VALUES = [
  'paid',
  'pending',
  'authorized',
  'partially_paid',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
];
const FULFILLMENT_STATUS_VALUES = [
  'unshipped',
  'shipped',
  'fulfilled',
  'partial',
  'scheduled',
  'on_hold',
  'unfulfilled',
  'request_declined',
];

/** `products`, `orders` and `sync`: thin — flags in, one phase (or both) run inside the job frame. */
export function registerSyncCommands(program: Command, runtimeFor: RuntimeFactory): void {
  const productFlags = (c: Command) =>
    c
      .addOption(dryRunOption())
      .addOption(limitOption())
      .option('--sku <sku...>', 'only the products holding these SKUs')
      .addOption(forceOption())
      .addOption(allOption())
      .addOption(outputOption());
  const orderFlags = (c: Command) =>
    c
      .option(
        '--since <when>',
        'orders updated since a date, ISO time or duration (36h, 7d); default: the checkpoint, else 7 days',
      )
      // Checked against Shopify's documented search values before anything is sent (docs/shopify-api.md).
      .addOption(new Option('--status <status>', 'Shopify order status filter').choices(ORDER_STATUS_VALUES))
      .addOption(
        new Option('--financial-status <status>', 'Shopify financial status filter').choices(FINANCIAL_STATUS_VALUES),
      )
      .addOption(
        new Option('--fulfillment-status <status>', 'Shopify fulfillment status filter').choices(
          FULFILLMENT_STATUS_VALUES,
        ),
      )
      .option('--order <ref...>', 'only these orders (#1042 or numeric id)');

  productFlags(
    program.command('products').description('Sentos → Shopify: catalog, prices and stock per location'),
  ).action((flags: SyncFlags, command: Command) => jobFor(runtimeFor(command), 'products', flags));
  orderFlags(
    program.command('orders').description('Shopify → Sentos: push orders exactly once, then keep their status in step'),
  )
    .addOption(dryRunOption())
    .addOption(limitOption())
    .option(
      '--acknowledge <ref...>',
      'accept how Sentos holds these orders (#1042): their needs-attention differences are not reported again ' +
        'until the order changes in Shopify',
    )
    .addOption(allOption())
    .addOption(outputOption())
    .action((flags: SyncFlags, command: Command) => jobFor(runtimeFor(command), 'orders', flags));
  orderFlags(
    productFlags(
      program
        .command('sync')
        .description('Orders first, then products: the command for cron (never puts a sold unit back on sale)'),
    ),
  )
    .addOption(new Option('--only <phase>', 'run one phase only').choices(['orders', 'products']))
    .action((flags: SyncFlags, command: Command) => jobFor(runtimeFor(command), 'sync', flags));
}

async function jobFor(runtime: Runtime, command: 'products' | 'orders' | 'sync', flags: SyncFlags): Promise<void> {
  const config = runtime.config();
  const locks = command === 'sync' ? ['orders', 'products'] : [command];
  // Flags are checked before the lock and before any request (--since in the future, a bad date).
  const orderOptions = command === 'products' ? undefined : orderOptionsOf(flags, runtime);
  await runJob(
    runtime,
    command,
    locks,
    async (ctx) => {
      const deps = depsFor(runtime, config, ctx);
      // `orders` alone never reads the whole catalog: it resolves the SKUs it needs (docs/sentos-api.md#rate-limits).
      if (command === 'orders' || flags.only === 'orders') {
        const { report } = await ordersPhase(deps, undefined, orderOptions ?? orderOptionsOf(flags, runtime));
        rememberAuth(runtime, config, deps.sentos);
        if (command === 'sync') return done([{ title: 'Orders (Shopify → Sentos)', report }]);
        return { reports: [{ title: 'Orders', report }], exitCode: report.exitCode };
      }
      // One cheap Shopify call first: a wrong token fails now, not after the whole Sentos catalog was read. It
      // also brings the locations and counts the catalog read needs, so they cost no request of their own.
      deps.shopifyContext = await deps.shopify.getRunContext();
      const snapshot = await readSentosSnapshot(deps.sentos, () => runtime.clock.now(), ctx.sink, runtime.signal);
      rememberAuth(runtime, config, deps.sentos);
      skuIndex(runtime).save(knownSkusOf(snapshot), snapshot.readAtMs);
      const productOptions = {
        dryRun: Boolean(flags.dryRun),
        force: Boolean(flags.force),
        limit: flags.limit,
        skus: flags.sku,
        // The products phase is the snapshot's last reader here (`sync` ran its orders phase first).
        releaseSentosProducts: true,
      };
      if (command === 'products') {
        const report = await productsPhase(deps, snapshot, productOptions);
        return { reports: [{ title: 'Products', report }], exitCode: report.exitCode };
      }
      return syncBoth(deps, snapshot, flags, productOptions, orderOptions ?? orderOptionsOf(flags, runtime));
    },
    { all: flags.all, output: flags.output },
  );
}

async function syncBoth(
  deps: PhaseDeps,
  snapshot: Awaited<ReturnType<typeof readSentosSnapshot>>,
  flags: SyncFlags,
  productOptions: Parameters<typeof productsPhase>[2],
  orderOptions: Parameters<typeof ordersPhase>[2],
) {
  const reports = [];
  // Read before the orders phase moves the checkpoint: the pending read covers every order it could have seen.
  const windowStart = pendingWindowStart(deps.runtime);
  let ordersRun: Awaited<ReturnType<typeof ordersPhase>>['result'] | undefined;
  if (flags.only !== 'products') {
    const orders = await ordersPhase(deps, snapshot, orderOptions);
    reports.push({ title: 'Orders (Shopify → Sentos)', report: orders.report });
    ordersRun = orders.result;
    if (orders.report.interrupted) return done(reports);
  }
  if (flags.only !== 'orders') {
    // Orders are re-read after Shopify's levels: see pendingHoldReader. `--only products` re-reads them too.
    const phaseDeps = { ...deps, statsBefore: ordersRun ? deps.runtime.stats.snapshot() : undefined };
    const report = await productsPhase(phaseDeps, snapshot, productOptions, { windowStart, ordersRun });
    reports.push({ title: 'Products and stock (Sentos → Shopify)', report });
  }
  return done(reports);
}

function done(reports: Array<{ title: string; report: RunReport }>) {
  const exitCode = reports.reduce((code, r) => worseExitCode(code, r.report.exitCode), 0);
  const phases = Object.fromEntries(reports.map((r) => [r.report.command, r.report]));
  return { reports, exitCode, json: { command: 'sync', runId: reports[0]?.report.runId, exitCode, phases } };
}

function depsFor(runtime: Runtime, config: ReturnType<Runtime['config']>, ctx: JobContext): PhaseDeps {
  return {
    runtime,
    config,
    ctx,
    sentos: sentosClientFor(runtime, config, ctx.sink),
    shopify: shopifyClientFor(runtime, config, ctx.sink),
  };
}

function orderOptionsOf(flags: SyncFlags, runtime: Runtime) {
  return {
    dryRun: Boolean(flags.dryRun),
    since: flags.since ? sinceOf(flags.since, runtime) : undefined,
    search: searchOf(flags),
    // Acknowledged orders are read even when --order does not name them.
    orders: flags.acknowledge ? [...(flags.order ?? []), ...flags.acknowledge] : flags.order,
    acknowledge: flags.acknowledge,
    limit: flags.limit,
    settleMs: retryOverride(runtime.env).baseDelayMs,
  };
}

function sinceOf(value: string, runtime: Runtime): string {
  let since: string;
  try {
    since = parseSince(value, runtime.clock.now());
  } catch (error) {
    throw new UsageError(`--since ${value}: ${(error as Error).message}`);
  }
  // A window that starts in the future reads nothing and would look like "no new orders".
  if (Date.parse(since) > runtime.clock.now())
    throw new UsageError(`--since ${value} is in the future (${since}).`, {
      hint: 'Give a past date or time, or a duration back from now such as 36h or 7d.',
    });
  return since;
}

function searchOf(flags: SyncFlags): string | undefined {
  const terms = [
    flags.status ? `status:${flags.status}` : '',
    flags.financialStatus ? `financial_status:${flags.financialStatus}` : '',
    flags.fulfillmentStatus ? `fulfillment_status:${flags.fulfillmentStatus}` : '',
  ].filter(Boolean);
  return terms.length ? terms.join(' ') : undefined;
}
