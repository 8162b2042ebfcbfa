import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aPlanItem } from '../builders/plan-item.js';
import { systemClock } from '../../src/core/clock.js';
import { SecretRegistry } from '../../src/core/redact.js';
import { startShopifySimulator, type ShopifySimulator } from '../../src/sandbox/shopify/index.js';
import { createShopifyClient, type BulkImportApi } from '../../src/shopify/client.js';
import type { ProductWrite } from '../../src/shopify/types.js';
import type { SyncEvent } from '../../src/sync/events.js';
import type { PlanItem } from '../../src/sync/products/types.js';
import { recoverBulkImports } from '../../src/sync/run/bulk-recover.js';
import { writeInBulk } from '../../src/sync/run/bulk-write.js';
import { BulkJournal } from '../../src/sync/state/bulk-journal.js';
import { ProductLinks } from '../../src/sync/state/product-links.js';

/**
 * Exactly once under loss (docs/architecture.md#bulk-import), at the level of the bulk steps: a run "dies" at each
 * stage (the step it is in never returns, so nothing after it runs, as with kill -9), then a new run starts from the
 * state files alone: it recovers the journal, plans what is still unlinked, and writes that. Every product must end
 * up in Shopify exactly once, each line having run once. The kill of a real process is test/e2e/bulk-kill.test.ts.
 */
const N = 24;
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

let sim: ShopifySimulator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  sim = undefined;
  dir = undefined;
});

function items(locationId: string): PlanItem[] {
  return Array.from({ length: N }, (_, i): PlanItem => {
    const handle = `sentos-loss-${i}`;
    const write: ProductWrite = {
      identifier: { handle },
      handle,
      title: `Ürün ${i}`,
      status: 'ACTIVE',
      options: [{ name: 'Title', values: ['Default Title'] }],
      variants: [
        {
          sku: `LOSS-${i}`,
          price: 1000 + i,
          optionValues: [{ optionName: 'Title', name: 'Default Title' }],
          inventoryQuantities: [{ locationId, quantity: i + 1 }],
        },
      ],
      sentosProductId: String(100 + i),
    };
    return aPlanItem(String(100 + i), write, { sku: `LOSS-${i}`, title: write.title! });
  });
}

type Stage = 'upload' | 'start' | 'wait' | 'results';

/** The real client's bulk steps, except that `stage` never returns once reached (after doing its work for `start`). */
function dying(bulk: BulkImportApi, stage: Stage, reached: () => void): BulkImportApi {
  return {
    ...bulk,
    upload: (...args) => (stage === 'upload' ? (reached(), never()) : bulk.upload(...args)),
    start: async (...args) => {
      if (stage !== 'start') return bulk.start(...args);
      await bulk.start(...args); // Shopify starts the operation; its answer is lost
      reached();
      return never();
    },
    wait: (...args) => (stage === 'wait' ? (reached(), never()) : bulk.wait(...args)),
    results: (...args) => (stage === 'results' ? (reached(), never()) : bulk.results(...args)),
  };
}

