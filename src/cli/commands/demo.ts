import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Option, type Command } from 'commander';
import { ActivityLog } from '../../core/activity-log.js';
import { ExitCode } from '../../core/errors.js';
import { resolvePaths } from '../../config/paths.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { positiveInt } from '../options.js';
import { judgeShipment, shipOnePushedOrder } from './demo-ship.js';
import { RunRecords } from '../../sync/state/run-records.js';
import type { Runtime } from '../runtime.js';
import type { RuntimeFactory } from './config.js';

interface DemoFlags {
  products: number;
  orders: number;
  seed: number;
  windowMs: number;
  keepHome?: boolean;
}

interface DemoStep {
  id: string;
  title: string;
  explain: string;
  args: string[];
}

export interface DemoStepResult {
  id: string;
  title: string;
  exitCode: number;
  ok: boolean;
  /** The step's own --json document (RunReport, or the test-connection result). */
  report?: unknown;
  /** Shopify mutations the step sent, counted by the simulator itself (the resync must send none). */
  shopifyWrites: number;
  note?: string;
}

/**
 * Shopify's query-cost bucket of a Plus store (restore 1,000 points/s, docs/shopify-api.md#rate-limits-by-plan; bucket
 * 20,000 [I]). A Standard store's 100/s would spend most of the demo waiting for the bucket to refill.
 */
const DEMO_SHOPIFY_BUCKET = { maximumAvailable: 20_000, restoreRate: 1_000 };

/**
 * The first wait before polling a bulk export. The demo's sandbox has no latency model, so it finishes an export at
 * loopback speed: the default schedule (250 ms and up, sized for Shopify) would be seconds of the demo spent waiting.
 */
const DEMO_BULK_POLL_MS = 5;

/**
 * The first retry backoff (1 s, sized for Sentos's one-minute window) compressed like the window. The demo's steps
 * follow each other inside one window, so a repeated GET meets a 429; its Retry-After still sets the floor of the
 * wait, but a 1 s backoff would make each such retry last longer than the whole compressed window.
 */
function demoRetryBaseMs(windowMs: number): number {
  return Math.max(1, Math.round((1_000 * windowMs) / 60_000));
}

const STEPS: readonly DemoStep[] = [
  {
    id: 'test-connection',
    title: 'Test both connections',
    explain:
      'Checks the Shopify shop and API version, detects how Sentos wants to be authenticated and lists its warehouses.',
    args: ['test-connection'],
  },
  {
    id: 'products-plan',
    title: 'Products: the plan (dry run)',
    explain: 'Reads both catalogs and shows what a products run would create or update. Nothing is written.',
    args: ['products', '--dry-run'],
  },
  {
    id: 'products',
    title: 'Products: apply the plan',
    explain: 'Creates the Sentos products in Shopify and sets their stock at each mapped location.',
    args: ['products'],
  },
  {
    id: 'products-resync',
    title: 'Products: resync',
    explain: 'Runs products again. Nothing changed in Sentos, so nothing is written to Shopify.',
    args: ['products'],
  },
  {
    id: 'orders',
    title: 'Orders: Shopify → Sentos',
    explain:
      'Pushes the Shopify orders to Sentos, exactly once each (a ledger and a remote lookup prevent duplicates).',
    args: ['orders'],
  },
  {
    id: 'fulfil',
    title: 'Shipped in Sentos: fulfilled in Shopify',
    explain:
      'Marks one pushed order shipped in Sentos (Yurtiçi Kargo and a tracking number, as the panel would), then runs ' +
      'orders again: the Shopify order is fulfilled with that tracking, once.',
    args: ['orders'],
  },
];

/**
 * `demo`: the whole tool on the embedded sandbox in one command. It calls the same
 * command code in-process (main) with an environment that points at loopback simulators and a temporary
 * home, so no real credential, setting or state is read or written.
 */
export function registerDemoCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('demo')
    .description(
      'Try the tool end to end on the built-in sandbox: nothing real is touched (temporary home, loopback simulators)',
    )
    .addOption(new Option('--products <n>', 'Sentos catalog size').argParser(positiveInt).default(25))
    .addOption(new Option('--orders <n>', 'seeded Shopify orders').argParser(positiveInt).default(10))
    .addOption(new Option('--seed <n>', 'seed of the generated data').argParser(positiveInt).default(1))
    .addOption(
      new Option('--window-ms <n>', "length of Sentos's one-minute rate window in the sandbox, so the demo stays fast")
        .argParser(positiveInt)
        .default(1000),
    )
    .option('--keep-home', 'keep the temporary home afterwards (to try `logs` and `status` on it)')
    .action(async (flags: DemoFlags, command: Command) => {
      const runtime = runtimeFor(command);
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-demo-'));
      let sandbox: Sandbox | undefined;
      try {
        sandbox = await startSandbox({
          products: flags.products,
          orders: flags.orders,
          seed: flags.seed,
          sentos: { limits: { windowMs: flags.windowMs } },
          // The money model's golden orders too (README "Money"): each must arrive in Sentos adding up.
          shopify: { bucket: DEMO_SHOPIFY_BUCKET, goldenOrders: true },
        });
        await runDemo(runtime, sandbox, home, flags);
      } finally {
        await sandbox?.close();
        if (flags.keepHome)
          runtime.output.info(`Demo home kept: ${home}\n  SENTOS_SYNC_HOME=${home} sentos-sync status`);
        else fs.rmSync(home, { recursive: true, force: true });
      }
    });
}

