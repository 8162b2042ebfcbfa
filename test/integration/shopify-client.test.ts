import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, type CliError, RemoteError } from '../../src/core/errors.js';
import { SecretRegistry } from '../../src/core/redact.js';
import { RequestStats } from '../../src/core/request-stats.js';
import { createShopifyClient, type ShopifyClientOptions } from '../../src/shopify/client.js';
import type { ThrottleEvent } from '../../src/shopify/cost-pacer.js';
import type { ShopifyAuth } from '../../src/shopify/types.js';
import {
  cost,
  data,
  startGraphqlServer,
  type GraphqlTestServer,
  type Handler,
  type Reply,
} from '../helpers/graphql-server.js';
import { fakeClock } from '../helpers/fake-clock.js';

const TOKEN = 'shpat_static_token_123';
const CLIENT_SECRET = 'shpss_client_secret_456';
const GQL_PATH = '/admin/api/2026-10/graphql.json';

let server: GraphqlTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, overrides: Partial<ShopifyClientOptions> & { auth?: ShopifyAuth } = {}) {
  server = await startGraphqlServer(handler);
  const clock = fakeClock();
  const stats = new RequestStats();
  const throttles: ThrottleEvent[] = [];
  const client = createShopifyClient({
    store: server.url,
    auth: { type: 'token', accessToken: TOKEN },
    clock,
    stats,
    secrets: new SecretRegistry(),
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 },
    onThrottle: (event) => throttles.push(event),
    ...overrides,
  });
  return { client, clock, stats, throttles, requests: server.requests };
}

const shop = {
  shop: { name: 'Demo', myshopifyDomain: 'demo.myshopify.com', currencyCode: 'TRY', ianaTimezone: 'Europe/Istanbul' },
};
const throttled: Reply = {
  json: {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
    extensions: cost(752, null, 666, 1000, 50),
  },
};

async function caught(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected a rejection');
}

/** Array.fromAsync arrived in Node 22; Node 20 is supported. */
async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

function expectNoSecret(error: CliError): void {
  for (const text of [error.message, error.hint ?? ''])
    for (const secret of [TOKEN, CLIENT_SECRET, 'tok-1', 'tok-2']) expect(text).not.toContain(secret);
}

describe('transport, pacing and retries', () => {
  it('sends the token header, the document and records the actual cost', async () => {
    const { client, requests, stats } = await setup(() => data(shop, cost(1, 1, 1999)));
    await expect(client.getShop()).resolves.toEqual(shop.shop);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: GQL_PATH, operationName: 'ShopInfo' });
    expect(requests[0]?.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(requests[0]?.headers.authorization).toBeUndefined();
    expect(stats.snapshot().shopify).toMatchObject({ reads: 1, cost: 1, byOperation: { ShopInfo: 1 } });
  });

  it('waits (requested − available) / restoreRate after THROTTLED, then retries once', async () => {
    const { client, requests, clock, throttles } = await setup((_, i) => (i === 0 ? throttled : data(shop)));
    await expect(client.getShop()).resolves.toEqual(shop.shop);
    expect(requests.map((r) => r.operationName)).toEqual(['ShopInfo', 'ShopInfo']);
    expect(clock.sleeps).toEqual([1720]); // (752 − 666) / 50 s, and no extra pacing wait afterwards
    expect(throttles).toEqual([{ operation: 'ShopInfo', waitMs: 1720, reason: 'throttled' }]);
  });

  it('paces the next request when the bucket cannot cover its last cost', async () => {
    const { client, clock, throttles } = await setup(() => data(shop, cost(300, 300, 100, 2000, 1000)));
    await client.getShop();
    await client.getShop();
    expect(clock.sleeps).toEqual([200]); // 300 needed, 100 left, 1000 points/s
    expect(throttles).toEqual([{ operation: 'ShopInfo', waitMs: 200, reason: 'bucket' }]);
  });

  it('honours Retry-After on a 429', async () => {
    const { client, requests, clock } = await setup((_, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '2.0' }, text: '' } : data(shop),
    );
    await client.getShop();
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('never retries MAX_COST_EXCEEDED', async () => {
    const body = {
      errors: [{ message: 'Query cost is 1002', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1002, maxCost: 1000 } }],
    };
    const { client, requests } = await setup(() => ({ json: body }));
    const error = await caught(client.getShop());
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'MAX_COST_EXCEEDED' });
    expect(requests).toHaveLength(1);
  });

  it.each([
    {
      errors: [
        {
          message: 'Access denied for products field. Required access: `read_products`',
          extensions: { code: 'ACCESS_DENIED' },
        },
      ],
      type: AuthError,
      code: undefined,
    },
    {
      errors: [{ message: 'Cannot query field "nope" on type "Shop".', locations: [{ line: 1, column: 9 }] }],
      type: RemoteError,
      code: 'GRAPHQL_VALIDATION',
    },
  ])('maps top-level errors: $type.name $code', async ({ errors, type, code }) => {
    const { client } = await setup(() => ({ json: { errors } }));
    const error = await caught(client.getShop());
    expect(error).toBeInstanceOf(type);
    if (code) expect(error).toMatchObject({ code });
    expect(error.hint).toMatch(/scope|bug/);
  });
});

