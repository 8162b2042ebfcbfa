import { beforeAll, describe, expect, it } from 'vitest';
import { buildBin, spawnBin, type BuiltBin, type Finished } from './spawn-bin.js';

/**
 * A home that cannot hold files: under /proc, Node's recursive mkdir used to spin at 100 % CPU forever and
 * ignore SIGTERM. The built bin must end by itself with exit 2 naming the folder. A watchdog kills it after
 * 20 s so a regression fails the test instead of hanging it (the test asserts how it ended, not how fast).
 */
const ENV = {
  SENTOS_API_URL: 'firma',
  SENTOS_API_KEY: 'k',
  SENTOS_API_SECRET: 's',
  SHOPIFY_STORE: 'x.myshopify.com',
  SHOPIFY_ACCESS_TOKEN: 't',
};

async function runWithWatchdog(bin: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const spawned = spawnBin(bin, args, env);
  const watchdog = setTimeout(() => spawned.child.kill('SIGKILL'), 20_000);
  const finished = await spawned.done;
  clearTimeout(watchdog);
  return finished;
}

describe('a home that cannot be written', () => {
  let built: BuiltBin;
  beforeAll(async () => {
    built = await buildBin();
  }, 60_000);

  it.each([
    ['under /proc (a pseudo file system)', '/proc/sentos-sync-home', ['orders', '--json']],
    ['under /proc, for config set', '/proc/sentos-sync-home', ['config', 'set', 'products.priceList', 'b2c']],
    ['under /sys (not permitted)', '/sys/sentos-sync-home', ['orders', '--json']],
  ])(
    '%s: exit 2 naming the folder',
    async (_label, home, args) => {
      const run = await runWithWatchdog(built.bin, args, { ...ENV, SENTOS_SYNC_HOME: home });
      expect(run.signal, 'killed by the watchdog: it never ended by itself').toBeNull();
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stdout + run.stderr).toContain(home);
      expect(run.stdout + run.stderr).toMatch(/SENTOS_SYNC_HOME/);
      expect(run.stdout + run.stderr).not.toMatch(/This is a bug/);
    },
    30_000,
  );
});
