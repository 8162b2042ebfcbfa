import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SHOP = '{ shop { name } }';
const INVALID = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

async function grant(target: ShopifySimulator, body: string, contentType: string) {
  const response = await fetch(`${target.url}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('auth', () => {
  it("rejects a wrong or missing token with 401 and Shopify's body", async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const wrong = await gql(sim, SHOP, {}, { token: 'shpat_nope' });
    expect(wrong).toMatchObject({ status: 401, body: INVALID });
    const missing = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      body: JSON.stringify({ query: SHOP }),
    });
    expect(missing.status).toBe(401);
    expect(sim.stats().requests.queries).toBe(0);
  });

  it('derives deterministic credentials from the seed', async () => {
    sim = await startShopifySimulator({ orders: 0, seed: 7 });
    const again = await startShopifySimulator({ orders: 0, seed: 7 });
    try {
      expect([again.accessToken, again.clientId, again.clientSecret]).toEqual([
        sim.accessToken,
        sim.clientId,
        sim.clientSecret,
      ]);
      expect(sim.accessToken).toMatch(/^shpat_[0-9a-f]{32}$/);
    } finally {
      await again.close();
    }
  });

  it.each([
    [
      'form-encoded',
      'application/x-www-form-urlencoded',
      (id: string, secret: string) =>
        new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }).toString(),
    ],
    [
      'JSON',
      'application/json',
      (id: string, secret: string) =>
        JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
    ],
  ])('issues a client-credentials token from a %s body, valid until it expires', async (_label, contentType, body) => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    sim = await startShopifySimulator({ orders: 0, clock: () => now, tokenTtlSeconds: 60 });
    const issued = await grant(sim, body(sim.clientId, sim.clientSecret), contentType);
    expect(issued).toMatchObject({
      status: 200,
      body: {
        access_token: expect.stringMatching(/^shpat_/),
        scope: expect.stringContaining('write_inventory'),
        expires_in: 60,
      },
    });
    const token = issued.body.access_token as string;
    expect((await gql(sim, SHOP, {}, { token })).body.data.shop.name).toBe('Sandbox Mağaza');
    now += 61_000;
    expect((await gql(sim, SHOP, {}, { token })).status).toBe(401);
  });

  it.each([
    ['a wrong secret', { grant_type: 'client_credentials', client_secret: 'shpss_wrong' }, 401, 'invalid_client'],
    ['another grant type', { grant_type: 'authorization_code', client_secret: 'x' }, 400, 'unsupported_grant_type'],
    ['no secret', { grant_type: 'client_credentials' }, 400, 'invalid_request'],
  ])('refuses %s', async (_label, fields, status, error) => {
    sim = await startShopifySimulator({ orders: 0 });
    const body = new URLSearchParams({ client_id: sim.clientId, ...fields }).toString();
    expect(await grant(sim, body, 'application/x-www-form-urlencoded')).toMatchObject({ status, body: { error } });
  });
});