describe('auth', () => {
  const credentials: ShopifyAuth = { type: 'client-credentials', clientId: 'client-id-1', clientSecret: CLIENT_SECRET };
  const tokenReply = (token: string): Reply => ({
    json: { access_token: token, scope: 'read_products', expires_in: 86_399 },
  });

  it('fetches a token, refreshes once after a 401 and retries the call', async () => {
    let issued = 0;
    const { client, requests } = await setup(
      (req) => {
        if (req.path === '/admin/oauth/access_token') return tokenReply(`tok-${++issued}`);
        return req.headers['x-shopify-access-token'] === 'tok-1'
          ? { status: 401, text: '[API] Invalid API key or access token' }
          : data(shop);
      },
      { auth: credentials },
    );
    await client.getShop();
    await client.getShop(); // cached token: no new grant
    expect(requests.map((r) => `${r.path} ${String(r.headers['x-shopify-access-token'] ?? '')}`)).toEqual([
      '/admin/oauth/access_token ',
      `${GQL_PATH} tok-1`,
      '/admin/oauth/access_token ',
      `${GQL_PATH} tok-2`,
      `${GQL_PATH} tok-2`,
    ]);
    expect(requests[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-id-1',
      client_secret: CLIENT_SECRET,
    });
    for (const r of requests.filter((q) => q.path === GQL_PATH))
      expect(JSON.stringify(r.body) + JSON.stringify(r.headers)).not.toContain(CLIENT_SECRET);
  });

  it('gives up with an AuthError after the second 401, naming the variables and scopes', async () => {
    let issued = 0;
    const { client, requests } = await setup(
      (req) =>
        req.path.includes('oauth') ? tokenReply(`tok-${++issued}`) : { status: 401, text: `bad token tok-${issued}` },
      { auth: credentials },
    );
    const error = await caught(client.getShop());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.hint).toMatch(/SHOPIFY_CLIENT_ID.*SHOPIFY_CLIENT_SECRET/);
    expect(error.hint).toContain('write_inventory');
    expect(requests).toHaveLength(4);
    expectNoSecret(error);
  });

  it('does not refresh a static token', async () => {
    const { client, requests } = await setup(() => ({ status: 401, text: `Invalid token ${TOKEN}` }));
    const error = await caught(client.getShop());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.hint).toContain('SHOPIFY_ACCESS_TOKEN');
    expect(requests).toHaveLength(1);
    expectNoSecret(error);
  });

  it('refuses bad client credentials without echoing them', async () => {
    const { client } = await setup(
      () => ({ status: 400, json: { error: 'invalid_client', error_description: `bad ${CLIENT_SECRET}` } }),
      { auth: credentials },
    );
    const error = await caught(client.getShop());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('invalid_client');
    expectNoSecret(error);
  });
});

