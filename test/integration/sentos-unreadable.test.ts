import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteError } from '../../src/core/errors.js';
import { SecretRegistry } from '../../src/core/redact.js';
import { createSentosClient } from '../../src/sentos/client.js';
import { readSentosSnapshot } from '../../src/sync/run/sentos-snapshot.js';
import { sendJson, startHttpServer, type TestServer } from '../helpers/http-server.js';

/**
 * Unreadable data is said as such: a catalog where no product parses, or an envelope of another shape, is a
 * clear remote error naming what came, never "the Sentos read returned no products".
 */
let server: TestServer;
beforeEach(async () => {
  server = await startHttpServer();
});
afterEach(async () => {
  await server.close();
});

function snapshot() {
  const sentos = createSentosClient({
    baseUrl: `${server.url}/api`,
    apiKey: 'k',
    apiSecret: 's',
    authMethod: 'basic',
    secrets: new SecretRegistry(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    limits: { windowMs: 400, noticeWaitMs: 20 },
  });
  return readSentosSnapshot(sentos, Date.now, () => {});
}

function serve(products: (page: number) => unknown): void {
  server.setHandler((req, res) => {
    if (req.path.endsWith('/warehouses')) return sendJson(res, 200, [{ id: 1, name: 'Merkez' }]);
    if (req.path.endsWith('/categories')) return sendJson(res, 200, []);
    return sendJson(res, 200, products(Number(req.query.page)));
  });
}

describe('Sentos data sentos-sync cannot read', () => {
  it('400 products, none readable: says so with the first reasons', async () => {
    serve((page) => ({
      data: Array.from({ length: 100 }, (_, i) => ({
        id: page * 1000 + i,
        sku: null,
        name: `Ürün ${i}`,
      })),
      page,
      size: 100,
      total_elements: 400,
      total_pages: 4,
    }));
    const error = await snapshot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).message).toMatch(
      /^Sentos sent 400 products, none readable: sku: product has no SKU and no variants \(e\.g\. 1000\)/,
    );
    expect((error as RemoteError).message).not.toMatch(/returned no products/);
  });

  it('an envelope of another shape names what came instead of the list', async () => {
    serve(() => ({ products: [{ id: 1, sku: 'A' }], total: 1 }));
    const error = await snapshot().catch((e: unknown) => e);
    expect((error as RemoteError).message).toMatch(
      /expected a list under "data" \(or a bare array\), got an object with keys products, total/,
    );
  });
});
