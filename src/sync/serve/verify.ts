import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verifies one HTTPS webhook delivery the way Shopify signs it (docs/shopify-api.md#webhooks): the
 * `X-Shopify-Hmac-Sha256` header is the base64 HMAC-SHA256 of the RAW body keyed with the app's client secret
 * (or the signing key of a webhook made in the shop admin). Checked before anything is parsed, compared in
 * constant time, then the shop domain. Pure: headers, bytes and secrets in, a verdict out.
 */
export interface WebhookHeaders {
  [name: string]: string | string[] | undefined;
}

export interface VerifiedDelivery {
  topic: string;
  shopDomain: string;
  apiVersion?: string;
  /** X-Shopify-Webhook-Id: one per delivery of one subscription (the newer docs' dedupe key). */
  webhookId?: string;
  /** X-Shopify-Event-Id: the same on every copy of one event (the older docs' dedupe key). */
  eventId?: string;
  /** X-Shopify-Triggered-At: when the event happened; a retry carries the original time. */
  triggeredAt?: string;
  subscriptionName?: string;
}

export type Verdict =
  | { ok: true; delivery: VerifiedDelivery }
  | { ok: false; status: 401 | 400; reason: 'missing-signature' | 'bad-signature' | 'wrong-shop' | 'missing-topic' };

export interface VerifyInput {
  headers: WebhookHeaders;
  rawBody: Buffer;
  /** Every secret that may sign (client secret and/or static webhook secret); during a rotation both. */
  secrets: readonly string[];
  /** The shop's myshopify domain; deliveries for another shop are refused. */
  shopDomain: string;
}

export function verifyWebhook(input: VerifyInput): Verdict {
  const header = headerOf(input.headers, 'x-shopify-hmac-sha256');
  if (!header) return { ok: false, status: 401, reason: 'missing-signature' };
  if (!input.secrets.some((secret) => signatureMatches(header, input.rawBody, secret)))
    return { ok: false, status: 401, reason: 'bad-signature' };
  const shopDomain = headerOf(input.headers, 'x-shopify-shop-domain') ?? '';
  // Domains are ASCII host names: a plain lower-case compare is right here (not the Turkish-locale trap).
  if (shopDomain.toLowerCase() !== input.shopDomain.toLowerCase())
    return { ok: false, status: 401, reason: 'wrong-shop' };
  const topic = headerOf(input.headers, 'x-shopify-topic');
  if (!topic) return { ok: false, status: 400, reason: 'missing-topic' };
  return {
    ok: true,
    delivery: {
      topic,
      shopDomain,
      apiVersion: headerOf(input.headers, 'x-shopify-api-version'),
      webhookId: headerOf(input.headers, 'x-shopify-webhook-id'),
      eventId: headerOf(input.headers, 'x-shopify-event-id'),
      triggeredAt: headerOf(input.headers, 'x-shopify-triggered-at'),
      subscriptionName: headerOf(input.headers, 'x-shopify-name'),
    },
  };
}

/** The base64 signature of a body: what Shopify (and the sandbox) put in X-Shopify-Hmac-Sha256. */
export function signWebhookBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

function signatureMatches(header: string, rawBody: Buffer, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.trim(), 'base64');
  // timingSafeEqual throws on unequal lengths; the length of a SHA-256 digest is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Header names are case-insensitive (HTTP/2 lower-cases them); node lower-cases them already. */
function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  const direct =
    headers[name] ?? Object.entries(headers).find(([key, value]) => key.toLowerCase() === name && value)?.[1];
  const value = Array.isArray(direct) ? direct[0] : direct;
  return value === undefined || value === '' ? undefined : value;
}
