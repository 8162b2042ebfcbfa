import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseLatency, type LatencySetting } from '../../sandbox/latency.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { PLAN_BUCKETS, SHOPIFY_PLANS, type ShopifyPlan } from '../../sandbox/shopify/plans.js';
import { positiveInt } from '../options.js';
import { shellQuote } from '../shell-quote.js';
import type { RuntimeFactory } from './config.js';

interface SandboxFlags {
  port?: number;
  products?: number;
  orders?: number;
  seed?: number;
  faults?: number;
  shoppers?: number;
  sentosStockStatuses?: number[];
  webhookDrop?: number;
  webhookDuplicate?: number;
  webhookTimeScale?: number;
  plan?: ShopifyPlan;
  latency?: LatencySetting;
  bulkRate?: number;
}

/** `sandbox`: both simulators on loopback until Ctrl-C, so anyone can try the tool without a live store. */
export function registerSandboxCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('sandbox')
    .description('Start loopback simulators of Sentos and Shopify (no real store is touched) and serve until Ctrl-C')
    .addOption(
      new Option('--port <n>', 'Sentos port; Shopify takes the next one (default: free ports)').argParser(positiveInt),
    )
    .addOption(new Option('--products <n>', 'Sentos catalog size').argParser(positiveInt).default(40))
    .addOption(new Option('--orders <n>', 'seeded Shopify orders').argParser(Number).default(20))
    .addOption(new Option('--seed <n>', 'seed of the generated data and faults').argParser(positiveInt).default(1))
    .addOption(
      new Option('--faults <rate>', 'share of requests that meet a fault (429, 5xx, drops, slow, THROTTLED), 0..1')
        .argParser(rate)
        .default(0),
    )
    .addOption(
      new Option('--plan <plan>', "the Shopify shop's plan: its GraphQL cost bucket and restore rate")
        .choices(SHOPIFY_PLANS)
        .default('standard'),
    )
    .addOption(
      new Option('--latency <model>', 'none (loopback speed), field (seeded estimate of real round trips) or <ms>')
        .argParser(latencyArg)
        .default('none'),
    )
    .addOption(
      new Option(
        '--shoppers <rate>',
        'customers buying stocked variants on Shopify, RATE orders per second on average (0 = none)',
      )
        .argParser(perSecond)
        .default(0),
    )
    .addOption(
      new Option(
        '--sentos-stock-statuses <codes>',
        'Sentos order statuses that take warehouse stock (our model of Sentos, to be confirmed on a real tenant)',
      )
        .argParser(statusCodes)
        .default([2, 3, 4, 5, 99], '2,3,4,5,99'),
    )
    .addOption(
      new Option('--webhook-drop <share>', "share of webhook deliveries lost (then retried on Shopify's schedule)")
        .argParser(rate)
        .default(0),
    )
    .addOption(
      new Option('--webhook-duplicate <share>', 'share of webhook deliveries sent twice').argParser(rate).default(0),
    )
    .addOption(
      new Option('--webhook-time-scale <factor>', "scales Shopify's 4-hour retry schedule (0.01: 2.4 minutes)")
        .argParser(Number)
        .default(1),
    )
    .addOption(
      new Option(
        '--bulk-rate <lines>',
        'JSONL lines per second a bulk mutation processes (default 1000 with --latency none, else 20)',
      ).argParser(linesPerSecond),
    )
    .action(async (flags: SandboxFlags, command: Command) => {
      const runtime = runtimeFor(command);
      const sandbox = await startSandbox({
        sentosPort: flags.port ?? 0,
        shopifyPort: flags.port ? flags.port + 1 : 0,
        products: flags.products,
        orders: flags.orders,
        seed: flags.seed,
        plan: flags.plan,
        latency: flags.latency,
        faults: flags.faults ? { rate: flags.faults, seed: flags.seed } : undefined,
        shoppers: flags.shoppers ? { ratePerSecond: flags.shoppers } : undefined,
        sentos: { stockRule: { decrementOnStatuses: flags.sentosStockStatuses ?? [2, 3, 4, 5, 99] } },
        shopify: {
          bulk: flags.bulkRate ? { mutationLinesPerSecond: flags.bulkRate } : undefined,
          webhooks: {
            drop: flags.webhookDrop,
            duplicate: flags.webhookDuplicate,
            timeScale: flags.webhookTimeScale,
            seed: flags.seed,
          },
        },
      });
      if (runtime.output.json)
        runtime.output.stdout.write(
          `${JSON.stringify(describe(sandbox, flags.shoppers ?? 0, flags.plan ?? 'standard'))}\n`,
        );
      else runtime.output.result(humanDescription(sandbox, flags.plan ?? 'standard'));
      await waitForStop(runtime.signal);
      await sandbox.close();
      const sold = sandbox.shoppers ? ` Shoppers placed ${sandbox.shoppers.placed.length} orders.` : '';
      runtime.output.info(`Sandbox stopped.${sold}`);
    });
}

