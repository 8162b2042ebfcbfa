import { afterEach, describe, expect, it } from 'vitest';
import { type CliError, RemoteError } from '../../src/core/errors.js';
import { SecretRegistry } from '../../src/core/redact.js';
import { RequestStats } from '../../src/core/request-stats.js';
import { createShopifyClient } from '../../src/shopify/client.js';
import {
  cost,
  data as reply,
  startGraphqlServer,
  type GraphqlTestServer,
  type RecordedRequest,
  type Reply,
} from '../helpers/graphql-server.js';
import { fakeClock } from '../helpers/fake-clock.js';

/**
 * The bulk catalog read against a scripted server (docs/house-style.md#12-four-test-tiers: assert the request log):
 * the count
 * decides, two exports start, polls back off on the injected clock, the files are fetched WITHOUT the token
 * and joined; every failure is an error and nothing partial is ever yielded.
 */
const TOKEN = 'shpat_bulk_token_789';
const P1 = 'gid://shopify/Product/1';
const P2 = 'gid://shopify/Product/2';
const LOC1 = 'gid://shopify/Location/1';
const LOC2 = 'gid://shopify/Location/2';
const item = (n: number) => `gid://shopify/InventoryItem/${n}`;

const product = (id: string, handle: string, extra: Record<string, unknown> = {}) => ({
  id,
  handle,
  title: handle,
  descriptionHtml: '',
  vendor: 'ACME',
  productType: 'Tişört',
  tags: ['a'],
  status: 'ACTIVE',
  options: [{ name: 'Beden', position: 1, values: ['S', 'M'] }],
  sentosProductId: null,
  imageSources: null,
  ...extra,
});
const variant = (n: number, parent: string, position: number, extra: Record<string, unknown> = {}) => ({
  id: `gid://shopify/ProductVariant/${n}`,
  sku: `SKU-${n}`,
  barcode: null,
  price: '10.50',
  compareAtPrice: null,
  position,
  selectedOptions: [{ name: 'Beden', value: position === 1 ? 'S' : 'M' }],
  inventoryItem: { id: item(n), tracked: true },
  __parentId: parent,
  ...extra,
});
const level = (parent: string, location: string, quantity: number) => ({
  location: { id: location },
  quantities: [{ name: 'available', quantity }],
  __parentId: parent,
});
const jsonl = (rows: object[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

// Ungrouped, as Shopify writes by default since 2026-01: children after all their parents, variants out of position
// order.
const PRODUCT_ROWS = [
  product(P1, 'bir', { sentosProductId: { value: '42' }, imageSources: { value: '["https://img/1.jpg"]' } }),
  product(P2, 'iki'),
  variant(12, P1, 2, { compareAtPrice: '20.00', barcode: '869' }),
  variant(21, P2, 1),
  variant(11, P1, 1),
];
const LEVEL_ROWS = [
  { id: item(11) },
  { id: item(12) },
  { id: item(21) },
  level(item(11), LOC1, 5),
  level(item(11), LOC2, 0),
  level(item(21), LOC1, 7),
];

interface Script {
  count?: number;
  /** productVariantsCount's answer. */
  variants?: number;
  /** Status answered by each poll of an export, in order; the last one repeats. */
  statuses?: Record<string, string[]>;
  errorCode?: string;
  /** Replies to each start of an export, in order; then a created operation. */
  startErrors?: Array<Array<{ code: string; message: string }>>;
  /** Body served for each download of a file, in order; the last one repeats. */
  files?: Record<string, string[]>;
  objectCount?: Record<string, number>;
  onOther?: (request: RecordedRequest) => Reply;
}

let server: GraphqlTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: Script = {}) {
  const files: Record<string, string[]> = {
    products: [jsonl(PRODUCT_ROWS)],
    levels: [jsonl(LEVEL_ROWS)],
    ...script.files,
  };
  const exportOf = (query: unknown) => (String(query).includes('BulkCatalogLevels') ? 'levels' : 'products');
  const polls: Record<string, number> = {};
  const starts: Record<string, number> = {};
  const downloads: Record<string, number> = {};
  const pick = <T>(list: T[], index: number): T => list[Math.min(index, list.length - 1)] as T;
  server = await startGraphqlServer((req) => {
    const file = /^\/files\/(\w+)\.jsonl/.exec(req.path)?.[1];
    if (req.method === 'GET' && file)
      return { status: 200, text: pick(files[file] ?? [''], (downloads[file] = (downloads[file] ?? -1) + 1)) };
    if (req.operationName === 'CatalogCounts')
      return data({
        productsCount: { count: script.count ?? 300, precision: 'EXACT' },
        productVariantsCount: { count: script.variants ?? 900, precision: 'EXACT' },
      });
    if (req.operationName === 'BulkOperationRunQuery') {
      const name = exportOf(req.variables?.query);
      const attempt = (starts[name] = (starts[name] ?? -1) + 1);
      const errors = script.startErrors?.[attempt];
      if (errors)
        return data({
          bulkOperationRunQuery: { bulkOperation: null, userErrors: errors.map((e) => ({ ...e, field: null })) },
        });
      return data({
        bulkOperationRunQuery: {
          bulkOperation: { id: `gid://shopify/BulkOperation/${name}`, status: 'CREATED' },
          userErrors: [],
        },
      });
    }
    if (req.operationName === 'BulkOperationPoll') {
      const name = String(req.variables?.id).split('/').pop() as string;
      const status = pick(script.statuses?.[name] ?? ['RUNNING', 'COMPLETED'], (polls[name] = (polls[name] ?? -1) + 1));
      const versions = files[name] ?? [''];
      const body = versions[versions.length - 1] as string; // the stated counts are the complete file's
      const count = script.objectCount?.[name] ?? body.split('\n').filter(Boolean).length;
      const done = status === 'COMPLETED';
      return data({
        bulkOperation: {
          id: `gid://shopify/BulkOperation/${name}`,
          status,
          errorCode: status === 'FAILED' ? (script.errorCode ?? null) : null,
          objectCount: done ? String(count) : '0',
          rootObjectCount: '0',
          fileSize: done ? String(Buffer.byteLength(body)) : null,
          url: done ? `${server?.url}/files/${name}.jsonl?signature=sig-${name}-secret` : null,
          partialDataUrl: status === 'FAILED' ? `${server?.url}/files/partial.jsonl` : null,
        },
      });
    }
    return script.onOther?.(req) ?? { status: 500, text: `unexpected ${req.operationName}` };
  });
  const clock = fakeClock();
  const stats = new RequestStats();
  const client = createShopifyClient({
    store: server.url,
    auth: { type: 'token', accessToken: TOKEN },
    clock,
    stats,
    secrets: new SecretRegistry(),
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 },
    bulkPolling: { initialDelayMs: 100, maxDelayMs: 400, timeoutMs: 10_000 },
  });
  return { client, clock, stats, requests: server.requests };
}