/** Wire builders (Shopify's casing), with overrides. */
const level = (locationId: string, available: number) => ({
  location: { id: locationId },
  quantities: [{ name: 'available', quantity: available }],
});
const levels = (nodes: unknown[], hasNextPage = false) => ({ nodes, pageInfo: { hasNextPage } });
const wireVariant = (n: number, over: Record<string, unknown> = {}) => ({
  id: `gid://shopify/ProductVariant/${n}`,
  sku: `SKU-${n}`,
  barcode: null,
  price: '1299.90',
  compareAtPrice: null,
  position: n,
  selectedOptions: [{ name: 'Size', value: `S${n}` }],
  inventoryItem: {
    id: `gid://shopify/InventoryItem/${n}`,
    tracked: true,
    inventoryLevels: levels([level('gid://shopify/Location/1', n)]),
  },
  ...over,
});
const page = (nodes: unknown[], endCursor: string | null = null) => ({
  nodes,
  pageInfo: { hasNextPage: endCursor !== null, endCursor },
});
const wireProduct = (n: number, over: Record<string, unknown> = {}) => ({
  id: `gid://shopify/Product/${n}`,
  handle: `p-${n}`,
  title: `Product ${n}`,
  descriptionHtml: '<p>x</p>',
  vendor: 'ACME',
  productType: 'Shirts',
  tags: ['sentos'],
  status: 'ACTIVE',
  options: [{ name: 'Size', position: 1, values: [`S${n}`] }],
  sentosProductId: { value: `${n}00` },
  imageSources: { value: '["https://img/1.jpg"]' },
  variants: page([wireVariant(n)]),
  ...over,
});

