import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import {
  duplicates,
  expectedProduct,
  mappedLocations,
  shopifyView,
  warehouseToLocation,
} from '../integration/products-oracle.js';
import { buildBin, spawnBin } from './spawn-bin.js';

/**
 * Exactly-once bulk import when a real `products` process is killed (SIGKILL) (docs/architecture.md#bulk-import):
 * while Shopify processes the file (the poll's answer held), and after Shopify started the import but before the
 * process heard of it (bulkOperationRunMutation's answer held: the journal has no operation id). The rerun reads the
 * operation before planning: it starts no second import, reports every product unchanged, and each product exists
 * once with every field and its stock. Also during the upload (held at the upload target: no operation ever
 * started, so the rerun creates everything, once; the held body may still be stored after the kill, unused) and
 * during the result read (the result file held: the rerun reads it). products-bulk-loss.test.ts covers the same
 * stages in-process.
 */
const PRODUCTS = 30;
let t: TestSandbox | undefined;
afterEach(() => t?.close());

async function killedAt(rootField: string, linesPerSecond: number) {
  const built = await buildBin();
  t = await startTestSandbox({
    products: PRODUCTS,
    orders: 0,
    seed: 23,
    shopify: { bulk: { mutationLinesPerSecond: linesPerSecond } },
  });
  const env = { ...t.env, SENTOS_SYNC_BULK_THRESHOLD: '5', SENTOS_SYNC_BULK_QUOTA_WAIT: '0' };
  const hold = t.sandbox.shopify.holdAnswers(rootField);
  // The killed run's bulk files stay where it put them: in the test's home, not the machine's temporary folder.
  const killed = spawnBin(built.bin, ['products', '--force'], { ...env, TMPDIR: t.home });
  await Promise.race([
    hold.held,
    killed.done.then((f) => Promise.reject(new Error(`products ended before the hold: ${f.stderr}`))),
  ]);
  killed.child.kill('SIGKILL');
  expect((await killed.done).signal).toBe('SIGKILL');
  hold.release();
  const rerun = await runCli(['products', '--json'], env);
  return { rerun, sandbox: t.sandbox, env };
}

function expectEveryProductOnce(sandbox: TestSandbox['sandbox'], env: Record<string, string>, operations = 1) {
  const map = warehouseToLocation(sandbox, env);
  const actual = shopifyView(sandbox, mappedLocations(map));
  expect(actual.size).toBe(PRODUCTS);
  for (const wire of sandbox.sentos.state.products)
    expect(actual.get(wire.variants[0]?.sku ?? wire.sku)).toEqual(expectedProduct(wire, map));
  expect(duplicates(sandbox)).toEqual([]);
  const stats = sandbox.shopify.stats();
  expect(stats.bulkMutations).toMatchObject({ operations, lines: PRODUCTS });
  expect(stats.requests.byOperation.productSet ?? 0).toBe(0);
}

/** Where the kill comes, the simulator's processing rate, and what the rerun then reports. */
const KILLS: Array<[title: string, rootField: string, linesPerSecond: number, rerun: Record<string, number>]> = [
  ['killed while Shopify processes the file', 'bulkOperation', 40, { created: 0, unchanged: PRODUCTS, failed: 0 }],
  [
    'killed after Shopify started the import, before the answer reached the process',
    'bulkOperationRunMutation',
    100_000,
    { created: 0, unchanged: PRODUCTS, failed: 0 },
  ],
  ['killed during the upload, before any operation started', 'stagedUpload', 100_000, { created: PRODUCTS, failed: 0 }],
  ['killed while reading the result file', 'bulkResultFile', 100_000, { created: 0, unchanged: PRODUCTS, failed: 0 }],
];

describe('bulk import: kill -9, then a rerun: every product exactly once', () => {
  it.each(KILLS)(
    '%s',
    async (_title, rootField, linesPerSecond, summary) => {
      const { rerun, sandbox, env } = await killedAt(rootField, linesPerSecond);
      expect(rerun.code, rerun.stderr).toBe(0);
      const report = rerun.json();
      expect(report.summary).toMatchObject(summary);
      // The import the killed run left processing ran to the end: the rerun read its results.
      if (rootField === 'bulkOperation')
        expect(report.warnings).toContainEqual(
          expect.stringMatching(new RegExp(`of an earlier run ended COMPLETED: ${PRODUCTS} products written, 0 not`)),
        );
      expectEveryProductOnce(sandbox, env);
    },
    60_000,
  );
});
