import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * No oversell (docs/architecture.md#no-oversell): a sale that lands exactly between the plan and the stock write. A
 * loopback proxy in front of the Shopify simulator places the order when the run's first inventorySetQuantities request
 * arrives, before passing it on: the request's changeFromQuantity is then stale, and the simulator answers as Shopify
 * does (CHANGE_FROM_QUANTITY_STALE). The tool must re-read, carry the sale over and write again — never a blind set.
 */
interface Proxy {
  url: string;
  close(): Promise<void>;
}

/** `beforeStockWrite(n)` runs before the n-th inventorySetQuantities request (1-based) is passed on. */
function proxyTo(target: string, beforeStockWrite: (n: number) => void): Promise<Proxy> {
  let writes = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (/mutation\s+InventorySetQuantities/i.test(body.toString('utf8'))) beforeStockWrite((writes += 1));
      const upstream = http.request(
        `${target}${req.url}`,
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

describe('a sale between the plan and the write', () => {
  let t: TestSandbox;
  let sku: string;
  let location: string;
  const stockWrites = () => t.sandbox.shopify.stats().requests.byOperation.inventorySetQuantities ?? 0;

  beforeAll(async () => {
    t = await startTestSandbox({
      seed: 3,
      products: 3,
      orders: 0,
      shopify: { locations: [{ name: 'Merkez Depo' }], bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } },
    });
    const product = t.sandbox.sentos.state.products.find((p) => p.variants.length > 0);
    sku = product!.variants[0]!.sku;
    for (const w of t.sandbox.sentos.state.warehouses)
      t.sandbox.sentos.state.setVariantStock(sku, w.id, w.id === 1 ? 10 : 0);
    location = t.sandbox.shopify.state.locations[0]!.id;
    expect((await runCli(['sync', '--json'], t.env)).code).toBe(0);
  });
  afterAll(() => t.close());

  it('keeps the sale: the write is reduced by it, through a stale compare-and-set and a re-read', async () => {
    expect(t.sandbox.shopify.state.available(sku, location)).toBe(10);
    // Sentos counted 2 more in (so there is a write to make); a customer buys 2 just as it is sent.
    t.sandbox.sentos.state.setVariantStock(sku, 1, 12);
    const proxy = await proxyTo(
      t.sandbox.shopify.url,
      (n) => n === 1 && t.sandbox.shopify.state.placeOrder({ lines: [{ sku, quantity: 2 }], locationId: location }),
    );
    try {
      const writesBefore = stockWrites();
      const run = await runCli(['sync', '--json'], { ...t.env, SHOPIFY_STORE: proxy.url });
      expect(run.code).toBe(0);
      // 12 from Sentos, minus the 2 sold mid-write that Sentos has not received: never 12.
      expect(t.sandbox.shopify.state.available(sku, location)).toBe(10);
      const report = run.json().phases.products;
      const item = report.items.find((i: { changes?: Array<{ sku?: string }> }) =>
        i.changes?.some((c) => c.sku === sku),
      );
      expect(item.changes).toContainEqual({
        field: 'stock',
        sku,
        location,
        from: 10,
        sentos: 12,
        pending: 0,
        planned: 12,
        to: 10,
        soldDuringRun: 2,
      });
      expect(report.warnings).toContainEqual(
        expect.stringMatching(/stale compare-and-set.*2 unit\(s\) sold meanwhile/),
      );
      // One stale attempt, then the carried-over write: two requests, and the level read in between.
      expect(stockWrites() - writesBefore).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it('then pushes the sale to Sentos and settles without putting the unit back on sale', async () => {
    const first = await runCli(['sync', '--json'], t.env);
    expect(first.code).toBe(0);
    expect(t.sandbox.sentos.state.stockOf(sku)[1]).toBe(10);
    // Pushed after this run's Sentos read (12): held back as pending, so nothing moves.
    expect(t.sandbox.shopify.state.available(sku, location)).toBe(10);
    const second = await runCli(['sync', '--json'], t.env);
    expect(second.code).toBe(0);
    expect(t.sandbox.shopify.state.available(sku, location)).toBe(10);
  });

  it(
    'gives up on a row that stays stale, says so, never sets it blindly, and still writes the rest of ' + 'the batch',
    async () => {
      t.sandbox.sentos.state.setVariantStock(sku, 1, 12);
      // Another product's stock changes too: its row travels in the same inventorySetQuantities batch.
      const other = t.sandbox.sentos.state.products.find((p) => !p.variants.some((v) => v.sku === sku))!;
      const calm = other.variants[0]?.sku ?? other.sku;
      t.sandbox.sentos.state.setVariantStock(calm, 1, 7);
      for (const w of [2, 3]) t.sandbox.sentos.state.setVariantStock(calm, w, 0);
      // A sale at every attempt: the compare can never succeed.
      const proxy = await proxyTo(t.sandbox.shopify.url, () =>
        t.sandbox.shopify.state.placeOrder({ lines: [{ sku, quantity: 1 }], locationId: location }),
      );
      try {
        const writesBefore = stockWrites();
        const run = await runCli(['sync', '--only', 'products', '--json'], { ...t.env, SHOPIFY_STORE: proxy.url });
        expect(run.code).not.toBe(0);
        const attempts = stockWrites() - writesBefore;
        // Stale three times: set aside; the fourth request carries the other row alone.
        expect(attempts).toBe(4);
        expect(t.sandbox.shopify.state.available(calm, location)).toBe(7);
        // Every unit sold is still off sale: 10 − one per attempt, nothing written over them.
        expect(t.sandbox.shopify.state.available(sku, location)).toBe(10 - attempts);
        const report = run.json().phases.products;
        expect(
          report.items.find((i: { key: string }) => i.key === calm || other.variants.some((v) => v.sku === i.key)),
        ).toMatchObject({ status: 'done' });
        expect(report.items).toContainEqual(
          expect.objectContaining({
            status: 'failed',
            error: expect.objectContaining({ message: expect.stringMatching(/kept changing on Shopify/) }),
          }),
        );
        expect(report.warnings).toContainEqual(expect.stringMatching(/kept changing on Shopify while we wrote them/));
      } finally {
        await proxy.close();
      }
    },
  );
});

describe('a rise between the plan and the write', () => {
  it('is not carried over: Sentos stays the source of truth for the units it has', async () => {
    const t = await startTestSandbox({
      seed: 4,
      products: 2,
      orders: 0,
      shopify: { locations: [{ name: 'Merkez Depo' }], bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } },
    });
    try {
      const sku = t.sandbox.sentos.state.products.find((p) => p.variants.length > 0)!.variants[0]!.sku;
      for (const w of t.sandbox.sentos.state.warehouses)
        t.sandbox.sentos.state.setVariantStock(sku, w.id, w.id === 1 ? 10 : 0);
      expect((await runCli(['sync', '--json'], t.env)).code).toBe(0);
      const location = t.sandbox.shopify.state.locations[0]!.id;
      t.sandbox.sentos.state.setVariantStock(sku, 1, 12);
      // Someone counts 15 in the Shopify admin just as the write goes out.
      const proxy = await proxyTo(
        t.sandbox.shopify.url,
        (n) => n === 1 && t.sandbox.shopify.state.setAvailable(sku, location, 15),
      );
      try {
        const run = await runCli(['sync', '--json'], { ...t.env, SHOPIFY_STORE: proxy.url });
        expect(run.code).toBe(0);
        expect(t.sandbox.shopify.state.available(sku, location)).toBe(12);
        const rows = run.json().phases.products.items.flatMap((i: { changes?: unknown[] }) => i.changes ?? []);
        expect(rows).toContainEqual({
          field: 'stock',
          sku,
          location,
          from: 10,
          sentos: 12,
          pending: 0,
          planned: 12,
          to: 12,
          soldDuringRun: 0,
        });
      } finally {
        await proxy.close();
      }
    } finally {
      await t.close();
    }
  });
});
