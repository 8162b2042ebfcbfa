import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAST_WINDOW_MS,
  runCli,
  scriptedPrompter,
  startTestSandbox,
  type TestSandbox,
} from '../helpers/cli-harness.js';

describe('init: the guided setup, driven with scripted answers against the sandbox', () => {
  let box: TestSandbox;
  // Only the home folder: every credential must come from the answers.
  const env = () => ({ SENTOS_SYNC_HOME: box.home, SENTOS_SYNC_SENTOS_WINDOW_MS: String(FAST_WINDOW_MS) });

  beforeAll(async () => {
    box = await startTestSandbox({ products: 4, orders: 0 });
  });
  afterAll(() => box.close());

  it(
    'asks, tests each connection as it goes, asks again after a wrong secret, and ends with a ' + 'working config',
    async () => {
      const s = box.sandbox.env as Record<
        'SHOPIFY_STORE' | 'SHOPIFY_ACCESS_TOKEN' | 'SENTOS_API_URL' | 'SENTOS_API_KEY' | 'SENTOS_API_SECRET',
        string
      >;
      const prompter = scriptedPrompter([
        s.SHOPIFY_STORE,
        s.SHOPIFY_ACCESS_TOKEN,
        s.SENTOS_API_URL,
        s.SENTOS_API_KEY,
        'wrong-secret',
        'y', // enter the Sentos settings again
        '', // keep the URL
        s.SENTOS_API_KEY,
        s.SENTOS_API_SECRET,
        '', // accept the proposed warehouse map
        'b2c',
      ]);
      const run = await runCli(['init'], env(), { prompter, interactive: true });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/✓ Shopify: connected/);
      expect(run.stderr).toMatch(/✗ Sentos: /);
      expect(run.stderr).toMatch(/✓ Sentos: connected, auth method basic/);
      expect(run.stderr).toMatch(/MERKEZ → Merkez Depo/);
      expect(run.stderr).toMatch(/sentos-sync sync --dry-run/);
      expect(prompter.questions.some((q) => /Price list \(sale_price, or one of: .*b2c/.test(q))).toBe(true);

      const config = fs.readFileSync(`${box.home}/config.json`, 'utf8');
      for (const secret of [s.SHOPIFY_ACCESS_TOKEN, s.SENTOS_API_KEY, s.SENTOS_API_SECRET])
        expect(config).not.toContain(secret);
      expect(run.stdout + run.stderr).not.toContain(s.SENTOS_API_SECRET);

      const stored = await runCli(['--json', 'config', 'get', 'products.warehouseMap'], env());
      expect(stored.json().value).toMatch(/^MERKEZ=Merkez Depo,DEPO=Merkez Depo,MAGAZA=/);
      const check = await runCli(['--json', 'test-connection'], env());
      expect(check.code, check.stdout).toBe(0);
      const plan = await runCli(['--json', 'products', '--dry-run'], env());
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.json().summary.created).toBe(4);
    },
  );

  it('without a terminal it asks nothing and prints the config commands instead', async () => {
    const prompter = scriptedPrompter([]);
    const run = await runCli(['init'], env(), { prompter, interactive: false });
    expect(run.code).toBe(0);
    expect(prompter.questions).toEqual([]);
    expect(run.stdout).toMatch(/^sentos-sync config set shopify\.store /m);
    expect(run.stdout).toMatch(/^sentos-sync config map-warehouses/m);
  });

  it('config map-warehouses without a terminal prints the proposal and a shell-safe command', async () => {
    const run = await runCli(['config', 'map-warehouses'], { ...box.env }, { interactive: false });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/MERKEZ → Merkez Depo/);
    expect(run.stdout).toMatch(/sentos-sync config set products\.warehouseMap 'MERKEZ=Merkez Depo,DEPO=Merkez Depo,/);
  });
});
