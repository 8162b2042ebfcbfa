/**
 * Looking new orders up in Sentos before their POST (docs/sentos-api.md#orders-request-budget). Per order, the
 * lookup is `GET /orders?order_id=…` and, when that finds nothing, `GET /orders?order_code=…` (a copy typed in by
 * hand, another channel's order with the same number): two GETs per new order. When a run has several new orders,
 * one listing of the Sentos orders created since the oldest of them answers both questions for all of them, as
 * long as it is no longer than the lookups it replaces; a longer one is abandoned for the per-order lookups.
 *
 * Why the listing is as good as the per-order lookups: a copy of a Shopify order, ours or typed in by hand, can
 * only be created in Sentos after the order exists in Shopify, so every copy of an order created (or processed)
 * at T is among the Sentos orders created since T. A day of margin covers a Sentos clock or time zone that is
 * off; whether `created_start_date` filters the record's creation or its `order_date` does not matter, both come
 * after T (docs/sentos-api.md#order-lists-and-filters). Another channel's order with the same number may be
 * older than that: the shared-number warning then does not name it, and ours is created all the same.
 */
import type { SentosClient } from '../../sentos/client.js';
import type { SentosOrder, SentosOrderPayload } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { toSentosDateTime } from '../orders/date.js';

/** How far before the oldest new order the listing starts. */
export const LISTING_MARGIN_MS = 86_400_000;

export interface OrderLookup {
  /** What Sentos holds for this order: its copies by order_id, else the orders with its order_code. */
  find(payload: SentosOrderPayload, order: ShopifyOrder): Promise<SentosOrder[]>;
}

/**
 * `newOrders`: the orders of this run that the ledger does not know (each will be looked up). The listing is read
 * at the first lookup, once, when there are at least two; it may take as many pages as there are new orders.
 */
export function createOrderLookup(sentos: SentosClient, newOrders: ShopifyOrder[]): OrderLookup {
  const since = listingStart(newOrders);
  let listing: Promise<SentosOrder[] | undefined> | undefined;
  const listed = (): Promise<SentosOrder[] | undefined> => {
    if (since === undefined || newOrders.length < 2) return Promise.resolve(undefined);
    listing ??= sentos
      .listOrdersCreatedSince(since.text, newOrders.length)
      .then((answer) => (answer.complete ? answer.orders : undefined));
    return listing;
  };
  return {
    async find(payload, order) {
      const covered = since !== undefined && startMs(order) - LISTING_MARGIN_MS >= since.ms;
      const orders = covered ? await listed() : undefined;
      if (orders) return matching(orders, payload);
      const byId = await sentos.findOrders({ orderId: payload.order_id });
      if (byId.length > 0) return byId;
      return sentos.findOrders({ orderCode: payload.order_code });
    },
  };
}

/** The same answer the two per-order GETs give: the copies by order_id, or failing those the order_code's. */
function matching(orders: SentosOrder[], payload: SentosOrderPayload): SentosOrder[] {
  const key = (value: string | undefined) => (value ?? '').trim();
  const byId = orders.filter((o) => key(o.orderId) === payload.order_id);
  return byId.length > 0 ? byId : orders.filter((o) => key(o.orderCode) === payload.order_code);
}

/** The earlier of created and processed (an imported order is processed before it is created). */
function startMs(order: ShopifyOrder): number {
  const times = [order.createdAt, order.processedAt].map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.min(...times) : Number.NaN;
}

function listingStart(orders: ShopifyOrder[]): { ms: number; text: string } | undefined {
  const starts = orders.map(startMs).filter((t) => !Number.isNaN(t));
  if (starts.length === 0) return undefined;
  const ms = Math.min(...starts) - LISTING_MARGIN_MS;
  const text = toSentosDateTime(new Date(ms).toISOString());
  return text ? { ms, text } : undefined;
}
