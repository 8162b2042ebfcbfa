import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { holdingProxy } from './holding-proxy.js';
import { buildBin, runBin, spawnBin, waitFor, type BuiltBin } from './spawn-bin.js';

const PLUS_BUCKET = { maximumAvailable: 20_000, restoreRate: 1_000 };
/** SGR sequences: colours and styles. */
// eslint-disable-next-line no-control-regex -- matches the ANSI escape (ESC) that colours terminal output
const COLOUR = /\u001b\[\d+(;\d+)*m/;
const VERBOSE_LINE =
  /^(sentos|shopify) (GET|POST|PUT|DELETE) http:\/\/127\.0\.0\.1:\d+\/\S* → \d{3} \d+ms( \[[\w-]+\])?$/;

/** Cron safety, checked on the built bin with pipes for stdout and stderr, as cron runs it. */
describe('cron safety (spawned bin)', () => {
  let built: BuiltBin;
  let t: TestSandbox;
  beforeAll(async () => {
    built = await buildBin();
    t = await startTestSandbox({ products: 6, orders: 2, shopify: { bucket: PLUS_BUCKET } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const secrets = () => [
    t.env.SHOPIFY_ACCESS_TOKEN!,
    t.env.SENTOS_API_KEY!,
    t.env.SENTOS_API_SECRET!,
    Buffer.from(`${t.env.SENTOS_API_KEY}:${t.env.SENTOS_API_SECRET}`).toString('base64'),
  ];

  it('two overlapping runs of the same command and profile: one runs, the other exits 6', async () => {
    // The first run's Shopify calls wait at a proxy until the second has given up, so the first is provably
    // still running when the second starts, however slow the machine.
    const busy = await startTestSandbox({ products: 8, orders: 1, shopify: { bucket: PLUS_BUCKET } });
    const proxy = await holdingProxy(busy.sandbox.shopify.url);
    const env = { ...busy.env, SHOPIFY_STORE: proxy.url };
    try {
      proxy.hold = true;
      const first = spawnBin(built.bin, ['products', '--json'], env);
      await waitFor(() => fs.existsSync(path.join(busy.home, 'locks', 'products.lock')), 10_000);
      const second = await runBin(built.bin, ['products', '--json'], env);
      expect(first.child.exitCode).toBeNull(); // still running when the second gave up
      expect(second.code).toBe(6);
      expect(JSON.parse(second.stdout)).toMatchObject({
        ok: false,
        exitCode: 6,
        error: {
          type: 'LockedError',
          message: expect.stringContaining(`Another "products" run is in progress (pid ${first.child.pid}, started `),
        },
      });
      expect(second.stderr).toContain(`✖ Another "products" run is in progress (pid ${first.child.pid}`);
      expect(second.stderr).toContain('Runs of the same command and profile never overlap');
      proxy.release();
      const done = await first.done;
      expect(done.code).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({ command: 'products', summary: { created: 8, failed: 0 } });
      expect(busy.sandbox.shopify.state.products).toHaveLength(8);
      expect(fs.existsSync(path.join(busy.home, 'locks', 'products.lock'))).toBe(false);
    } finally {
      await proxy.close();
      await busy.close();
    }
  });

  it('takes over the stale lock of a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const lockFile = path.join(t.home, 'locks', 'orders.lock');
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
    fs.writeFileSync(lockFile, JSON.stringify({ pid: dead, command: 'orders', startedAt: '2026-01-01T00:00:00.000Z' }));
    const run = await runBin(built.bin, ['orders', '--dry-run', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'orders', dryRun: true });
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('--json: stdout is exactly one JSON document, progress stays off stdout', async () => {
    const run = await runBin(built.bin, ['products', '--dry-run', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'products', dryRun: true, summary: { total: 6 } });
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    const failed = await runBin(built.bin, ['products', '--json'], { SENTOS_SYNC_HOME: t.home });
    expect(failed.code).toBe(2);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, exitCode: 2, error: { type: 'ConfigError' } });
  });

  it('text: stdout carries only the summary, progress goes to stderr', async () => {
    const run = await runBin(built.bin, ['products', '--dry-run'], t.env);
    expect(run.code).toBe(0);
    // The result is the plan in words, then the summary.
    expect(run.stdout).toMatch(/^Plan \(6 items, riskiest first\):\n\+ would create /);
    expect(run.stdout).toMatch(/^Products \(dry run: nothing was written\)\n/m);
    expect(run.stdout).not.toMatch(/Reading|Plan:/);
    expect(run.stderr).toContain('Reading the Sentos catalog');
    expect(run.stderr).toMatch(/Plan: \d+ of 6 to write/);
    expect(run.stdout + run.stderr).not.toMatch(COLOUR); // not a TTY: no colour
  });

  it('--quiet prints only the result', async () => {
    const run = await runBin(built.bin, ['products', '--dry-run', '--quiet'], t.env);
    expect(run.code).toBe(0);
    // A dry run's plan is its result: --quiet keeps it and drops only progress.
    expect(run.stdout).toMatch(/^Plan \(/);
    expect(run.stdout).toMatch(/^Products \(dry run/m);
    expect(run.stderr).toBe('');
  });

  it('--verbose: one line per request on stderr (method, redacted URL, status, duration), no secret', async () => {
    t.sandbox.sentos.resetStats();
    t.sandbox.shopify.resetStats();
    const run = await runBin(built.bin, ['products', '--dry-run', '--verbose', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'products' }); // still one clean document
    const requestLines = run.stderr.split('\n').filter((line) => /^(sentos|shopify) [A-Z]+ /.test(line));
    for (const line of requestLines) expect(line).toMatch(VERBOSE_LINE);
    const served = t.sandbox.sentos.stats().requests.total + t.sandbox.shopify.stats().requests.total;
    expect(requestLines).toHaveLength(served);
    expect(requestLines.some((line) => line.startsWith('sentos GET'))).toBe(true);
    expect(requestLines.some((line) => line.startsWith('shopify POST'))).toBe(true);
    for (const secret of secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
  });
});
