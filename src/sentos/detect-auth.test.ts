import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { AuthError } from '../core/errors.js';
import { SecretRegistry } from '../core/redact.js';
import { basicToken } from './auth.js';
import { createSentosClient } from './client.js';

/** nock 14 intercepts Node's global fetch, which HttpClient uses (docs/house-style.md#http). */
const HOST = 'https://firma.sentos.com.tr';
const KEY = 'test-key-0001';
const SECRET = 'test-secret-0002';

function client() {
  return createSentosClient({
    baseUrl: 'firma',
    apiKey: KEY,
    apiSecret: SECRET,
    secrets: new SecretRegistry(),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}

/** Which method a request used, read from its headers. */
function methodOf(headers: Record<string, unknown>): string {
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : '';
  if (authorization.startsWith('Basic ')) return 'basic';
  if (authorization.startsWith('Bearer ')) return 'bearer';
  if (authorization.startsWith('Token ')) return 'token';
  return headers['x-api-key'] ? 'headers' : 'none';
}

describe('detectAuth against a nock-scripted Sentos', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('ends on token after 401s for basic, headers and bearer, in that order, then uses it', async () => {
    const seen: string[] = [];
    const scope = nock(HOST)
      .get('/api/products')
      .query({ page: '1', size: '1' })
      .times(4)
      .reply(function () {
        const method = methodOf(this.req.headers);
        seen.push(method);
        return method === 'token'
          ? [200, { data: [], page: 1, size: 1, total_elements: 0, total_pages: 0 }]
          : [401, { message: 'Unauthorized' }];
      })
      .get('/api/warehouses')
      .reply(function () {
        seen.push(methodOf(this.req.headers));
        return [200, [{ id: 1, name: 'MERKEZ' }]];
      });
    const sentos = client();
    expect(sentos.authMethod).toBeUndefined();

    await expect(sentos.detectAuth()).resolves.toBe('token');
    expect(sentos.authMethod).toBe('token');
    expect(seen).toEqual(['basic', 'headers', 'bearer', 'token']);

    // The winner is remembered: the next call goes straight out with it.
    await expect(sentos.listWarehouses()).resolves.toEqual([{ id: '1', name: 'MERKEZ' }]);
    expect(seen).toEqual(['basic', 'headers', 'bearer', 'token', 'token']);
    scope.done();
  });

  it('detects lazily on the first call when authMethod is auto, and sends the exact header forms', async () => {
    const headers: Array<Record<string, unknown>> = [];
    const scope = nock(HOST)
      .get('/api/products')
      .query({ page: '1', size: '1' })
      .times(2)
      .reply(function () {
        headers.push({ ...this.req.headers });
        return methodOf(this.req.headers) === 'headers'
          ? [200, { data: [], total_pages: 0 }]
          : [403, { message: 'Forbidden' }];
      })
      .get('/api/sales-channels')
      .matchHeader('x-api-key', KEY)
      .matchHeader('x-api-secret', SECRET)
      .reply(200, [{ id: 3, name: 'Shopify CLI' }]);
    const sentos = client();

    await expect(sentos.listSalesChannels()).resolves.toEqual([{ id: '3', name: 'Shopify CLI' }]);
    expect(sentos.authMethod).toBe('headers');
    expect(headers[0]).toMatchObject({ authorization: `Basic ${basicToken(KEY, SECRET)}` });
    expect(headers[1]).toMatchObject({ 'x-api-key': KEY, 'x-api-secret': SECRET });
    scope.done();
  });

  it('fails with an AuthError naming the settings when every method is refused', async () => {
    const scope = nock(HOST)
      .get('/api/products')
      .query({ page: '1', size: '1' })
      .times(4)
      .reply(401, { message: `bad key ${KEY}` });
    const error = await client()
      .detectAuth()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      service: 'sentos',
      hint: expect.stringMatching(/SENTOS_API_KEY.*SENTOS_API_SECRET.*sentos-sync config set sentos\.apiKey/s),
    });
    expect(String((error as Error).message)).not.toContain(KEY);
    expect(scope.isDone()).toBe(true);
  });

  it('stops on a 404 and points at SENTOS_API_URL instead of blaming the credentials', async () => {
    const scope = nock(HOST)
      .get('/api/products')
      .query({ page: '1', size: '1' })
      .reply(404, { message: 'Firma adı (subdomain) bulunamadı' });
    const error = await client()
      .detectAuth()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, hint: expect.stringMatching(/SENTOS_API_URL/) });
    scope.done();
  });
});