async function runDemo(runtime: Runtime, sandbox: Sandbox, home: string, flags: DemoFlags): Promise<void> {
  const env = demoEnv(runtime.env, sandbox, home, flags.windowMs);
  const out = runtime.output;
  const c = out.chalk;
  const intro = introText(sandbox, flags);
  if (!out.json) out.result(`${c.bold('sentos-sync demo')}\n${intro.join('\n')}`);
  const results: DemoStepResult[] = [];
  for (const [index, step] of STEPS.entries()) {
    if (runtime.signal.aborted) break;
    if (!out.json)
      out.result(`\n${c.bold.cyan(`── Step ${index + 1}/${STEPS.length} · ${step.title}`)}\n${c.dim(step.explain)}\n`);
    const result = await runStep(runtime, env, step, sandbox, home);
    results.push(result);
    if (!out.json && result.note) out.result(result.ok ? `${c.green('✔')} ${result.note}` : c.red(`✖ ${result.note}`));
    if (!result.ok) break;
  }
  const failed = results.find((r) => !r.ok);
  const exitCode = failed
    ? failed.exitCode || ExitCode.failure
    : runtime.signal.aborted
      ? ExitCode.interrupted
      : ExitCode.ok;
  runtime.exitCode = exitCode;
  if (out.json) {
    out.resultJson({
      command: 'demo',
      ok: exitCode === ExitCode.ok,
      exitCode,
      home,
      homeKept: Boolean(flags.keepHome),
      sandbox: {
        sentos: sandbox.sentos.url,
        shopify: sandbox.shopify.url,
        products: flags.products,
        orders: flags.orders,
        windowMs: flags.windowMs,
        note: intro[1],
      },
      steps: results,
    });
  } else {
    out.result(`\n${closingText(exitCode, failed, c, Boolean(flags.keepHome))}`);
  }
}

async function runStep(
  runtime: Runtime,
  env: Record<string, string>,
  step: DemoStep,
  sandbox: Sandbox,
  home: string,
): Promise<DemoStepResult> {
  const shipped = step.id === 'fulfil' ? shipOnePushedOrder(sandbox) : undefined;
  const before = sandbox.shopify.stats().requests.dataMutations;
  const { code, report } = await runNested(runtime, env, step.args);
  const shopifyWrites = sandbox.shopify.stats().requests.dataMutations - before;
  const verdict =
    step.id === 'fulfil' ? judgeShipment(sandbox, shipped) : judge(step.id, code, shopifyWrites, sandbox, home);
  return {
    id: step.id,
    title: step.title,
    exitCode: code,
    ok: verdict.ok,
    shopifyWrites,
    ...(report !== undefined ? { report } : {}),
    ...(verdict.note ? { note: verdict.note } : {}),
  };
}

/** What each step must show; the sandbox's own request counts are the evidence, not the tool's report. */
function judge(
  id: string,
  code: number,
  shopifyWrites: number,
  sandbox: Sandbox,
  home: string,
): { ok: boolean; note?: string } {
  if (id === 'products-plan')
    return shopifyWrites === 0
      ? { ok: code === ExitCode.ok, note: 'the dry run sent no write to Shopify' }
      : { ok: false, note: `the dry run sent ${shopifyWrites} writes to Shopify` };
  if (id === 'products-resync')
    return shopifyWrites === 0
      ? { ok: code === ExitCode.ok, note: 'the resync wrote nothing: 0 Shopify writes' }
      : { ok: false, note: `the resync sent ${shopifyWrites} Shopify writes; expected none` };
  if (id !== 'orders' || code === ExitCode.ok) return { ok: code === ExitCode.ok };
  if (code !== ExitCode.partial) return { ok: false };
  // The sandbox seeds an order with a line that has no SKU on purpose: it must fail, and nothing else may.
  const seeded = new Set(
    sandbox.shopify.state.orders.filter((o) => o.lines.some((l) => !l.sku?.trim())).map((o) => o.name),
  );
  const failed = failedItems(home, 'orders');
  const unexpected = failed.filter((key) => !seeded.has(key));
  if (failed.length === 0) return { ok: false, note: 'the orders run was partial without a failed order (conflicts?)' };
  if (unexpected.length > 0) return { ok: false, note: `unexpected failures: ${unexpected.join(', ')}` };
  return {
    ok: true,
    note:
      `${failed.join(', ')} failed on purpose: the sandbox seeds an order with a line that has no SKU, to ` +
      `show how a failing order is reported (it is retried on every run until fixed)`,
  };
}

