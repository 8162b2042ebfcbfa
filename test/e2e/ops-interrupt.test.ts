import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { buildBin, runBin, spawnBin, waitFor, type BuiltBin } from './spawn-bin.js';

const PRODUCTS = 30;
/** Every Shopify request takes 100 ms more: 30 products take a few seconds to apply, room to interrupt. */
const slowShopify = (slowMs: number) => ({
  bucket: { maximumAvailable: 20_000, restoreRate: 1_000 },
  faults: { rate: 1, kinds: ['slow' as const], slowMs },
});

/** Interrupts on the built bin: a real process, real signals. */
describe('interrupts (spawned bin)', () => {
  let built: BuiltBin;
  let t: TestSandbox;
  beforeAll(async () => {
    built = await buildBin();
  });
  beforeEach(async () => {
    t = await startTestSandbox({ products: PRODUCTS, orders: 1, shopify: slowShopify(100) });
  });
  afterEach(() => t.close());

  /** A Shopify request has arrived and is not answered yet (the slow fault holds it before answering). */
  const inFlight = (sandbox: TestSandbox) => {
    const { requests } = sandbox.sandbox.shopify.stats();
    return requests.total > requests.queries + requests.mutations;
  };

  /** Starts `products` and resolves once it is writing (the plan is made and a product is in Shopify). */
  async function productsRunning(args: string[] = [], sandbox: TestSandbox = t) {
    // Two writes in flight (the default overlaps 64: all 30 would be in flight and finished by the stop).
    const run = spawnBin(built.bin, ['products', ...args], { ...sandbox.env, SENTOS_SYNC_SHOPIFY_MAX_IN_FLIGHT: '2' });
    if (!args.includes('--json')) await run.waitForStderr(new RegExp(`Plan: ${PRODUCTS} of ${PRODUCTS} to write`));
    // Signal while a Shopify request is in flight (arrived, not yet answered), so there is an item to finish.
    await waitFor(
      () => sandbox.sandbox.shopify.state.products.length >= 2 && inFlight(sandbox),
      10_000,
      () => 'no product was created',
    );
    return run;
  }

  it(
    'SIGINT: finishes the item in flight, prints the summary "(interrupted)", exits 130; a rerun ' + 'completes',
    async () => {
      const run = await productsRunning();
      run.child.kill('SIGINT');
      const done = await run.done;
      expect(done.code).toBe(130);
      expect(done.stderr).toContain('SIGINT: finishing the item in flight and saving progress');
      expect(done.stderr).not.toContain('Stopped at once'); // one Ctrl-C is one Ctrl-C (see main.ts, when-exit)
      expect(done.stdout).toMatch(/^Changes \(/); // what it did, in words, before the summary
      expect(done.stdout).toMatch(/^Products \(interrupted\)\n/m);
      // The summary tells the truth: every product that now exists in Shopify is counted as created, and
      // nothing more.
      const created = Number(/Created +(\d+)/.exec(done.stdout)?.[1]);
      expect(done.stdout).toMatch(new RegExp(`Not reached +${PRODUCTS - created}\n`));
      expect(done.stdout).toMatch(/Skipped +0\n/);
      expect(created).toBeLessThan(PRODUCTS);
      // The productSets in flight were finished (no half-written product): each is created with its stock.
      const written = t.sandbox.shopify.state.products;
      expect(written.length).toBeGreaterThanOrEqual(2);
      expect(written.length).toBeLessThan(PRODUCTS);
      expect(written).toHaveLength(created);
      expect(written.filter((p) => p.status === 'ACTIVE').length).toBeLessThanOrEqual(created);

      const rerun = await runBin(built.bin, ['products', '--json'], t.env);
      expect(rerun.code).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({
        interrupted: false,
        summary: { created: PRODUCTS - created, failed: 0, skipped: 0, total: PRODUCTS },
      });
      expect(t.sandbox.shopify.state.products).toHaveLength(PRODUCTS);
      expect(t.sandbox.shopify.state.products.every((p) => p.status === 'ACTIVE')).toBe(true);
    },
  );

  it('SIGTERM behaves like the first Ctrl-C, and --json still gives one document', async () => {
    const run = await productsRunning(['--json']);
    run.child.kill('SIGTERM');
    const done = await run.done;
    expect(done.code).toBe(130);
    expect(JSON.parse(done.stdout)).toMatchObject({ command: 'products', interrupted: true, exitCode: 130 });
  });

  it('a second SIGINT exits at once with 130, without a summary', async () => {
    // Slower requests here: the item in flight is still being written when the second Ctrl-C comes.
    const slow = await startTestSandbox({ products: PRODUCTS, orders: 1, shopify: slowShopify(600) });
    try {
      const run = await productsRunning([], slow);
      run.child.kill('SIGINT');
      await run.waitForStderr(/finishing the item in flight/);
      run.child.kill('SIGINT');
      const done = await run.done;
      expect(done.code).toBe(130);
      // "At once": gone before the answer to the write in flight came (Shopify is still holding it).
      expect(inFlight(slow)).toBe(true);
      expect(done.stderr).toContain('Stopped at once.');
      expect(done.stdout).toBe('');
    } finally {
      await slow.close();
    }
  });
});
