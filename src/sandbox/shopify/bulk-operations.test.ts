import { afterEach, describe, expect, it } from 'vitest';
import { KEPT_EXPORT_FILES } from './bulk/operations.js';
import { startShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const RUN =
  `mutation Run($query: String!, $group: Boolean!) {
  bulkOperationRunQuery(query: $query, groupObjects: $group) { bulkOperation { id status type } userErrors { ` +
  `code field message } }
}`;
const POLL =
  `query Poll($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl ` +
  `completedAt query }
}`;
const PRODUCTS =
  '{ products { edges { node { id handle variants { edges { node { id sku inventoryItem { id tracked } } } } } } } }';
const LEVELS =
  '{ inventoryItems { edges { node { id inventoryLevels { edges { node { location { id } quantities(names: ' +
  '["available"]) { name quantity } } } } } } } }';

async function start(options: ShopifySimulatorOptions = {}): Promise<ShopifySimulator> {
  sim = await startShopifySimulator({ orders: 0, ...options });
  return sim;
}

async function seed(target: ShopifySimulator, handle: string, skus: string[]) {
  const input = {
    handle,
    title: handle,
    productOptions: [{ name: 'Beden', values: skus.map((sku) => ({ name: sku })) }],
    variants: skus.map((sku) => ({
      sku,
      price: '10.00',
      inventoryItem: { tracked: true },
      optionValues: [{ optionName: 'Beden', name: sku }],
    })),
  };
  const response = await gql(
    target,
    'mutation S($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { message } } }',
    { input },
  );
  expect(response.body.data.productSet.userErrors).toEqual([]);
  return response.body.data.productSet.product.id as string;
}

async function runBulk(target: ShopifySimulator, query: string, group = false) {
  const response = await gql(target, RUN, { query, group });
  return response.body.data.bulkOperationRunQuery as {
    bulkOperation: { id: string; status: string } | null;
    userErrors: Array<{ code: string; message: string }>;
  };
}

async function poll(target: ShopifySimulator, id: string) {
  return (await gql(target, POLL, { id })).body.data.bulkOperation;
}

async function download(url: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('bulk query operations (docs/shopify-api.md#bulk-export)', () => {
  it(
    'runs CREATED → RUNNING → COMPLETED as it is polled and serves JSONL with __parentId children after ' + 'parents',
    async () => {
      const target = await start();
      const p1 = await seed(target, 'bir', ['B-S', 'B-M']);
      const p2 = await seed(target, 'iki', ['I-S']);
      const started = await runBulk(target, PRODUCTS);
      expect(started).toMatchObject({ bulkOperation: { status: 'CREATED', type: 'QUERY' }, userErrors: [] });
      const id = started.bulkOperation!.id;
      expect(await poll(target, id)).toMatchObject({ status: 'RUNNING', url: null, objectCount: '0' });
      const done = await poll(target, id);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        errorCode: null,
        objectCount: '5',
        rootObjectCount: '2',
        partialDataUrl: null,
        query: PRODUCTS,
      });
      expect(done.url).toMatch(new RegExp(`^${target.url}/__sandbox/bulk/\\d+\\.jsonl\\?signature=`));
      const lines = await download(done.url);
      const [b, i] = [target.state.productByHandle('bir')!, target.state.productByHandle('iki')!];
      const variantLine = (variant: (typeof b.variants)[number], parent: string) => ({
        id: variant.id,
        sku: variant.sku,
        inventoryItem: { id: variant.inventoryItemId, tracked: true },
        __parentId: parent,
      });
      // Ungrouped (the 2026-01+ default): the roots first, their children after them.
      expect(lines).toEqual([
        { id: p1, handle: 'bir' },
        { id: p2, handle: 'iki' },
        variantLine(b.variants[0]!, p1),
        variantLine(b.variants[1]!, p1),
        variantLine(i.variants[0]!, p2),
      ]);
      const bytes = (await (await fetch(done.url)).arrayBuffer()).byteLength;
      expect(done.fileSize).toBe(String(bytes));
    },
  );

  it('groups children directly under their parent with groupObjects: true', async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    await seed(target, 'bir', ['B-S', 'B-M']);
    await seed(target, 'iki', ['I-S']);
    const { bulkOperation } = await runBulk(target, PRODUCTS, true);
    const lines = await download((await poll(target, bulkOperation!.id)).url);
    expect(lines.map((line) => line.sku ?? line.handle)).toEqual(['bir', 'B-S', 'B-M', 'iki', 'I-S']);
  });

  it(
    'parents a connection inside an inline object to the nearest connection node, and keeps only ' + 'active levels',
    async () => {
      const target = await start({ bulk: { pollsToComplete: 1 } });
      await seed(target, 'bir', ['B-S']);
      target.state.setAvailable('B-S', 'Merkez Depo', 7);
      target.state.setAvailable('B-S', 'Ankara Mağaza', 2);
      const item = target.state.inventoryItemBySku('B-S')!;
      const { bulkOperation } = await runBulk(target, LEVELS);
      const done = await poll(target, bulkOperation!.id);
      expect(done).toMatchObject({ objectCount: '3', rootObjectCount: '1' });
      const location = (name: string) => target.state.store.location(name)!.id;
      expect(await download(done.url)).toEqual([
        { id: item.id },
        {
          location: { id: location('Merkez Depo') },
          quantities: [{ name: 'available', quantity: 7 }],
          __parentId: item.id,
        },
        {
          location: { id: location('Ankara Mağaza') },
          quantities: [{ name: 'available', quantity: 2 }],
          __parentId: item.id,
        },
      ]);
    },
  );

  it('charges a normal mutation cost whatever the export size, and counts operations and downloads', async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    for (const n of [1, 2, 3]) await seed(target, `p-${n}`, [`S-${n}`]);
    target.resetStats();
    const response = await gql(target, RUN, { query: PRODUCTS, group: false });
    expect(response.body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(12);
    const done = await poll(target, response.body.data.bulkOperationRunQuery.bulkOperation.id);
    await download(done.url);
    await fetch(done.url, { headers: { 'x-shopify-access-token': target.accessToken } });
    expect(target.stats()).toMatchObject({
      requests: { mutations: 1, queries: 1, byOperation: { bulkOperationRunQuery: 1, bulkOperation: 1 } },
      bulkDownloads: { total: 2, withAccessToken: 1 },
    });
  });

  it('runs at most five bulk queries at once, refusing the sixth with LIMIT_REACHED', async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    const ids = [];
    for (let n = 0; n < 5; n++) ids.push((await runBulk(target, PRODUCTS)).bulkOperation!.id);
    const refused = await runBulk(target, PRODUCTS);
    expect(refused).toEqual({
      bulkOperation: null,
      userErrors: [{ code: 'LIMIT_REACHED', field: null, message: expect.stringContaining(ids[0]!) }],
    });
    await poll(target, ids[0]!);
    expect((await runBulk(target, PRODUCTS)).bulkOperation).toMatchObject({ status: 'CREATED' });
  });

  it('returns the rule violations as userErrors without creating an operation', async () => {
    const target = await start();
    expect(await runBulk(target, '{ products(first: 5) { nodes { id } } }')).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['query'],
          message: expect.stringContaining("Selecting via 'nodes' is not supported"),
        },
        { code: 'INVALID', field: ['query'], message: expect.stringContaining('no pagination arguments') },
      ],
    });
    expect(target.state.bulkOperations).toEqual([]);
  });

  it('fails with the configured error code, expires after seven days, and refuses a bad signature', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    const failing = await start({ bulk: { pollsToComplete: 1, failWith: 'TIMEOUT' }, clock: () => now });
    const failed = await poll(failing, (await runBulk(failing, PRODUCTS)).bulkOperation!.id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'TIMEOUT', url: null });
    await failing.close();

    const target = await start({ bulk: { pollsToComplete: 1 }, clock: () => now });
    await seed(target, 'bir', ['B-S']);
    const done = await poll(target, (await runBulk(target, PRODUCTS)).bulkOperation!.id);
    expect((await fetch(done.url.replace(/signature=\w+/, 'signature=forged'))).status).toBe(403);
    now += 7 * 86_400_000;
    expect(await poll(target, done.id)).toMatchObject({ status: 'EXPIRED', url: null });
    expect((await fetch(done.url)).status).toBe(403);
  });

  it(`keeps the files of the ${KEPT_EXPORT_FILES} newest exports; an older one reads EXPIRED`, async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    await seed(target, 'bir', ['B-S']);
    const done = [];
    for (let n = 0; n < KEPT_EXPORT_FILES + 2; n++)
      done.push(await poll(target, (await runBulk(target, PRODUCTS)).bulkOperation!.id));
    expect(done.every((op) => op.status === 'COMPLETED' && op.url)).toBe(true);
    const now = await Promise.all(done.map((op) => poll(target, op.id)));
    expect(now.map((op) => op.status)).toEqual([
      'EXPIRED',
      'EXPIRED',
      ...Array.from({ length: KEPT_EXPORT_FILES }, () => 'COMPLETED'),
    ]);
    expect(now[0]).toMatchObject({ url: null });
    expect((await fetch(done[0].url)).status).toBe(403);
    expect(await download(done.at(-1).url)).toHaveLength(2);
  });

  it('lets a test settle an operation as canceled, which drops its file', async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    await seed(target, 'bir', ['B-S']);
    const done = await poll(target, (await runBulk(target, PRODUCTS)).bulkOperation!.id);
    target.state.settleBulkOperation(done.id, 'CANCELED');
    expect(await poll(target, done.id)).toMatchObject({ status: 'CANCELED', url: null, errorCode: null });
    expect((await fetch(done.url)).status).toBe(403);
  });

  it('completes an export without results with no file', async () => {
    const target = await start({ bulk: { pollsToComplete: 1 } });
    const done = await poll(target, (await runBulk(target, PRODUCTS)).bulkOperation!.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      objectCount: '0',
      rootObjectCount: '0',
      url: null,
      fileSize: null,
    });
  });

  it(
    'lists operations newest first, filters by status, and answers bulkOperation for unknown and ' + 'foreign ids',
    async () => {
      const target = await start({ bulk: { pollsToComplete: 1 } });
      const first = (await runBulk(target, PRODUCTS)).bulkOperation!.id;
      const second = (await runBulk(target, PRODUCTS)).bulkOperation!.id;
      await poll(target, first);
      const list = await gql(
        target,
        `{ all: bulkOperations(first: 5) { nodes { id } } done: bulkOperations(first: 5, query: ` +
          `"status:completed") { nodes { id } }
      current: currentBulkOperation { id } }`,
      );
      expect(list.body.data).toEqual({
        all: { nodes: [{ id: second }, { id: first }] },
        done: { nodes: [{ id: first }] },
        current: { id: second },
      });
      expect((await gql(target, POLL, { id: 'gid://shopify/BulkOperation/1' })).body.data.bulkOperation).toBeNull();
      const foreign = await gql(target, POLL, { id: 'gid://shopify/Product/1' });
      expect(foreign.body.errors[0]).toMatchObject({ message: 'Invalid id: gid://shopify/Product/1' });
    },
  );

  it('counts products cheaply, capped by limit', async () => {
    const target = await start();
    for (const n of [1, 2, 3]) await seed(target, `p-${n}`, [`S-${n}`]);
    const response = await gql(
      target,
      '{ all: productsCount { count precision } capped: productsCount(limit: 2) { count precision } one: ' +
        'productsCount(query: "sku:S-2") { count } }',
    );
    expect(response.body.data).toEqual({
      all: { count: 3, precision: 'EXACT' },
      capped: { count: 2, precision: 'AT_LEAST' },
      one: { count: 1 },
    });
    expect(response.body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(3);
  });
});
