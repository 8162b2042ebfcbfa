import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aPlanItem } from '../../../test/builders/plan-item.js';
import type { BulkImportApi } from '../../shopify/client.js';
import type { ProductWrite } from '../../shopify/types.js';
import type { PlanItem } from '../products/types.js';
import { BulkJournal } from '../state/bulk-journal.js';
import { MAX_CONCURRENT_IMPORTS, writeInBulk } from './bulk-write.js';

const write = (key: string): ProductWrite => ({
  identifier: { handle: `sentos-${key}` },
  handle: `sentos-${key}`,
  title: key,
  status: 'ACTIVE',
  options: [{ name: 'Title', values: ['Default Title'] }],
  variants: [{ sku: key, price: 1000, optionValues: [{ optionName: 'Title', name: 'Default Title' }] }],
  sentosProductId: key,
});
const item = (key: string): PlanItem => aPlanItem(key, write(key));

/** A shop whose imports finish when the test says so; it counts how many run at once. */
function fakeShop() {
  const handles = new Map<string, string>();
  const finish: Array<() => void> = [];
  const shop = { running: 0, most: 0, staged: 0, started: [] as string[] };
  const api: BulkImportApi = {
    stage: (filename) => {
      shop.staged += 1;
      return Promise.resolve({ url: 'x', stagedUploadPath: filename, parameters: [] });
    },
    upload: () => Promise.resolve(),
    start: ({ clientIdentifier, stagedUploadPath }) => {
      const id = `gid://shopify/BulkOperation/${shop.started.length + 1}`;
      handles.set(id, stagedUploadPath);
      shop.started.push(clientIdentifier);
      shop.running += 1;
      shop.most = Math.max(shop.most, shop.running);
      return Promise.resolve(id);
    },
    poll: () => Promise.resolve(undefined),
    wait: (id) =>
      new Promise((resolve) =>
        finish.push(() => {
          shop.running -= 1;
          resolve({
            id,
            status: 'COMPLETED',
            objectCount: 1,
            url: `file:${id}`,
            fileSize: 1,
            errorCode: null,
            partialDataUrl: null,
          });
        }),
      ),
    find: () => Promise.resolve(undefined),
    results: () => Promise.resolve([]),
  };
  /** Finishes the imports running now, then lets the next ones start. */
  const finishRunning = async () => {
    for (const done of finish.splice(0)) done();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { api, shop, finishRunning };
}

describe('writeInBulk: files over the shop’s five bulk mutations at once', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Eight files (one line each); resolves once the first ones are under way, with the run still going. */
  async function start(shop: ReturnType<typeof fakeShop>, controller = new AbortController()) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-write-'));
    const items = Array.from({ length: 8 }, (_, i) => item(String(i + 1)));
    const run = writeInBulk({
      items,
      bulk: shop.api,
      journal: new BulkJournal(path.join(dir, 'bulk-imports.json')),
      runId: 'r1',
      clock: { now: () => 0, sleep: () => Promise.resolve() },
      signal: controller.signal,
      onEvent: () => undefined,
      onOutcomes: () => undefined,
      maxShardBytes: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { run };
  }

  it('starts five, then the next ones as slots free, in file order', async () => {
    const shop = fakeShop();
    const { run } = await start(shop);
    expect(shop.shop.started).toHaveLength(MAX_CONCURRENT_IMPORTS);
    await shop.finishRunning();
    expect(shop.shop.started).toHaveLength(8);
    await shop.finishRunning();
    const result = await run;
    expect(shop.shop.most).toBe(MAX_CONCURRENT_IMPORTS);
    expect(shop.shop.started).toEqual(Array.from({ length: 8 }, (_, i) => `sentos-sync-r1-${i + 1}`));
    expect(result.operations).toHaveLength(8);
    expect(result.notStarted.size).toBe(0);
  });

  it('Ctrl-C: the files not started stay not started; those running are still read', async () => {
    const shop = fakeShop();
    const controller = new AbortController();
    const { run } = await start(shop, controller);
    controller.abort(new Error('SIGINT'));
    await shop.finishRunning();
    const result = await run;
    expect(shop.shop.started).toHaveLength(MAX_CONCURRENT_IMPORTS);
    expect(shop.shop.staged).toBe(MAX_CONCURRENT_IMPORTS); // nothing more is even staged
    expect([...result.notStarted].sort()).toEqual(['6', '7', '8']);
  });
});