async function scenario(stage: Stage, linesPerSecond: number) {
  sim = await startShopifySimulator({ orders: 0, bulk: { mutationLinesPerSecond: linesPerSecond } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bulk-loss-'));
  const shopify = createShopifyClient({
    store: sim.url,
    auth: { type: 'token', accessToken: sim.accessToken },
    secrets: new SecretRegistry(),
    bulkPolling: { initialDelayMs: 2, maxDelayMs: 20, timeoutMs: 20_000 },
  });
  const location = sim.state.locations[0]!;
  const plan = items(location.id);
  const files = { journal: path.join(dir, 'bulk-imports.json'), links: path.join(dir, 'links.json') };
  const events: SyncEvent[] = [];
  const run = (bulk: BulkImportApi, todo: PlanItem[], runId: string) => {
    const links = new ProductLinks(files.links);
    return writeInBulk({
      items: todo,
      bulk,
      journal: new BulkJournal(files.journal),
      runId,
      clock: systemClock,
      signal: new AbortController().signal,
      onEvent: (e) => events.push(e),
      onOutcomes: (outcomes) => {
        for (const [key, o] of outcomes) if (o.productId) links.set(key, o.productId);
        links.save();
      },
    });
  };
  // The first run dies at `stage`.
  let reached: () => void = () => undefined;
  const died = new Promise<void>((resolve) => (reached = resolve));
  void run(dying(shopify.bulkImport!, stage, reached), plan, 'run-one-000');
  await died;
  const journaled = new BulkJournal(files.journal).list();
  // The rerun: from the files alone. Recover first, then write what is still not linked.
  const links = new ProductLinks(files.links);
  const notes = await recoverBulkImports({
    bulk: shopify.bulkImport!,
    journal: new BulkJournal(files.journal),
    links,
    signal: new AbortController().signal,
    onEvent: (e) => events.push(e),
  });
  const todo = plan.filter((item) => !links.get(item.key));
  const rerun = todo.length > 0 ? await run(shopify.bulkImport!, todo, 'run-two-000') : undefined;
  return { journaled, notes, todo, rerun, location, final: new BulkJournal(files.journal).list() };
}

function expectEveryProductOnce(locationId: string) {
  const products = sim!.state.products;
  expect(products).toHaveLength(N);
  expect(new Set(products.map((p) => p.handle)).size).toBe(N);
  for (let i = 0; i < N; i++) {
    const variant = sim!.state.variantBySku(`LOSS-${i}`)!;
    expect(sim!.state.available(`LOSS-${i}`, locationId), `LOSS-${i}`).toBe(i + 1);
    expect(variant.price).toBe(`${((1000 + i) / 100).toFixed(2)}`);
  }
  // No line ran twice: one productSet line per product in all.
  expect(sim!.stats().bulkMutations.lines).toBe(N);
  expect(sim!.stats().requests.byOperation.productSet ?? 0).toBe(0);
}

describe('bulk import: a run that dies at any stage, then a rerun: every product exactly once', () => {
  it('dies during the upload: the journal names an import no operation ran; the rerun writes everything', async () => {
    const r = await scenario('upload', 100_000);
    expect(r.journaled).toHaveLength(1);
    expect(r.journaled[0]!.operationId).toBeUndefined();
    expect(r.notes).toEqual([]);
    expect(r.todo).toHaveLength(N);
    expect(r.rerun!.operations).toHaveLength(1);
    expect(r.final).toEqual([]);
    expectEveryProductOnce(r.location.id);
  });

  it('dies after Shopify started the import but before its answer: the rerun finds it by its marker', async () => {
    const r = await scenario('start', 100_000);
    expect(r.journaled[0]!.operationId).toBeUndefined();
    expect(r.notes).toEqual([expect.stringMatching(/ended COMPLETED: 24 products written, 0 not/)]);
    expect(r.todo).toEqual([]);
    expect(r.final).toEqual([]);
    expectEveryProductOnce(r.location.id);
  });

  it('dies while Shopify processes: the rerun waits for the operation and reads it', async () => {
    const r = await scenario('wait', 60);
    expect(r.journaled[0]!.operationId).toMatch(/^gid:\/\/shopify\/BulkOperation\//);
    expect(r.notes).toEqual([expect.stringMatching(/ended COMPLETED: 24 products written/)]);
    expect(r.todo).toEqual([]);
    expectEveryProductOnce(r.location.id);
  });

  it('a passing INTERNAL_FILE_SERVER_ERROR on the start is waited out: one operation, each product once', async () => {
    sim = await startShopifySimulator({ orders: 0, bulk: { mutationLinesPerSecond: 100_000 } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-bulk-loss-'));
    sim.state.failNextBulkMutationRuns(2);
    const shopify = createShopifyClient({
      store: sim.url,
      auth: { type: 'token', accessToken: sim.accessToken },
      secrets: new SecretRegistry(),
      bulkPolling: { initialDelayMs: 2, maxDelayMs: 20, timeoutMs: 20_000 },
    });
    const result = await writeInBulk({
      items: items(sim.state.locations[0]!.id),
      bulk: shopify.bulkImport!,
      journal: new BulkJournal(path.join(dir, 'bulk-imports.json')),
      runId: 'run-retry-00',
      clock: systemClock,
      signal: new AbortController().signal,
      onEvent: () => undefined,
      onOutcomes: () => undefined,
    });
    expect(result.operations).toHaveLength(1);
    expect([...result.outcomes.values()].filter((o) => o.failure)).toEqual([]);
    expect(sim.stats().requests.byOperation.bulkOperationRunMutation).toBe(3);
    expectEveryProductOnce(sim.state.locations[0]!.id);
  });

  it('dies while reading the results: the rerun reads them', async () => {
    const r = await scenario('results', 100_000);
    expect(r.journaled[0]!.operationId).toBeDefined();
    expect(r.notes).toHaveLength(1);
    expect(r.todo).toEqual([]);
    expect(r.final).toEqual([]);
    expectEveryProductOnce(r.location.id);
  });
});