describe('catalog', () => {
  it('listProducts paginates, grows the page from the measured cost, completes variants and maps', async () => {
    const { client, requests } = await setup((req) => {
      if (req.operationName === 'ProductVariantsPage')
        return data({ product: { variants: page([wireVariant(3, { compareAtPrice: '20', barcode: '869' })]) } });
      if (req.variables?.after === null) return data({ products: page([wireProduct(1)], 'c1') }, cost(100, 20, 1900));
      return data({
        products: page([
          wireProduct(2, {
            variants: page([wireVariant(2)], 'v1'),
            sentosProductId: null,
            imageSources: { value: 'not json' },
          }),
        ]),
      });
    });
    const pages = [];
    // The choice between pages and the export is read-choice.ts's (table-tested) and the bulk client tests'.
    for await (const products of client.listProducts({ query: 'status:active', mode: 'paginated' }))
      pages.push(products);
    expect(requests.map((r) => [r.operationName, r.variables?.first, r.variables?.after])).toEqual([
      ['ProductsPage', 1, null],
      ['ProductsPage', 2, 'c1'], // 100 points for one product → two fit the target
      ['ProductVariantsPage', 20, 'v1'],
    ]);
    expect(requests[0]?.variables).toMatchObject({ query: 'status:active', variantsFirst: 20, levelsFirst: 10 });
    expect(pages).toHaveLength(2);
    expect(pages[0]?.[0]).toEqual({
      id: 'gid://shopify/Product/1',
      handle: 'p-1',
      title: 'Product 1',
      descriptionHtml: '<p>x</p>',
      vendor: 'ACME',
      productType: 'Shirts',
      tags: ['sentos'],
      status: 'ACTIVE',
      options: [{ name: 'Size', values: ['S1'] }],
      sentosProductId: '100',
      imageSources: ['https://img/1.jpg'],
      variants: [
        {
          id: 'gid://shopify/ProductVariant/1',
          sku: 'SKU-1',
          price: 129990,
          selectedOptions: [{ name: 'Size', value: 'S1' }],
          inventoryItemId: 'gid://shopify/InventoryItem/1',
          tracked: true,
          levels: [{ locationId: 'gid://shopify/Location/1', available: 1 }],
        },
      ],
    });
    const second = pages[1]?.[0];
    expect(second?.variants.map((v) => [v.sku, v.compareAtPrice, v.barcode])).toEqual([
      ['SKU-2', undefined, undefined],
      ['SKU-3', 2000, '869'],
    ]);
    expect(second).not.toHaveProperty('sentosProductId');
    expect(second).not.toHaveProperty('imageSources');
  });

  it('re-reads the levels of an item stocked at more locations than one page holds', async () => {
    const many = Array.from({ length: 12 }, (_, i) => level(`gid://shopify/Location/${i}`, i));
    const { client, requests } = await setup((req) =>
      req.operationName === 'InventoryLevelsByItems'
        ? data({ nodes: [{ id: 'gid://shopify/InventoryItem/1', inventoryLevels: levels(many) }] })
        : data({
            products: page([
              wireProduct(1, {
                variants: page([
                  wireVariant(1, {
                    inventoryItem: {
                      id: 'gid://shopify/InventoryItem/1',
                      tracked: true,
                      inventoryLevels: levels(many.slice(0, 10), true),
                    },
                  }),
                ]),
              }),
            ]),
          }),
    );
    const [products] = await collect(client.listProducts({ pageSize: 5, mode: 'paginated' }));
    expect(requests.map((r) => r.operationName)).toEqual(['ProductsPage', 'InventoryLevelsByItems']);
    expect(requests[1]?.variables).toEqual({ ids: ['gid://shopify/InventoryItem/1'], levelsFirst: 250 });
    expect(products?.[0]?.variants[0]?.levels).toHaveLength(12);
  });

  it('shrinks the page after MAX_COST_EXCEEDED instead of retrying the same query', async () => {
    const tooBig = {
      errors: [{ message: 'Query cost is 2000', extensions: { code: 'MAX_COST_EXCEEDED', cost: 2000, maxCost: 1000 } }],
    };
    const { client, requests } = await setup((req) =>
      req.variables?.first === 4 ? { json: tooBig } : data({ products: page([wireProduct(1)]) }),
    );
    const pages = await collect(client.listProducts({ pageSize: 4, mode: 'paginated' }));
    expect(requests.map((r) => r.variables?.first)).toEqual([4, 1]); // 4 × 1000/2000 × 0.8
    expect(pages[0]).toHaveLength(1);
  });

  it('productSet maps a ProductWrite to productSet variables and returns userErrors as data', async () => {
    const { client, requests } = await setup((_, i) =>
      i === 0
        ? data({ productSet: { product: wireProduct(7), userErrors: [] } })
        : data({
            productSet: {
              product: null,
              userErrors: [{ code: 'HANDLE_NOT_UNIQUE', field: ['input', 'handle'], message: 'Handle already in use' }],
            },
          }),
    );
    const created = await client.productSet({
      identifier: { handle: 'sentos-7' },
      title: 'Tee',
      status: 'DRAFT',
      options: [
        { name: 'Color', values: ['Red', 'Blue'] },
        { name: 'Size', values: ['S'] },
      ],
      variants: [
        {
          sku: 'T-R-S',
          price: 129990,
          compareAtPrice: null,
          barcode: '123',
          optionValues: [
            { optionName: 'Color', name: 'Red' },
            { optionName: 'Size', name: 'S' },
          ],
        },
        {
          id: 'gid://shopify/ProductVariant/9',
          sku: 'T-B-S',
          price: 5,
          compareAtPrice: 1000,
          optionValues: [
            { optionName: 'Color', name: 'Blue' },
            { optionName: 'Size', name: 'S' },
          ],
        },
      ],
      imageSources: ['https://img/a.jpg'],
      sentosProductId: '7',
    });
    expect(requests[0]?.operationName).toBe('ProductSet');
    expect(requests[0]?.variables).toEqual({
      identifier: { handle: 'sentos-7' },
      input: {
        handle: 'sentos-7',
        title: 'Tee',
        status: 'DRAFT',
        productOptions: [
          { name: 'Color', position: 1, values: [{ name: 'Red' }, { name: 'Blue' }] },
          { name: 'Size', position: 2, values: [{ name: 'S' }] },
        ],
        variants: [
          {
            optionValues: [
              { optionName: 'Color', name: 'Red' },
              { optionName: 'Size', name: 'S' },
            ],
            sku: 'T-R-S',
            barcode: '123',
            price: '1299.90',
            compareAtPrice: null,
            inventoryItem: { sku: 'T-R-S', tracked: true },
          },
          {
            id: 'gid://shopify/ProductVariant/9',
            optionValues: [
              { optionName: 'Color', name: 'Blue' },
              { optionName: 'Size', name: 'S' },
            ],
            sku: 'T-B-S',
            price: '0.05',
            compareAtPrice: '10.00',
            inventoryItem: { sku: 'T-B-S', tracked: true },
          },
        ],
        files: [{ originalSource: 'https://img/a.jpg', contentType: 'IMAGE' }],
        metafields: [
          { namespace: 'sentos_sync', key: 'product_id', type: 'single_line_text_field', value: '7' },
          { namespace: 'sentos_sync', key: 'image_sources', type: 'json', value: '["https://img/a.jpg"]' },
        ],
      },
    });
    // Only the id was asked for: the returned selection is what costs points.
    expect(created).toEqual({ product: { id: 'gid://shopify/Product/7', variants: [] }, userErrors: [] });

    const refused = await client.productSet({
      identifier: { id: 'gid://shopify/Product/7' },
      options: [],
      variants: [],
    });
    expect(requests[1]?.variables).toMatchObject({
      identifier: { id: 'gid://shopify/Product/7' },
      input: { productOptions: [], variants: [] },
    });
    expect(requests[1]?.variables?.input).not.toHaveProperty('metafields');
    expect(requests[1]?.variables?.input).not.toHaveProperty('files');
    expect(refused).toEqual({
      userErrors: [{ code: 'HANDLE_NOT_UNIQUE', field: ['input', 'handle'], message: 'Handle already in use' }],
    });
  });
});

