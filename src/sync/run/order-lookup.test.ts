import { describe, expect, it } from 'vitest';
import { aShopifyOrder } from '../../../test/builders/shopify-order.js';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosOrder, SentosOrderPayload, SentosOrderQuery } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { createOrderLookup } from './order-lookup.js';

/** A Sentos client that answers lookups from `stored` and records every request. */
function fakeSentos(stored: SentosOrder[], options: { complete?: boolean } = {}) {
  const calls: string[] = [];
  const client = {
    findOrders: (query: SentosOrderQuery) => {
      calls.push(query.orderId !== undefined ? `order_id=${query.orderId}` : `order_code=${query.orderCode}`);
      return Promise.resolve(
        stored.filter((o) =>
          query.orderId !== undefined ? o.orderId === query.orderId : o.orderCode === query.orderCode,
        ),
      );
    },
    listOrdersCreatedSince: (start: string, maxPages: number) => {
      calls.push(`created_start_date=${start} pages<=${maxPages}`);
      return Promise.resolve({ orders: stored, complete: options.complete ?? true });
    },
  } as unknown as SentosClient;
  return { client, calls };
}

const order = (legacyId: string, name: string, createdAt: string): ShopifyOrder =>
  aShopifyOrder({ legacyId, name, createdAt, processedAt: createdAt });
const payload = (o: ShopifyOrder) => ({ order_id: o.legacyId, order_code: o.name.slice(1) }) as SentosOrderPayload;
const sentosOrder = (id: string, orderId: string, orderCode: string): SentosOrder => ({
  id,
  orderId,
  orderCode,
  status: 2,
  lines: [],
});

const a = order('501', '#1001', '2026-11-30T09:00:00Z');
const b = order('502', '#1002', '2026-11-30T21:30:00Z');
const c = order('503', '#1003', '2026-12-01T08:00:00Z');
const stored = [sentosOrder('1', '501', '1001'), sentosOrder('2', '', '1002'), sentosOrder('3', 'TY-1003', '1003')];

describe('order lookup: one listing for a run of new orders', () => {
  it('reads one listing from a day before the oldest (Turkey time) and answers every order from it', async () => {
    const { client, calls } = fakeSentos(stored);
    const lookup = createOrderLookup(client, [a, b, c]);
    // By order_id; by order_code for a copy typed in by hand (no order_id); another channel's order by its code.
    expect(await lookup.find(payload(a), a)).toEqual([stored[0]]);
    expect(await lookup.find(payload(b), b)).toEqual([stored[1]]);
    expect(await lookup.find(payload(c), c)).toEqual([stored[2]]);
    expect(calls).toEqual(['created_start_date=2026-11-29 12:00:00 pages<=3']);
  });

  it('falls back to the per-order GETs when the listing is longer than the lookups it replaces', async () => {
    const { client, calls } = fakeSentos(stored, { complete: false });
    const lookup = createOrderLookup(client, [a, b]);
    expect(await lookup.find(payload(a), a)).toEqual([stored[0]]);
    expect(await lookup.find(payload(b), b)).toEqual([stored[1]]);
    expect(calls).toEqual([
      'created_start_date=2026-11-29 12:00:00 pages<=2',
      'order_id=501',
      'order_id=502',
      'order_code=1002',
    ]);
  });

  it('looks a single new order up by order_id, then order_code: no listing', async () => {
    const { client, calls } = fakeSentos(stored);
    const lookup = createOrderLookup(client, [c]);
    expect(await lookup.find(payload(c), c)).toEqual([stored[2]]);
    expect(calls).toEqual(['order_id=503', 'order_code=1003']);
  });

  it('looks an order older than the listing up by itself (a changed order the ledger knows)', async () => {
    const { client, calls } = fakeSentos(stored);
    const lookup = createOrderLookup(client, [b, c]);
    expect(await lookup.find(payload(a), a)).toEqual([stored[0]]);
    expect(calls).toEqual(['order_id=501']);
  });
});
