import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhook, type WebhookHeaders } from './verify.js';

const SECRET = 'shpss_0123456789abcdef';
const SHOP = 'sandbox-magaza.myshopify.com';
const body = Buffer.from('{"id":820982911946154500,"updated_at":"2026-11-30T10:00:00+03:00"}');

function headers(overrides: WebhookHeaders = {}): WebhookHeaders {
  return {
    'x-shopify-hmac-sha256': signWebhookBody(body, SECRET),
    'x-shopify-shop-domain': SHOP,
    'x-shopify-topic': 'orders/create',
    'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
    'x-shopify-triggered-at': '2026-11-30T07:00:00.000Z',
    'x-shopify-api-version': '2026-10',
    ...overrides,
  };
}

describe('verifyWebhook', () => {
  const cases: Array<{ name: string; headers: WebhookHeaders; raw?: Buffer; secrets?: string[]; verdict: unknown }> = [
    { name: 'a good signature', headers: headers(), verdict: { ok: true } },
    {
      name: 'the header in another case (HTTP/2 lower-cases, proxies may not)',
      headers: {
        ...headers({ 'x-shopify-hmac-sha256': undefined }),
        'X-Shopify-Hmac-SHA256': signWebhookBody(body, SECRET),
      },
      verdict: { ok: true },
    },
    {
      name: 'a second secret during a rotation',
      headers: headers(),
      secrets: ['old-secret', SECRET],
      verdict: { ok: true },
    },
    {
      name: 'a missing signature',
      headers: headers({ 'x-shopify-hmac-sha256': undefined }),
      verdict: { ok: false, status: 401, reason: 'missing-signature' },
    },
    {
      name: 'a signature made with another secret',
      headers: headers({ 'x-shopify-hmac-sha256': signWebhookBody(body, 'forged') }),
      verdict: { ok: false, status: 401, reason: 'bad-signature' },
    },
    {
      name: 'a body changed after signing',
      headers: headers(),
      raw: Buffer.from(body.toString().replace('10:00', '11:00')),
      verdict: { ok: false, status: 401, reason: 'bad-signature' },
    },
    {
      name: 'a hex digest instead of base64',
      headers: headers({
        'x-shopify-hmac-sha256': Buffer.from(signWebhookBody(body, SECRET), 'base64').toString('hex'),
      }),
      verdict: { ok: false, status: 401, reason: 'bad-signature' },
    },
    {
      name: 'a truncated signature',
      headers: headers({ 'x-shopify-hmac-sha256': signWebhookBody(body, SECRET).slice(0, 20) }),
      verdict: { ok: false, status: 401, reason: 'bad-signature' },
    },
    {
      name: 'a good signature for another shop',
      headers: headers({ 'x-shopify-shop-domain': 'other.myshopify.com' }),
      verdict: { ok: false, status: 401, reason: 'wrong-shop' },
    },
    {
      name: 'no secret configured',
      headers: headers(),
      secrets: [],
      verdict: { ok: false, status: 401, reason: 'bad-signature' },
    },
    {
      name: 'no topic',
      headers: headers({ 'x-shopify-topic': undefined }),
      verdict: { ok: false, status: 400, reason: 'missing-topic' },
    },
  ];

  it.each(cases)('$name', ({ headers: given, raw, secrets, verdict }) => {
    const result = verifyWebhook({
      headers: given,
      rawBody: raw ?? body,
      secrets: secrets ?? [SECRET],
      shopDomain: SHOP,
    });
    expect(result).toMatchObject(verdict as object);
  });

  it('hands back the delivery headers the queue dedupes on', () => {
    const result = verifyWebhook({
      headers: headers(),
      rawBody: body,
      secrets: [SECRET],
      shopDomain: SHOP.toUpperCase(),
    });
    expect(result).toEqual({
      ok: true,
      delivery: {
        topic: 'orders/create',
        shopDomain: SHOP,
        apiVersion: '2026-10',
        webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
        triggeredAt: '2026-11-30T07:00:00.000Z',
        subscriptionName: undefined,
      },
    });
  });
});