describe('productSet selections', () => {
  const written = (n: number, more: boolean) => ({
    nodes: [
      {
        id: `gid://shopify/ProductVariant/${n}`,
        sku: `S-${n}`,
        inventoryItem: { id: `gid://shopify/InventoryItem/${n}` },
      },
    ],
    pageInfo: { hasNextPage: more, endCursor: more ? `c${n}` : null },
  });

  it('asks for the variant ids only when returnVariants says so, pages them, and sends new-variant stock', async () => {
    const { client, requests } = await setup((req) =>
      req.operationName === 'WrittenVariantsPage'
        ? data({ product: { variants: written(2, false) } })
        : data({
            productSet: { product: { id: 'gid://shopify/Product/1', variants: written(1, true) }, userErrors: [] },
          }),
    );
    const result = await client.productSet({
      identifier: { handle: 'sentos-1' },
      options: [{ name: 'Size', values: ['S'] }],
      variants: [
        {
          sku: 'S-1',
          optionValues: [{ optionName: 'Size', name: 'S' }],
          inventoryQuantities: [{ locationId: 'L', quantity: 4 }],
        },
        {
          id: 'gid://shopify/ProductVariant/2',
          sku: 'S-2',
          optionValues: [],
          inventoryQuantities: [{ locationId: 'L', quantity: 9 }],
        },
      ],
      returnVariants: true,
    });
    expect(requests.map((r) => r.operationName)).toEqual(['ProductSetWithVariants', 'WrittenVariantsPage']);
    expect(requests[0]?.variables?.variantsFirst).toBe(2);
    const variants = (requests[0]?.variables?.input as { variants: Array<Record<string, unknown>> }).variants;
    expect(variants[0]?.inventoryQuantities).toEqual([{ locationId: 'L', name: 'available', quantity: 4 }]);
    // An existing variant's stock never rides in productSet (a blind set would overwrite a sale).
    expect(variants[1]).not.toHaveProperty('inventoryQuantities');
    expect(result.product?.variants).toEqual([
      { id: 'gid://shopify/ProductVariant/1', sku: 'S-1', inventoryItemId: 'gid://shopify/InventoryItem/1' },
      { id: 'gid://shopify/ProductVariant/2', sku: 'S-2', inventoryItemId: 'gid://shopify/InventoryItem/2' },
    ]);
  });
});

