import { describe, expect, it } from 'vitest';
import type { AttemptOutcome, HttpRequest } from '../core/http/client.js';
import { fakeClock } from '../../test/helpers/fake-clock.js';
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
  (): Promise<AttemptOutcome> =>
    Promise.resolve({
      kind: 'response',
      response: { status, headers: new Headers(headers), body: undefined, requestId: undefined, durationMs: 1 },
    });

const post: HttpRequest = { method: 'POST', path: '/orders', kind: 'write', operation: 'createOrder' };

describe('sameGetKey ("the same GET", docs/sentos-api.md#rate-limits)', () => {
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
    const clock = fakeClock(0);
    const scheduler = createSentosScheduler({ clock, limits: { sameGetPerWindow: 1, windowMs: 5_000 } });
    for (let i = 0; i < 3; i += 1) await scheduler.schedule(get('/warehouses'), answered(401));
    await scheduler.schedule(get('/warehouses'), answered(200));
    expect(clock.sleeps).toEqual([]);
  });

  it('announces a noticeable wait with its reason, and only then', async () => {
    const waits: SentosWait[] = [];
    const clock = fakeClock(0);
    const scheduler = createSentosScheduler({
      clock,
      limits: { postsPerWindow: 1, windowMs: 120, noticeWaitMs: 60 },
      onWait: (w) => waits.push(w),
    });
    await Promise.all([scheduler.schedule(post, answered(200)), scheduler.schedule(post, answered(200))]);
    expect(clock.sleeps).toEqual([120]);
    expect(waits).toEqual([
      {
        limit: 'writes',
        operation: 'createOrder',
        reason: "Sentos's 1 POST/120ms limit",
        waitMs: 120,
      },
    ]);
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

describe('the window runs on the injected clock', () => {
  it(
    'holds each slot a window after its answer in clock time: the 3rd of 2 POST/min starts a ' + 'minute later',
    async () => {
      const clock = fakeClock(0);
      const scheduler = createSentosScheduler({ clock, limits: { postsPerWindow: 2, windowMs: 60_000 } });
      const startedAt: number[] = [];
      const stamped = () => {
        startedAt.push(clock.now());
        return answered(200)();
      };
      // Two answered at clock 0, then three more at once: two wait for the first window, one for the second.
      await Promise.all([1, 2].map(() => scheduler.schedule(post, stamped)));
      await Promise.all([3, 4, 5].map(() => scheduler.schedule(post, stamped)));
      expect(startedAt).toEqual([0, 0, 60_000, 60_000, 120_000]);
    },
  );

  it('waits out the window after a 429 without Retry-After, and not after one with it', async () => {
    const clock = fakeClock(0);
    const scheduler = createSentosScheduler({ clock, limits: { postsPerWindow: 10, windowMs: 60_000 } });
    await scheduler.schedule(post, answered(429, { 'retry-after': '3' }));
    await scheduler.schedule(post, answered(200));
    expect(clock.now()).toBe(0);
    await scheduler.schedule(post, answered(429));
    await scheduler.schedule(post, answered(200));
    expect(clock.now()).toBe(60_000);
  });

  it("frees a refused auth probe's slot at once, in clock time too", async () => {
    const clock = fakeClock(0);
    const scheduler = createSentosScheduler({ clock, limits: { sameGetPerWindow: 1, windowMs: 60_000 } });
    await Promise.all([1, 2, 3].map(() => scheduler.schedule(get('/warehouses'), answered(401))));
    await scheduler.schedule(get('/warehouses'), answered(200));
    expect(clock.now()).toBe(0);
    await scheduler.schedule(get('/warehouses'), answered(200));
    expect(clock.now()).toBe(60_000);
  });
});
