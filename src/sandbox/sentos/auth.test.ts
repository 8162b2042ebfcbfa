import { afterEach, describe, expect, it } from 'vitest';
import type { SentosSimAuth } from './options.js';
import { startSentosSimulator, type SentosSimulator } from './server.js';
import { call } from './sim-test-kit.js';

const KEY = 'anahtar-123';
const SECRET = 's3cr:et';
const b64 = (text: string) => Buffer.from(text).toString('base64');

const HEADERS: Record<SentosSimAuth, Record<string, string>> = {
  basic: { authorization: `Basic ${b64(`${KEY}:${SECRET}`)}` },
  headers: { 'x-api-key': KEY, 'x-api-secret': SECRET },
  bearer: { authorization: `Bearer ${b64(`${KEY}:${SECRET}`)}` },
  token: { authorization: `Token ${KEY}:${SECRET}` },
};
const METHODS = Object.keys(HEADERS) as SentosSimAuth[];

describe('simulator auth', () => {
  let sim: SentosSimulator | undefined;
  afterEach(async () => sim?.close());

  it.each(METHODS)('accepts only %s when it is configured', async (accepted) => {
    sim = await startSentosSimulator({ products: 3, acceptAuth: accepted, apiKey: KEY, apiSecret: SECRET });
    for (const method of METHODS) {
      const reply = await call(sim, 'GET', `/products?page=1&size=1&probe=${method}`, { headers: HEADERS[method] });
      if (method === accepted) expect(reply).toMatchObject({ status: 200, body: { page: 1, size: 1 } });
      else expect(reply).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    }
    expect(sim.stats().unauthorized).toBe(3);
  });

  it('rejects a wrong secret and a missing header', async () => {
    sim = await startSentosSimulator({ products: 1, apiKey: KEY, apiSecret: SECRET });
    const wrong = await call(sim, 'GET', '/warehouses', { headers: { authorization: `Basic ${b64(`${KEY}:nope`)}` } });
    const none = await call(sim, 'GET', '/warehouses', { headers: {} });
    expect([wrong.status, none.status]).toEqual([401, 401]);
    expect(none.body).toEqual({ message: 'Unauthorized' });
  });

  it('derives default credentials from the seed', async () => {
    sim = await startSentosSimulator({ products: 1, seed: 7 });
    const again = await startSentosSimulator({ products: 1, seed: 7 });
    const other = await startSentosSimulator({ products: 1, seed: 8 });
    expect([again.apiKey, again.apiSecret]).toEqual([sim.apiKey, sim.apiSecret]);
    expect(other.apiSecret).not.toBe(sim.apiSecret);
    expect(sim.apiKey).toMatch(/^sandbox-key-/);
    await Promise.all([again.close(), other.close()]);
  });

  it('answers 404 with the firm message outside /api, and serves stats without auth', async () => {
    sim = await startSentosSimulator({ products: 1 });
    const origin = sim.url.replace(/\/api$/, '');
    const firm = await fetch(`${origin}/products`, { headers: HEADERS.basic });
    expect(firm.status).toBe(404);
    expect(await firm.json()).toEqual({ message: 'Firma adı (subdomain) bulunamadı' });
    const stats = await fetch(`${origin}/__sandbox/stats`);
    expect(stats.status).toBe(200);
    expect(await stats.json()).toMatchObject({ requests: { total: 1 }, orders: 0 });
  });
});