describe('inventory and metafields', () => {
  const row = (n: number, changeFromQuantity: number | null = null) => ({
    inventoryItemId: `gid://shopify/InventoryItem/${n}`,
    locationId: 'gid://shopify/Location/1',
    quantity: n * 10,
    changeFromQuantity,
  });

  it(
    'setInventoryQuantities sends every row with its compare value and maps stale userErrors back ' + 'to rows',
    async () => {
      const stale = {
        code: 'CHANGE_FROM_QUANTITY_STALE',
        field: ['input', 'quantities', '1', 'changeFromQuantity'],
        message: 'stale',
      };
      const { client, requests } = await setup(() =>
        data({
          inventorySetQuantities: {
            inventoryAdjustmentGroup: null,
            userErrors: [stale, { code: 'INVALID_LOCATION', field: null, message: 'nope' }],
          },
        }),
      );
      const result = await client.setInventoryQuantities([row(1), row(2, 5), row(3, 7)], {
        idempotencyKey: 'key-1',
        referenceDocumentUri: 'gid://sentos-sync/SyncRun/1',
      });
      expect(requests[0]?.variables).toEqual({
        quantities: [row(1), row(2, 5), row(3, 7)],
        referenceDocumentUri: 'gid://sentos-sync/SyncRun/1',
        idempotencyKey: 'key-1',
      });
      expect(requests[0]?.body).toMatchObject({ query: expect.stringContaining('@idempotent(key: $idempotencyKey)') });
      expect(result).toEqual({
        ok: false,
        stale: [{ inventoryItemId: 'gid://shopify/InventoryItem/2', locationId: 'gid://shopify/Location/1' }],
        userErrors: [stale, { code: 'INVALID_LOCATION', message: 'nope' }],
      });
    },
  );

  it('refuses more than 250 rows before sending anything', async () => {
    const { client, requests } = await setup(() => data({}));
    const rows = Array.from({ length: 251 }, (_, i) => row(i));
    await expect(
      client.setInventoryQuantities(rows, { idempotencyKey: 'k', referenceDocumentUri: 'gid://x/y/1' }),
    ).rejects.toThrow(/250/);
    expect(requests).toHaveLength(0);
  });

  it('activateInventory and metafieldsSet send their keys and types', async () => {
    const { client, requests } = await setup((req) =>
      req.operationName === 'InventoryActivate'
        ? data({ inventoryActivate: { inventoryLevel: level('gid://shopify/Location/2', 4), userErrors: [] } })
        : data({ metafieldsSet: { metafields: [], userErrors: [] } }),
    );
    await expect(
      client.activateInventory('gid://shopify/InventoryItem/1', 'gid://shopify/Location/2', 'act-1'),
    ).resolves.toEqual({
      ok: true,
      userErrors: [],
      level: { locationId: 'gid://shopify/Location/2', available: 4 },
    });
    await expect(
      client.metafieldsSet([{ ownerId: 'gid://shopify/Product/1', key: 'image_sources', value: '["a"]' }]),
    ).resolves.toEqual({ ok: true, userErrors: [] });
    expect(requests.map((r) => r.variables)).toEqual([
      {
        inventoryItemId: 'gid://shopify/InventoryItem/1',
        locationId: 'gid://shopify/Location/2',
        idempotencyKey: 'act-1',
      },
      {
        metafields: [
          {
            ownerId: 'gid://shopify/Product/1',
            namespace: 'sentos_sync',
            key: 'image_sources',
            type: 'json',
            value: '["a"]',
          },
        ],
      },
    ]);
  });

  it('getInventoryLevels batches item ids and skips ids that are not inventory items', async () => {
    const { client, requests } = await setup((req) =>
      data({
        nodes: (req.variables?.ids as string[]).map((id) =>
          id.endsWith('/0') ? null : { id, inventoryLevels: levels([level('gid://shopify/Location/1', 3)]) },
        ),
      }),
    );
    const ids = Array.from({ length: 21 }, (_, i) => `gid://shopify/InventoryItem/${i}`);
    const result = await client.getInventoryLevels([...ids, ids[1] as string]);
    expect(requests.map((r) => (r.variables?.ids as string[]).length)).toEqual([20, 1]);
    expect(result.size).toBe(20);
    expect(result.get('gid://shopify/InventoryItem/20')).toEqual([
      { locationId: 'gid://shopify/Location/1', available: 3 },
    ]);
  });
});

