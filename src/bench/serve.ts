import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.js';

/**
 * `npm run bench:serve`: shoppers buy on the sandbox's Shopify while `serve` (the built bin, a child process)
 * receives the simulator's signed webhooks; measures, per order, the time from its creation on Shopify to its
 * arrival in Sentos, at Sentos's real limits (12 POST and 2 same-GET a minute) unless told otherwise. A
 * benchmark: it prints figures and never fails on speed.
 *
 *   npm run bench:serve -- --minutes 4 --rate 0.1 --drop 0 --duplicate 0 --latency field --every 15m
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/sentos-sync.js');

interface Options {
  minutes: number;
  rate: number;
  drop: number;
  duplicate: number;
  latency: string;
  every: string;
  sentosWindowMs: number;
}

export async function benchServe(options: Options): Promise<void> {
  const latency = options.latency === 'none' ? 'none' : options.latency === 'field' ? 'field' : Number(options.latency);
  const sandbox = await startSandbox({
    products: 40,
    orders: 0,
    latency,
    sentos: { limits: { windowMs: options.sentosWindowMs } },
    shopify: { webhooks: { drop: options.drop, duplicate: options.duplicate, seed: 7 } },
    shoppers: { ratePerSecond: options.rate, paused: true, seed: 7 },
  });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bench-serve-'));
  const env = {
    PATH: process.env.PATH ?? '',
    ...sandbox.env,
    SENTOS_SYNC_HOME: home,
    SENTOS_SYNC_SENTOS_WINDOW_MS: String(options.sentosWindowMs),
  };
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--every', options.every], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const url = await waitFor(
      () => /dashboard (http:\/\/\S+)\//.exec(stderr)?.[1],
      60_000,
      () => stderr,
    );
    await waitFor(
      () => fs.existsSync(path.join(home, 'state', 'serve-runs.jsonl')) || undefined,
      300_000,
      () => stderr,
    );
    const hook = `${url}/webhooks/shopify`;
    for (const topic of ['ORDERS_CREATE', 'ORDERS_UPDATED', 'ORDERS_PAID', 'ORDERS_CANCELLED', 'ORDERS_FULFILLED'])
      sandbox.shopify.webhooks.subscribe(topic, hook, 'sentos-sync', 'JSON');
    console.log(
      `serve bench · ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} cores · ` +
        (`shoppers ${options.rate}/s for ${options.minutes} min · Sentos window ${options.sentosWindowMs / 1000} ` +
          (`s · webhooks dropped ${options.drop * 100} %, duplicated ${options.duplicate * 100} % · latency ` +
            `${options.latency}`)),
    );
    const arrivedAt = new Map<string, number>();
    const poll = setInterval(() => {
      for (const order of sandbox.sentos.state.orders)
        if (!arrivedAt.has(String(order.order_id))) arrivedAt.set(String(order.order_id), Date.now());
    }, 50);
    sandbox.shoppers?.resume();
    await new Promise((resolve) => setTimeout(resolve, options.minutes * 60_000));
    sandbox.shoppers?.pause();
    const placed = sandbox.shoppers?.placed ?? [];
    await waitFor(
      () => placed.every((p) => arrivedAt.has(String(p.legacyId))) || undefined,
      600_000,
      () => 'orders still missing',
    );
    clearInterval(poll);
    const latencies = placed.map((p) => (arrivedAt.get(String(p.legacyId)) as number) - p.atMs).sort((a, b) => a - b);
    const copies = new Map<string, number>();
    for (const o of sandbox.sentos.state.orders)
      copies.set(String(o.order_id), (copies.get(String(o.order_id)) ?? 0) + 1);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
    console.log(
      `${placed.length} orders · creation → Sentos: p50 ${(pct(0.5) / 1000).toFixed(1)} s, p95 ` +
        (`${(pct(0.95) / 1000).toFixed(1)} s, max ${(pct(1) / 1000).toFixed(1)} s · duplicates in Sentos ` +
          (`${[...copies.values()].filter((n) => n > 1).length} · missing ` +
            `${placed.filter((p) => !copies.has(String(p.legacyId))).length}`)),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
    await sandbox.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function waitFor<T>(value: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = value();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`bench: timed out\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function parseServeArgs(argv: string[]): Options {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : fallback;
  };
  return {
    minutes: Number(get('minutes', '4')),
    rate: Number(get('rate', '0.1')),
    drop: Number(get('drop', '0')),
    duplicate: Number(get('duplicate', '0')),
    latency: get('latency', 'field'),
    every: get('every', '15m'),
    sentosWindowMs: Number(get('sentos-window-ms', '60000')),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await benchServe(parseServeArgs(process.argv.slice(2)));
}
