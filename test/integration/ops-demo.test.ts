import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-harness.js';
import { goldenOrders } from '../../src/sandbox/seed/golden-orders.js';
import { PLACEHOLDER_ITEMS } from '../../src/sandbox/seed/orders.js';

/** `demo` runs the real commands in-process on its own sandbox and temporary home. */
describe('sentos-sync demo', () => {
  // A home the demo must NOT touch: the demo makes its own and removes it.
  const userHome = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-user-'));
  afterAll(() => fs.rmSync(userHome, { recursive: true, force: true }));
  const env = {
    SENTOS_SYNC_HOME: userHome,
    SHOPIFY_ACCESS_TOKEN: 'shpat_real_token_never_used_0000',
    SENTOS_SYNC_MAX_CHANGE_SHARE: '0.01',
  };

  it('--json: one document with every step, the resync writes nothing, exit 0', async () => {
    const run = await runCli(['demo', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(doc).toMatchObject({
      command: 'demo',
      ok: true,
      exitCode: 0,
      sandbox: {
        products: 25,
        orders: 10,
        windowMs: 1000,
        note: expect.stringContaining('one-minute rate window in 1000 ms'),
      },
    });
    expect(doc.steps.map((s: { id: string }) => s.id)).toEqual([
      'test-connection',
      'products-plan',
      'products',
      'products-resync',
      'orders',
      'fulfil',
    ]);
    const [connection, plan, products, resync, orders, fulfil] = doc.steps;
    expect(connection).toMatchObject({ ok: true, report: { ok: true } });
    expect(plan).toMatchObject({
      ok: true,
      shopifyWrites: 0,
      report: { command: 'products', dryRun: true, summary: { created: 25, total: 25 } },
    });
    expect(products).toMatchObject({
      ok: true,
      report: { command: 'products', dryRun: false, exitCode: 0, summary: { created: 25, failed: 0 } },
    });
    expect(products.shopifyWrites).toBeGreaterThan(0);
    expect(resync).toMatchObject({
      ok: true,
      shopifyWrites: 0,
      report: { summary: { created: 0, updated: 0, unchanged: 25 } },
    });
    // The sandbox seeds one order with a line that has no SKU: it fails on purpose, and only it. The golden orders of
    // the money model (README "Money") are created as well.
    const golden = goldenOrders(PLACEHOLDER_ITEMS, 0).length;
    expect(orders).toMatchObject({
      ok: true,
      report: { command: 'orders', summary: { created: 9 + golden, failed: 1 } },
    });
    expect(orders.note).toMatch(/^#\d+ failed on purpose: .*no SKU/);
    // Shipped in the Sentos panel, fulfilled in Shopify by the next run, once (the sandbox's records say so).
    expect(fulfil).toMatchObject({ ok: true, note: expect.stringMatching(/^#\d+ is fulfilled in Shopify once/) });
    expect(fulfil.report.items).toContainEqual(
      expect.objectContaining({
        action: 'update',
        status: 'done',
        changes: [expect.objectContaining({ fulfilledInShopify: expect.anything() })],
      }),
    );
    expect(fs.readdirSync(userHome)).toEqual([]);
    expect(fs.existsSync(doc.home)).toBe(false);
  });

  it('text: a heading per step, the window note, and no real token anywhere', async () => {
    const run = await runCli(['demo', '--products', '8', '--orders', '3', '--window-ms', '400'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The sandbox runs Sentos's one-minute rate window in 400 ms");
    for (const heading of [
      'Step 1/6 · Test both connections',
      'Step 2/6 · Products: the plan (dry run)',
      'Step 3/6 · Products: apply the plan',
      'Step 4/6 · Products: resync',
      'Step 5/6 · Orders',
      'Step 6/6 · Shipped in Sentos: fulfilled in Shopify',
    ]) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toMatch(/Shopify\s+Connected ✅/);
    expect(run.stdout).toMatch(/fulfilled in Shopify: tracking Yurtiçi Kargo 70\d+ \(Merkez Depo\), customer notified/);
    expect(run.stdout).toContain('(dry run: nothing was written)');
    expect(run.stdout).toContain('the resync wrote nothing: 0 Shopify writes');
    expect(run.stdout).toContain('Demo finished: every step succeeded');
    expect(run.stdout + run.stderr).not.toContain(env.SHOPIFY_ACCESS_TOKEN);
    expect(fs.readdirSync(userHome)).toEqual([]);
  });

  it('--keep-home leaves a home that `status` and `logs` read', async () => {
    const run = await runCli(
      ['demo', '--products', '5', '--orders', '2', '--window-ms', '300', '--keep-home', '--json'],
      env,
    );
    expect(run.code).toBe(0);
    const { home } = run.json();
    try {
      const status = await runCli(['status', '--json'], { SENTOS_SYNC_HOME: home });
      expect(status.json()).toMatchObject({
        lastConnection: { results: [{ ok: true }, { ok: true }] },
        lastRuns: { products: { exitCode: 0 }, orders: { exitCode: 0 } },
      });
      const logs = await runCli(['logs', '--json', '--type', 'success'], { SENTOS_SYNC_HOME: home });
      expect(logs.json().entries.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