const money = (amount: string) => ({ shopMoney: { amount } });
/** A MoneyBag in both currencies; EUR at 0.02 per lira for the presentment side. */
const both = (amount: string, presentment: string) => ({
  shopMoney: { amount },
  presentmentMoney: { amount: presentment },
});
const address = {
  firstName: 'Ayşe',
  lastName: 'Yılmaz',
  name: 'Ayşe Yılmaz',
  company: null,
  address1: 'Cad. 1',
  address2: null,
  city: 'İstanbul',
  province: null,
  provinceCode: null,
  country: 'Turkey',
  countryCodeV2: 'TR',
  zip: '34000',
  phone: null,
};
const lineItem = (n: number) => ({
  id: `gid://shopify/LineItem/${n}`,
  sku: `SKU-${n}`,
  name: `Tee - S${n}`,
  title: 'Tee',
  variantTitle: `S${n}`,
  quantity: 2,
  currentQuantity: 1,
  variant: { id: `gid://shopify/ProductVariant/${n}` },
  isGiftCard: false,
  requiresShipping: true,
  originalUnitPriceSet: both('100.00', '2.00'),
  discountedUnitPriceSet: money('89.995'),
  discountAllocations: [
    {
      allocatedAmountSet: both('20.01', '0.40'),
      discountApplication: { targetType: 'LINE_ITEM', targetSelection: 'ALL' },
    },
  ],
  taxLines: [{ title: 'KDV', rate: 0.2, ratePercentage: null, priceSet: both('29.99', '0.60') }],
});
const wireOrder = (over: Record<string, unknown> = {}) => ({
  id: 'gid://shopify/Order/5001',
  legacyResourceId: '5001',
  name: '#1001',
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
  processedAt: '2026-11-20T10:00:00Z',
  cancelledAt: null,
  cancelReason: null,
  closed: false,
  test: false,
  displayFinancialStatus: 'PAID',
  displayFulfillmentStatus: 'UNFULFILLED',
  currencyCode: 'TRY',
  presentmentCurrencyCode: 'EUR',
  email: 'a@example.com',
  phone: null,
  note: null,
  paymentGatewayNames: ['manual'],
  customer: {
    firstName: 'Ayşe',
    lastName: null,
    defaultEmailAddress: { emailAddress: 'a@example.com' },
    defaultPhoneNumber: null,
  },
  billingAddress: address,
  shippingAddress: null,
  totalShippingPriceSet: money('29.90'),
  taxesIncluded: true,
  totalPriceSet: both('1.299', '0.03'),
  currentTotalPriceSet: both('119.88', '2.40'),
  totalTipReceivedSet: both('0.00', '0.00'),
  currentTotalDutiesSet: null,
  currentTotalAdditionalFeesSet: both('5.00', '0.10'),
  shippingLines: {
    nodes: [
      {
        title: 'Standart',
        isRemoved: false,
        discountedPriceSet: both('29.90', '0.60'),
        currentDiscountedPriceSet: both('19.90', '0.40'),
        taxLines: [{ title: 'KDV', rate: 0.2, ratePercentage: 20, priceSet: both('4.98', '0.10') }],
        discountAllocations: [],
      },
    ],
  },
  lineItems: page([lineItem(1)]),
  fulfillments: [{ status: 'SUCCESS', trackingInfo: [{ company: 'Yurtiçi', number: 'YK1', url: null }] }],
  ...over,
});

