import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/core/lock.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

const PLUS_BUCKET = { maximumAvailable: 20_000, restoreRate: 1_000 };

describe('`status`: the dashboard', () => {
  it('a bad environment variable names itself and does not blank the rest', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-status-'));
    try {
      const env = { SENTOS_SYNC_HOME: home, SENTOS_SYNC_MAX_CHANGE_SHARE: 'lots', SENTOS_API_URL: 'firma' };
      const run = await runCli(['status', '--json'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.json().settingProblems).toEqual([
        expect.objectContaining({
          key: 'products.maxChangeShare',
          message: expect.stringMatching(/^Invalid SENTOS_SYNC_MAX_CHANGE_SHARE/),
        }),
      ]);
      expect(run.json().apis.sentos.settings).toContainEqual(
        expect.objectContaining({ key: 'sentos.apiUrl', value: 'firma' }),
      );
      const text = await runCli(['status'], env);
      expect(text.stdout).toMatch(/✖ Invalid SENTOS_SYNC_MAX_CHANGE_SHARE/);
      expect(text.stdout).toMatch(/Last connection test +never/);
      // A run still refuses the bad value, naming it.
      const products = await runCli(['products', '--dry-run'], env);
      expect(products.code).toBe(2);
      expect(products.stderr).toMatch(/Invalid SENTOS_SYNC_MAX_CHANGE_SHARE/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('on a fresh home: nothing configured, nothing run, exit 0', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-status-'));
    try {
      const run = await runCli(['status', '--json'], { SENTOS_SYNC_HOME: home });
      expect(run.code).toBe(0);
      expect(run.json()).toMatchObject({
        profile: 'default',
        home,
        apis: {
          shopify: {
            configured: false,
            problem: expect.stringContaining('missing SHOPIFY_STORE'),
            settings: expect.arrayContaining([{ key: 'shopify.accessToken', env: 'SHOPIFY_ACCESS_TOKEN', set: false }]),
          },
          sentos: { configured: false, problem: expect.stringContaining('SENTOS_API_URL') },
        },
        lastConnection: null,
        lastRuns: {},
        ordersCheckpoint: null,
        pendingFailures: [],
        locks: [],
        log: { entries: 0 },
      });
      const text = await runCli(['status'], { SENTOS_SYNC_HOME: home });
      expect(text.stdout).toMatch(/Shopify +✖ not configured +missing SHOPIFY_STORE/);
      expect(text.stdout).toMatch(/Last connection test +never/);
      expect(text.stdout).toMatch(/products +never/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  describe('after a connection test and runs', () => {
    let t: TestSandbox;
    let env: Record<string, string>;
    let secretValues: string[];
    beforeAll(async () => {
      // 10 seeded orders include one with a line without a SKU: it stays in the failures.
      t = await startTestSandbox({ products: 5, orders: 10, shopify: { bucket: PLUS_BUCKET } });
      // Shopify settings stored in the file (token encrypted), Sentos from the environment.
      const { SHOPIFY_STORE, SHOPIFY_ACCESS_TOKEN, ...rest } = t.env;
      env = rest;
      expect((await runCli(['config', 'set', 'shopify.store', SHOPIFY_STORE!], env)).code).toBe(0);
      expect((await runCli(['config', 'set', 'shopify.accessToken', SHOPIFY_ACCESS_TOKEN!], env)).code).toBe(0);
      secretValues = [SHOPIFY_ACCESS_TOKEN!, t.env.SENTOS_API_KEY!, t.env.SENTOS_API_SECRET!];
      expect((await runCli(['test-connection'], env)).code).toBe(0);
      expect((await runCli(['products'], env)).code).toBe(0);
      expect((await runCli(['orders'], env)).code).toBe(5);
    });
    afterAll(() => t.close());

    it('--json: APIs with where each setting came from, secrets only as set', async () => {
      const run = await runCli(['status', '--json'], env);
      expect(run.code).toBe(0);
      const doc = run.json();
      expect(doc.apis.shopify).toMatchObject({ configured: true });
      expect(doc.apis.shopify.settings).toEqual(
        expect.arrayContaining([
          { key: 'shopify.store', env: 'SHOPIFY_STORE', set: true, source: 'file', value: t.env.SHOPIFY_STORE },
          { key: 'shopify.accessToken', env: 'SHOPIFY_ACCESS_TOKEN', set: true, source: 'file' },
          { key: 'shopify.apiVersion', env: 'SHOPIFY_API_VERSION', set: true, source: 'default', value: '2026-10' },
          { key: 'shopify.clientSecret', env: 'SHOPIFY_CLIENT_SECRET', set: false },
        ]),
      );
      expect(doc.apis.sentos).toMatchObject({ configured: true, detectedAuth: 'basic' });
      expect(doc.apis.sentos.settings).toEqual(
        expect.arrayContaining([
          { key: 'sentos.apiUrl', env: 'SENTOS_API_URL', set: true, source: 'env', value: t.env.SENTOS_API_URL },
          { key: 'sentos.apiKey', env: 'SENTOS_API_KEY', set: true, source: 'env' },
          { key: 'sentos.apiSecret', env: 'SENTOS_API_SECRET', set: true, source: 'env' },
        ]),
      );
      for (const secret of secretValues) expect(run.stdout + run.stderr).not.toContain(secret);
    });

    it('--json: last connection, last runs, checkpoint and the orders still failing', async () => {
      const doc = (await runCli(['status', '--json'], env)).json();
      expect(doc.lastConnection).toMatchObject({
        at: expect.any(String),
        results: [
          { service: 'shopify', ok: true },
          { service: 'sentos', ok: true },
        ],
      });
      expect(doc.lastRuns).toMatchObject({
        products: {
          at: expect.any(String),
          runId: expect.any(String),
          durationMs: expect.any(Number),
          exitCode: 0,
          summaries: { products: { created: 5, failed: 0, total: 5 } },
        },
        orders: { exitCode: 5, summaries: { orders: { created: 9, failed: 1, total: 10 } } },
      });
      expect(doc.lastRuns.sync).toBeUndefined();
      expect(doc.ordersCheckpoint).toMatchObject({
        updatedAt: expect.any(String),
        orderId: expect.stringContaining('gid://shopify/Order/'),
      });
      expect(doc.pendingFailures).toEqual([
        expect.objectContaining({
          orderName: expect.stringMatching(/^#\d+$/),
          reason: expect.stringContaining('no SKU'),
        }),
      ]);
      expect(doc.log.entries).toBeGreaterThan(0);
    });

    it('shows the locks held: running for a live pid, stale for a dead one', async () => {
      const lockDir = path.join(t.home, 'locks');
      const held = acquireLock(lockDir, 'orders');
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      fs.writeFileSync(
        path.join(lockDir, 'products.lock'),
        JSON.stringify({ pid: dead, command: 'products', startedAt: '2026-01-01T00:00:00.000Z' }),
      );
      try {
        const doc = (await runCli(['status', '--json'], env)).json();
        expect(doc.locks).toEqual(
          expect.arrayContaining([
            { command: 'orders', pid: process.pid, startedAt: expect.any(String), running: true },
            { command: 'products', pid: dead, startedAt: '2026-01-01T00:00:00.000Z', running: false },
          ]),
        );
        const text = (await runCli(['status'], env)).stdout;
        expect(text).toMatch(new RegExp(`orders +pid ${process.pid} since .* running`));
        expect(text).toMatch(/products +pid \d+ since .* stale/);
      } finally {
        held.release();
        fs.rmSync(path.join(lockDir, 'products.lock'), { force: true });
      }
    });

    it('text: the dashboard, with no secret in it', async () => {
      const run = await runCli(['status'], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Shopify +✔ configured/);
      expect(run.stdout).toContain('accessToken: set (file)');
      expect(run.stdout).toContain('apiSecret: set (env)');
      expect(run.stdout).toContain('authMethod: auto (detected: basic) (default)');
      expect(run.stdout).toMatch(/Shopify +Connected ✅ +Sandbox Mağaza/);
      expect(run.stdout).toMatch(/products +\d{4}-\d\d-\d\d .* exit 0 .* products: 5 created/);
      expect(run.stdout).toMatch(/orders +\d{4}-\d\d-\d\d .* exit 5 .* orders: 9 created, .* 1 failed of 10/);
      expect(run.stdout).toMatch(/Orders still failing +1\n +✖ #\d+: line \d+ .* no SKU/);
      expect(run.stdout).toMatch(/Orders checkpoint +orders updated up to/);
      expect(run.stdout).toMatch(/Locks held +none/);
      for (const secret of secretValues) expect(run.stdout + run.stderr).not.toContain(secret);
    });
  });
});