/** The items the last run of `command` logged as failed, read back from the demo home's activity log. */
function failedItems(home: string, command: string): string[] {
  const paths = resolvePaths({ SENTOS_SYNC_HOME: home }, 'default');
  const runId = new RunRecords(paths.stateDir).lastRuns()[command]?.runId;
  if (!runId) return [];
  return [
    ...new Set(
      new ActivityLog(paths.logFile, Number.POSITIVE_INFINITY)
        .read({ runId, type: 'error' })
        .flatMap((e) => (e.item ? [e.item] : [])),
    ),
  ];
}

/** Runs one command through the real entry point; with --json its one document is captured and kept. */
async function runNested(
  runtime: Runtime,
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; report?: unknown }> {
  // Imported when the demo runs, not at load time: main.ts imports the program that registers this command.
  const { main } = await import('../main.js');
  const out = runtime.output;
  const globals = [
    out.chalk.level === 0 ? '--no-color' : '',
    out.quiet ? '--quiet' : '',
    out.verbose ? '--verbose' : '',
  ].filter(Boolean);
  const overrides = { env, stderr: out.stderr, signal: runtime.signal, clock: runtime.clock };
  const previous = process.exitCode;
  try {
    if (!out.json)
      return { code: await main(['node', 'sentos-sync', ...globals, ...args], { ...overrides, stdout: out.stdout }) };
    const captured = new PassThrough();
    const chunks: Buffer[] = [];
    captured.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await main(['node', 'sentos-sync', ...globals, ...args, '--json'], { ...overrides, stdout: captured });
    const text = Buffer.concat(chunks).toString('utf8').trim();
    return { code, report: text ? (JSON.parse(text) as unknown) : undefined };
  } finally {
    process.exitCode = previous;
  }
}

/** Only what the CLI needs to run, plus the sandbox: no real credential or setting from the caller's env. */
export function demoEnv(
  callerEnv: NodeJS.ProcessEnv,
  sandbox: Sandbox,
  home: string,
  windowMs: number,
): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of ['PATH', 'NO_COLOR', 'TERM', 'CI', 'TMPDIR', 'SYSTEMROOT']) {
    const value = callerEnv[name];
    if (value !== undefined) passed[name] = value;
  }
  return {
    ...passed,
    ...sandbox.env,
    SENTOS_SYNC_HOME: home,
    SENTOS_SYNC_SENTOS_WINDOW_MS: String(windowMs),
    SENTOS_SYNC_BULK_POLL_MS: String(DEMO_BULK_POLL_MS),
    SENTOS_SYNC_RETRY_BASE_MS: String(demoRetryBaseMs(windowMs)),
  };
}

function introText(sandbox: Sandbox, flags: DemoFlags): string[] {
  return [
    `Loopback simulators of Sentos (${sandbox.sentos.url}) and Shopify (${sandbox.shopify.url}): ` +
      `${flags.products} Sentos products, ${flags.orders} Shopify orders and the money model's golden orders ` +
      `(#2001…: discounts, tax-exclusive prices, refunds, edits, an exchange, EUR).`,
    `The sandbox runs Sentos's one-minute rate window in ${flags.windowMs} ms (the real limit is 12 writes per ` +
      `minute), so the demo stays fast.`,
    `Its Shopify store has a Plus plan's query-cost bucket (${DEMO_SHOPIFY_BUCKET.maximumAvailable} points, ` +
      `refilled at ${DEMO_SHOPIFY_BUCKET.restoreRate}/s); on a Standard plan (100/s) large reads wait for the bucket.`,
    'A temporary home holds the settings and state; your own configuration is not read or changed.',
  ];
}

function closingText(
  exitCode: number,
  failed: DemoStepResult | undefined,
  c: Runtime['output']['chalk'],
  keptHome: boolean,
): string {
  if (exitCode === ExitCode.interrupted) return c.yellow('Demo interrupted.');
  if (failed) return c.red(`The demo stopped at "${failed.title}" (exit code ${failed.exitCode}).`);
  return [
    c.green(
      `Demo finished: every step succeeded. ${
        keptHome ? 'The temporary home was kept (path on stderr)' : 'The temporary ' + 'home was removed'
      }; nothing real was touched.`,
    ),
    'Next: connect your own store and Sentos account (see README, "First-time setup"), then `sentos-sync sync ' +
      '--dry-run`.',
  ].join('\n');
}