/** A roomy bucket, so the cost pacer never waits and the clock records only the polling backoff. */
const data = (payload: unknown) => reply(payload, cost(10, 5, 19_990, 20_000, 1_000));

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function caught(pages: AsyncIterable<unknown>, yielded: unknown[] = []): Promise<CliError> {
  try {
    for await (const page of pages) yielded.push(page);
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected the read to fail');
}

const downloadsOf = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'GET');

describe('listProducts by bulk export (docs/shopify-api.md#bulk-export)', () => {
  it(
    'counts, runs both exports, polls on schedule, downloads without the token and joins levels into ' + 'variants',
    async () => {
      const { client, clock, requests, stats } = await setup();
      const pages = await collect(client.listProducts());
      expect(requests[0]).toMatchObject({
        operationName: 'CatalogCounts',
        variables: { query: null, productsLimit: 251, variantsLimit: 10_000 },
      });
      const starts = requests
        .filter((r) => r.operationName === 'BulkOperationRunQuery')
        .map((r) => String(r.variables?.query));
      expect(starts.map((query) => /query (\w+)/.exec(query)?.[1]).sort()).toEqual([
        'BulkCatalogLevels',
        'BulkCatalogProducts',
      ]);
      expect(requests.filter((r) => r.operationName === 'BulkOperationPoll')).toHaveLength(4);
      // Each export polls 100 ms and 400 ms after its own start (poll-schedule.ts: 1,200 objects are expected to
      // take 3.24 s, so both early polls go first). The second start is answered after the first export's first
      // sleep on this shared clock: sleeps 100 (A), 100 (B), 200 (A to 400), 100 (B to 100 + 400).
      expect([...clock.sleeps].sort((a, b) => a - b)).toEqual([100, 100, 100, 200]);
      const gets = downloadsOf(requests);
      expect(gets.map((r) => r.path).sort()).toEqual([
        '/files/levels.jsonl?signature=sig-levels-secret',
        '/files/products.jsonl?signature=sig-products-secret',
      ]);
      for (const get of gets) {
        expect(get.headers['x-shopify-access-token']).toBeUndefined();
        expect(JSON.stringify(get.headers)).not.toContain(TOKEN);
      }
      expect(stats.snapshot().shopify.byOperation).toMatchObject({
        CatalogCounts: 1,
        BulkOperationRunQuery: 2,
        BulkOperationPoll: 4,
        BulkDownload: 2,
      });
      expect(pages).toHaveLength(1);
      expect(pages[0]).toEqual([
        {
          id: P1,
          handle: 'bir',
          title: 'bir',
          descriptionHtml: '',
          vendor: 'ACME',
          productType: 'Tişört',
          tags: ['a'],
          status: 'ACTIVE',
          options: [{ name: 'Beden', values: ['S', 'M'] }],
          sentosProductId: '42',
          imageSources: ['https://img/1.jpg'],
          variants: [
            {
              id: 'gid://shopify/ProductVariant/11',
              sku: 'SKU-11',
              price: 1050,
              selectedOptions: [{ name: 'Beden', value: 'S' }],
              inventoryItemId: item(11),
              tracked: true,
              levels: [
                { locationId: LOC1, available: 5 },
                { locationId: LOC2, available: 0 },
              ],
            },
            {
              id: 'gid://shopify/ProductVariant/12',
              sku: 'SKU-12',
              barcode: '869',
              price: 1050,
              compareAtPrice: 2000,
              selectedOptions: [{ name: 'Beden', value: 'M' }],
              inventoryItemId: item(12),
              tracked: true,
              levels: [],
            },
          ],
        },
        expect.objectContaining({
          id: P2,
          variants: [expect.objectContaining({ sku: 'SKU-21', levels: [{ locationId: LOC1, available: 7 }] })],
        }),
      ]);
    },
  );

  it('pages without counting when the mode says so, and pages a catalog cheaper to page than to export', async () => {
    const { client, requests } = await setup({
      count: 1,
      variants: 1,
      onOther: () => data({ products: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } }),
    });
    await collect(client.listProducts({ mode: 'paginated' }));
    await collect(client.listProducts({ bulkThreshold: 5, levelsFirst: 1 }));
    expect(requests.map((r) => r.operationName)).toEqual(['ProductsPage', 'CatalogCounts', 'ProductsPage']);
    expect(requests[1]?.variables).toEqual({ query: null, productsLimit: 6, variantsLimit: 10_000 });
  });

  it('exports a catalog of few products when its variants make pages the dearer read', async () => {
    const { client, requests } = await setup({ count: 20, variants: 2_019 });
    await collect(client.listProducts({ levelsFirst: 3 }));
    const names = requests.map((r) => r.operationName);
    expect(names[0]).toBe('CatalogCounts');
    expect(names.filter((n) => n === 'BulkOperationRunQuery')).toHaveLength(2);
    expect(names).not.toContain('ProductsPage');
  });

  it.each([
    ['FAILED', 'TIMEOUT', /failed with TIMEOUT/, /Run again/],
    ['FAILED', 'ACCESS_DENIED', /failed with ACCESS_DENIED/, /scope/],
    ['EXPIRED', undefined, /ended EXPIRED/, /expired/],
    ['CANCELED', undefined, /ended CANCELED/, /canceled/],
  ])(
    '%s %s is an error with a hint, the partial data is never read and nothing is yielded',
    async (status, errorCode, message, hint) => {
      const { client, requests } = await setup({
        statuses: { products: ['RUNNING', status], levels: ['RUNNING'] },
        errorCode,
      });
      const yielded: unknown[] = [];
      const error = await caught(client.listProducts(), yielded);
      expect(error).toBeInstanceOf(RemoteError);
      expect(error).toMatchObject({ code: `BULK_${status}` });
      expect(error.message).toMatch(message);
      expect(error.hint).toMatch(hint);
      expect(yielded).toEqual([]);
      expect(downloadsOf(requests)).toEqual([]); // neither the partial data nor the other export's file
      // The other export (forever RUNNING here) is abandoned, not polled until the timeout: at most one poll was in
      // flight.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(
        requests.filter((r) => r.variables?.id === 'gid://shopify/BulkOperation/levels').length,
      ).toBeLessThanOrEqual(3);
    },
  );

  it('re-downloads a truncated file from scratch and never yields it', async () => {
    const full = jsonl(PRODUCT_ROWS);
    const { client, requests } = await setup({ files: { products: [full.slice(0, full.length - 40), full] } });
    const pages = await collect(client.listProducts());
    expect(downloadsOf(requests).filter((r) => r.path.startsWith('/files/products'))).toHaveLength(2);
    expect(pages[0]?.map((p) => p.variants.length)).toEqual([2, 1]);
  });

  it('gives up on a file that stays short, naming the URL without its signature', async () => {
    const { client } = await setup({ objectCount: { products: 9 } });
    const error = await caught(client.listProducts());
    expect(error).toMatchObject({ code: 'BULK_DOWNLOAD_FAILED' });
    expect(error.message).toContain('got 5 of 9 lines');
    expect(error.message).toContain('/files/products.jsonl');
    expect(error.message).not.toContain('signature');
  });

  it('waits for a slot when the shop runs too many exports, and refuses an invalid query as a bug', async () => {
    const busy = [{ code: 'LIMIT_REACHED', message: 'A maximum of 5 bulk query operations can run at the same time' }];
    const first = await setup({ startErrors: [busy, busy] });
    expect(await collect(first.client.listProducts())).toHaveLength(1);
    // each export: busy, busy, created
    expect(first.requests.filter((r) => r.operationName === 'BulkOperationRunQuery')).toHaveLength(6);
    await server?.close();

    const second = await setup({
      startErrors: [[{ code: 'INVALID', message: 'Bulk queries cannot contain more than 5 connections.' }]],
    });
    const error = await caught(second.client.listProducts());
    expect(error).toMatchObject({ code: 'BULK_QUERY_INVALID' });
    expect(error.hint).toMatch(/bug/);
  });

  it('reads the levels of a variant the levels export did not see directly', async () => {
    const levelsWithout21 = jsonl(LEVEL_ROWS.filter((row) => !JSON.stringify(row).includes(item(21))));
    const { client, requests } = await setup({
      files: { levels: [levelsWithout21] },
      onOther: (_req) =>
        data({
          nodes: [
            {
              id: item(21),
              inventoryLevels: {
                nodes: [{ location: { id: LOC2 }, quantities: [{ name: 'available', quantity: 3 }] }],
                pageInfo: { hasNextPage: false },
              },
            },
          ],
        }),
    });
    const [page] = await collect(client.listProducts());
    expect(requests.find((r) => r.operationName === 'InventoryLevelsByItems')?.variables).toMatchObject({
      ids: [item(21)],
    });
    expect(page?.[1]?.variants[0]?.levels).toEqual([{ locationId: LOC2, available: 3 }]);
  });

  it('refuses a file whose lines do not fit together', async () => {
    const { client } = await setup({ files: { products: [jsonl([product(P1, 'bir'), variant(21, P2, 1)])] } });
    const error = await caught(client.listProducts());
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(error.message).toContain(`variants of ${P2}`);
  });
});
