import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../core/http/client.js';
import { createSentosScheduler, DEFAULT_SENTOS_LIMITS, describeLimit, sameGetKey, type SentosWait } from './limits.js';

const get = (path: string, query?: HttpRequest['query']): HttpRequest => ({
  method: 'GET',
  path,
  query,
  kind: 'read',
  operation: 'op',
});
/** What HttpClient hands the limiter for an attempt that got an answer. */
const answered =
  (status: number, headers: Record<string, string> = {}) =>
  async () => ({ kind: 'response', response: { status, headers: new Headers(headers) } });

describe('sameGetKey ("the same GET", sentos-api.md §5)', () => {
  it.each([
    [get('/products', { page: 1, size: 100 }), 'GET /products?page=1&size=100'],
    [get('/products', { size: 100, page: 1 }), 'GET /products?page=1&size=100'],
    [get('/products', { page: 1, sku: undefined }), 'GET /products?page=1'],
    [get('/orders', { order_id: 'a b' }), 'GET /orders?order_id=a%20b'],
    [get('/warehouses'), 'GET /warehouses'],
  ])('%j → %s', (request, key) => {
    expect(sameGetKey(request)).toBe(key);
  });
});

describe('createSentosScheduler', () => {
  it('frees the slot of a request refused with 401/403 at once (auth probes do not wait)', async () => {
    const scheduler = createSentosScheduler({ limits: { sameGetPerWindow: 1, windowMs: 5_000 } });
    const started = Date.now();
    for (let i = 0; i < 3; i += 1) await scheduler.schedule(get('/warehouses'), answered(401));
    await scheduler.schedule(get('/warehouses'), answered(200));
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('announces a noticeable wait with its reason, and only then', async () => {
    const waits: SentosWait[] = [];
    const scheduler = createSentosScheduler({
      limits: { postsPerWindow: 1, windowMs: 120, noticeWaitMs: 60 },
      onWait: (w) => waits.push(w),
    });
    const post: HttpRequest = { method: 'POST', path: '/orders', kind: 'write', operation: 'createOrder' };
    const started = Date.now();
    await Promise.all([scheduler.schedule(post, answered(200)), scheduler.schedule(post, answered(200))]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(waits).toEqual([
      { limit: 'writes', operation: 'createOrder', reason: "Sentos's 1 POST/120ms limit", waitMs: expect.any(Number) },
    ]);
    expect(waits[0]?.waitMs).toBeGreaterThanOrEqual(100);
  });

  it.each([
    ['writes', 60_000, "Sentos's 12 POST/min limit"],
    ['writes', 300, "Sentos's 12 POST/300ms limit"],
    ['same-get', 60_000, "Sentos's limit of 2 identical GETs/min (GET /products?page=3)"],
    ['rate-limited', 60_000, 'Sentos answered 429 without Retry-After; waiting out its 1-minute window'],
  ] as const)('describeLimit(%s, %i)', (kind, windowMs, text) => {
    expect(describeLimit(kind, { ...DEFAULT_SENTOS_LIMITS, windowMs }, 'GET /products?page=3')).toBe(text);
  });
});
