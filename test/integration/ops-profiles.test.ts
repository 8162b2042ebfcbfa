import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/core/lock.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/** Profiles: several stores on one machine, each with its own config, state, logs and locks. */
describe('profiles', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({
      products: 4,
      orders: 2,
      shopify: { bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } },
    });
  });
  afterAll(() => t.close());
  const home = () => ({ SENTOS_SYNC_HOME: t.home });

  it('config set / list keep --profile and SENTOS_SYNC_PROFILE apart from the default profile', async () => {
    expect((await runCli(['config', 'set', 'shopify.store', 'first-shop.myshopify.com'], home())).code).toBe(0);
    expect(
      (await runCli(['--profile', 'shop2', 'config', 'set', 'shopify.store', 'second-shop.myshopify.com'], home()))
        .code,
    ).toBe(0);
    expect(
      (await runCli(['config', 'set', 'sentos.apiKey', 'shop2-key-value', '--profile', 'shop2'], home())).code,
    ).toBe(0);

    const first = (await runCli(['config', 'list', '--json'], home())).json();
    const second = (await runCli(['config', 'list', '--json'], { ...home(), SENTOS_SYNC_PROFILE: 'shop2' })).json();
    expect(first.entries).toEqual([
      expect.objectContaining({ key: 'shopify.store', value: 'first-shop.myshopify.com' }),
    ]);
    expect(second.entries).toEqual([
      expect.objectContaining({ key: 'shopify.store', value: 'second-shop.myshopify.com' }),
      expect.objectContaining({ key: 'sentos.apiKey', secret: true }),
    ]);
    expect(second.path).not.toBe(first.path);
    expect(second.path.startsWith(path.join(t.home, 'profiles', 'shop2'))).toBe(true);
    // The flag wins over the variable.
    const flagWins = (
      await runCli(['--profile', 'default', 'config', 'list', '--json'], { ...home(), SENTOS_SYNC_PROFILE: 'shop2' })
    ).json();
    expect(flagWins.path).toBe(first.path);
  });

  it('state, runs and logs of one profile are not seen from another', async () => {
    const run = await runCli(['--profile', 'shop3', 'products', '--json'], t.env);
    expect(run.code).toBe(0);
    const shop3 = (await runCli(['status', '--json', '--profile', 'shop3'], t.env)).json();
    expect(shop3).toMatchObject({ profile: 'shop3', lastRuns: { products: { runId: run.json().runId, exitCode: 0 } } });
    expect((await runCli(['logs', '--json', '--profile', 'shop3'], t.env)).json().count).toBeGreaterThan(0);
    const other = (await runCli(['status', '--json'], { ...t.env, SENTOS_SYNC_PROFILE: 'shop4' })).json();
    expect(other).toMatchObject({ profile: 'shop4', lastRuns: {}, log: { entries: 0 } });
    expect((await runCli(['logs', '--json', '--profile', 'shop4'], t.env)).json()).toMatchObject({
      count: 0,
      entries: [],
    });
  });

  it('the lock is per profile and command', async () => {
    const held = acquireLock(path.join(t.home, 'profiles', 'shop5', 'locks'), 'products');
    try {
      const locked = await runCli(['--profile', 'shop5', 'products'], t.env);
      expect(locked.code).toBe(6);
      expect(locked.stderr).toContain('Another "products" run is in progress');
      expect((await runCli(['--profile', 'shop5', 'orders', '--dry-run'], t.env)).code).toBe(0);
      expect((await runCli(['--profile', 'shop6', 'products', '--dry-run'], t.env)).code).toBe(0);
    } finally {
      held.release();
    }
  });

  it('rejects a profile name that could escape the home folder', async () => {
    const run = await runCli(['--profile', '../evil', 'config', 'list'], home());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Profile name "../evil" is not allowed');
  });
});