describe('orders', () => {
  it(
    'listOrders builds the search, completes line items past the first page and maps money to ' + 'minor units',
    async () => {
      const { client, requests } = await setup((req) =>
        req.operationName === 'OrderLineItemsPage'
          ? data({ order: { lineItems: page([lineItem(2)]) } })
          : data({ orders: page([wireOrder({ lineItems: page([lineItem(1)], 'l1') })]) }),
      );
      const pages = await collect(
        client.listOrders({
          updatedAfter: '2026-11-20T00:00:00Z',
          ids: ['gid://shopify/Order/5001', '5002'],
          search: 'financial_status:paid',
        }),
      );
      expect(requests.map((r) => r.operationName)).toEqual(['OrdersPage', 'OrderLineItemsPage']);
      expect(requests[0]?.variables).toEqual({
        first: 1,
        after: null,
        query: "updated_at:>'2026-11-20T00:00:00Z' (id:5001 OR id:5002) financial_status:paid",
      });
      expect(requests[1]?.variables).toEqual({ id: 'gid://shopify/Order/5001', after: 'l1' });
      expect(requests[0]?.body).toMatchObject({ query: expect.stringContaining('sortKey: UPDATED_AT') });
      const order = pages[0]?.[0];
      expect(order).toMatchObject({
        legacyId: '5001',
        shippingTotal: 2990,
        totalPrice: 130,
        displayFinancialStatus: 'PAID',
        customer: { firstName: 'Ayşe', email: 'a@example.com' },
        billingAddress: { firstName: 'Ayşe', city: 'İstanbul', countryCode: 'TR', zip: '34000' },
        fulfillments: [{ status: 'SUCCESS', trackingCompany: 'Yurtiçi', trackingNumber: 'YK1' }],
        money: {
          taxesIncluded: true,
          total: { shop: 130, presentment: 3 },
          currentTotal: { shop: 11988, presentment: 240 },
          tips: { shop: 0, presentment: 0 },
          dutiesAndFees: { shop: 500, presentment: 10 },
          shippingLines: [
            {
              title: 'Standart',
              isRemoved: false,
              discountedPrice: { shop: 2990, presentment: 60 },
              currentDiscountedPrice: { shop: 1990, presentment: 40 },
              taxLines: [{ title: 'KDV', ratePercentage: 20, amount: { shop: 498, presentment: 10 } }],
              discountAllocations: [],
            },
          ],
        },
      });
      expect(order?.lineItems).toEqual(
        [1, 2].map((n) => ({
          id: `gid://shopify/LineItem/${n}`,
          sku: `SKU-${n}`,
          name: `Tee - S${n}`,
          title: 'Tee',
          variantTitle: `S${n}`,
          variantId: `gid://shopify/ProductVariant/${n}`,
          quantity: 2,
          currentQuantity: 1,
          originalUnitPrice: 10000,
          discountedUnitPrice: 9000,
          taxLines: [{ title: 'KDV', ratePercentage: 20, amount: { shop: 2999, presentment: 60 } }],
          originalUnitPriceSet: { shop: 10000, presentment: 200 },
          discountAllocations: [
            { amount: { shop: 2001, presentment: 40 }, targetType: 'LINE_ITEM', targetSelection: 'ALL' },
          ],
          isGiftCard: false,
          requiresShipping: true,
        })),
      );
      expect(order).not.toHaveProperty('shippingAddress');
      expect(order).not.toHaveProperty('cancelledAt');
    },
  );
});