function describe(sandbox: Sandbox, ratePerSecond: number, plan: ShopifyPlan) {
  return {
    plan: { name: plan, ...PLAN_BUCKETS[plan] },
    latency: sandbox.latency.describe(),
    bulk: { mutationLinesPerSecond: sandbox.shopify.bulkMutationLinesPerSecond },
    sentos: { url: sandbox.sentos.url, apiKey: sandbox.sentos.apiKey, apiSecret: sandbox.sentos.apiSecret },
    shopify: {
      store: sandbox.shopify.url,
      accessToken: sandbox.shopify.accessToken,
      clientId: sandbox.shopify.clientId,
      clientSecret: sandbox.shopify.clientSecret,
      webhookSigningSecret: sandbox.shopify.clientSecret,
    },
    env: sandbox.env,
    shoppers: sandbox.shoppers ? { ratePerSecond } : undefined,
  };
}

function humanDescription(sandbox: Sandbox, plan: ShopifyPlan): string {
  const bucket = PLAN_BUCKETS[plan];
  return [
    `Shopify plan ${plan}: bucket ${bucket.maximumAvailable} points restoring ${bucket.restoreRate}/s · ` +
      `${sandbox.latency.describe()} · bulk mutations ${sandbox.shopify.bulkMutationLinesPerSecond} lines/s`,
    `Sentos simulator   ${sandbox.sentos.url}   (stats: ${sandbox.sentos.url.replace(/\/api$/, '')}/__sandbox/stats)`,
    `Shopify simulator  ${sandbox.shopify.url}   (stats: ${sandbox.shopify.url}/__sandbox/stats)`,
    `Webhooks are signed with ${sandbox.shopify.clientSecret} (SHOPIFY_WEBHOOK_SECRET below); register them with`,
    '  sentos-sync webhooks register --url http://127.0.0.1:8787   (or run serve --public-url http://127.0.0.1:8787)',
    '',
    'Sandbox credentials (not real secrets). In another terminal:',
    // Quoted for the shell: pasted or eval'd, "MERKEZ=Merkez Depo,…" arrives whole.
    ...exportLines(sandbox.env),
    '  export SENTOS_SYNC_HOME=$(mktemp -d)   # keep your real settings out of it',
    '  sentos-sync test-connection && sentos-sync sync --dry-run',
    '',
    ...(sandbox.shoppers
      ? [
          'Shoppers are buying on Shopify now: its stock drops at checkout; Sentos takes the units when ' +
            '`sentos-sync sync` pushes',
          'the orders (in an approved status: our model of Sentos, to be confirmed on a real tenant).',
          '',
        ]
      : []),
    'Press Ctrl-C to stop.',
  ].join('\n');
}

function waitForStop(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function latencyArg(value: string): LatencySetting {
  try {
    return parseLatency(value);
  } catch {
    throw new InvalidArgumentError('expected none, field or a number of milliseconds (e.g. 200)');
  }
}

function perSecond(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 0))
    throw new InvalidArgumentError('expected orders per second, 0 or more (e.g. 0.5)');
  return n;
}

function linesPerSecond(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0))
    throw new InvalidArgumentError('expected lines per second, more than 0 (e.g. 50)');
  return n;
}

function statusCodes(value: string): number[] {
  const codes = value.split(',').map((part) => Number(part.trim()));
  if (codes.some((code) => !Number.isInteger(code) || code < 1))
    throw new InvalidArgumentError('expected Sentos status codes, comma-separated (e.g. 2,3,4,5,99)');
  return codes;
}

function rate(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a share between 0 and 1');
  return n;
}

/** `export NAME=value` lines a shell reads back exactly (eval or paste). */
export function exportLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `  export ${k}=${shellQuote(v)}`);
}
