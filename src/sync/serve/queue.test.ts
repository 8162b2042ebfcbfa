import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { wakeFor } from './delivery.js';
import { parseDuration } from './duration.js';
import { WebhookQueue } from './queue.js';

const dirs: string[] = [];
function journal(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-queue-'));
  dirs.push(dir);
  return path.join(dir, 'serve-queue.jsonl');
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const order = { orderId: '1001', topic: 'orders/create', updatedAt: '2026-11-30T10:00:00+03:00' };

describe('WebhookQueue', () => {
  it('accepts a delivery once: replayed event ids, delivery ids and older updated_at wake nothing', () => {
    let now = 1_000;
    const queue = new WebhookQueue(journal(), () => now);
    expect(queue.offer({ ...order, eventId: 'e1', webhookId: 'w1' }).accepted).toBe(true);
    expect(queue.offer({ ...order, eventId: 'e1', webhookId: 'w2' })).toEqual({
      accepted: false,
      reason: 'duplicate-event',
    });
    expect(queue.offer({ ...order, eventId: 'e9', webhookId: 'w1' })).toEqual({
      accepted: false,
      reason: 'duplicate-delivery',
    });
    // orders/paid with the same updated_at as orders/create: the same state, one job.
    expect(queue.offer({ ...order, topic: 'orders/paid', eventId: 'e2' })).toEqual({
      accepted: false,
      reason: 'not-newer',
    });
    // Out of order: the older change arrives after the newer one (same instant written in UTC).
    now += 1;
    expect(queue.offer({ ...order, updatedAt: '2026-11-30T07:00:05Z', eventId: 'e3' }).accepted).toBe(true);
    expect(queue.offer({ ...order, updatedAt: '2026-11-30T07:00:01Z', eventId: 'e4' })).toEqual({
      accepted: false,
      reason: 'not-newer',
    });
    expect(queue.pending().map((job) => job.updatedAt)).toEqual([order.updatedAt, '2026-11-30T07:00:05Z']);
  });

  it('keeps pending jobs and seen ids across a restart (the journal is the queue)', () => {
    const file = journal();
    const first = new WebhookQueue(file, () => 5);
    const a = first.offer({ ...order, eventId: 'e1' });
    const b = first.offer({ ...order, orderId: '1002', eventId: 'e2' });
    if (!a.accepted || !b.accepted) throw new Error('expected both accepted');
    first.complete([a.job.id], 'pushed');
    const again = new WebhookQueue(file, () => 6);
    expect(again.pending().map((job) => job.orderId)).toEqual(['1002']);
    expect(again.offer({ ...order, eventId: 'e1' }).accepted).toBe(false);
    again.compact();
    const compacted = new WebhookQueue(file, () => 7);
    expect(compacted.pending().map((job) => job.id)).toEqual([b.job.id]);
    expect(compacted.offer({ ...order, eventId: 'e5' })).toEqual({ accepted: false, reason: 'not-newer' });
    expect(compacted.offer({ ...order, eventId: 'e1', updatedAt: '2027-01-01T00:00:00Z' })).toEqual({
      accepted: false,
      reason: 'duplicate-event',
    });
  });

  it('survives a torn last line (a crash mid-append)', () => {
    const file = journal();
    const queue = new WebhookQueue(file, () => 5);
    queue.offer({ ...order, eventId: 'e1' });
    fs.appendFileSync(file, '{"t":"accept","job":{"id":"x');
    expect(new WebhookQueue(file, () => 6).pending().map((job) => job.orderId)).toEqual(['1001']);
  });
});

describe('wakeFor', () => {
  const body = (value: unknown) => Buffer.from(JSON.stringify(value));
  it.each([
    ['orders/create', { id: 450789469, updated_at: 'T' }, { kind: 'order', orderId: '450789469', updatedAt: 'T' }],
    ['orders/paid', { admin_graphql_api_id: 'gid://shopify/Order/7' }, { kind: 'order', orderId: '7' }],
    ['orders/updated', { id: '12' }, { kind: 'order', orderId: '12' }],
    ['products/update', { id: 1 }, { kind: 'ignore' }],
    ['orders/create', { name: '#1001' }, { kind: 'ignore' }],
  ])('%s %j', (topic, payload, expected) => {
    expect(wakeFor(topic, body(payload))).toMatchObject(expected);
  });

  it('ignores a body that is not JSON', () => {
    expect(wakeFor('orders/create', Buffer.from('<xml/>'))).toMatchObject({ kind: 'ignore' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['15', '15 minutes', 'm', '1x'])('refuses %s', (text) =>
    expect(() => parseDuration(text)).toThrow(/duration/),
  );
});
