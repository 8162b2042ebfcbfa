import type { Clock } from '../../core/clock.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { holdAtEveryLocation, ledgerHoldIds, sentRecords, type PendingBySku } from '../orders/hold.js';
import { holdByLineLocation } from '../orders/fulfil-locations.js';
import { pendingQuantities } from '../orders/index.js';
import type { OrderLedger } from '../state/order-ledger.js';
import { readOrdersByIds } from './order-window.js';
import type { OrdersRunResult } from './orders.js';

/**
 * Units sold on Shopify that Sentos's stock as read does not include, as a reader the products phase calls
 * AFTER it has read Shopify's levels. Every products run holds back the orders the ledger knows Sentos has not
 * received (failed pushes, orders waiting in a status that takes no stock): `products` alone as much as `sync`.
 *
 * `sync` adds the orders window (`windowStart`): it re-reads the orders after the levels, which closes the gap
 * between its orders phase and the level read. A sale placed there is in the levels but would be in no order
 * list, and `available := Sentos − pending` would put it back on sale. A sale placed after the level read is
 * caught by compare-and-set at the write (and, if it is also in this read, held back twice for one run: the
 * safe side). The window is the whole one (not the orders phase's selection, which --order/--status/--limit
 * narrow).
 */
export interface PendingHoldInput {
  shopify: ShopifyClient;
  ledger: OrderLedger;
  clock: Clock;
  includeTestOrders: boolean;
  /** When the Sentos stock this run compares with was read. */
  sentosReadAtMs: number;
  /** `sync` only: where the orders window starts (the checkpoint as it was before this run's orders phase). */
  windowStart?: string;
  /** `sync` only: what its orders phase read and pushed. */
  ordersRun?: OrdersRunResult;
  /** Where each line ships (line-locations.ts): its units are held there instead of at every location. */
  lineLocations?: (orders: ShopifyOrder[]) => Promise<Map<string, Map<string, string>>>;
}

/** Orders updated this long after the read began are past what the levels saw (and clocks may differ). */
const CHASE_MARGIN_MS = 60_000;

export function pendingHoldReader(input: PendingHoldInput): () => Promise<PendingBySku> {
  return async () => {
    const orders = await readHeldOrders(input);
    const pushed = pushedThisRun(input.ordersRun, orders);
    const sent = sentRecords(input.ledger.all(), pushed, input.sentosReadAtMs);
    const options = { includeTestOrders: input.includeTestOrders };
    if (!input.lineLocations)
      return holdAtEveryLocation(pendingQuantities([...orders.values()], sent, input.sentosReadAtMs, options));
    // The orders whose units count, one by one, so each line is held where it ships.
    const counted = [...orders.values()].filter(
      (order) => pendingQuantities([order], sent, input.sentosReadAtMs, options).size > 0,
    );
    return holdByLineLocation(counted, await input.lineLocations(counted));
  };
}

/** The orders phase's list, the window read again now, and the ledger's failed or waiting orders; newest wins. */
async function readHeldOrders(input: PendingHoldInput): Promise<Map<string, ShopifyOrder>> {
  const orders = new Map<string, ShopifyOrder>();
  const add = (order: ShopifyOrder) => {
    const known = orders.get(order.id);
    if (!known || known.updatedAt <= order.updatedAt) orders.set(order.id, order);
  };
  input.ordersRun?.orders.forEach(add);
  if (input.windowStart !== undefined) await readWindow(input, input.windowStart, add);
  const seen = new Set([...orders.values()].map((o) => o.legacyId));
  await readOrdersByIds(input.shopify, ledgerHoldIds(input.ledger.all(), input.ledger.pendingFailures(), seen), add);
  return orders;
}

/**
 * The window, oldest change first. On a busy store new orders keep arriving at the end of the list; a sale made
 * after the levels were read is the compare-and-set's job, so the read stops instead of chasing them forever.
 */
async function readWindow(input: PendingHoldInput, start: string, add: (order: ShopifyOrder) => void): Promise<void> {
  const stopAtMs = input.clock.now() + CHASE_MARGIN_MS;
  for await (const page of input.shopify.listOrders({ updatedAfter: start })) {
    page.forEach(add);
    if (page.some((order) => Date.parse(order.updatedAt) > stopAtMs)) return;
  }
}

/** Legacy ids of the orders this run's orders phase pushed (report items are keyed by order name). */
function pushedThisRun(ordersRun: OrdersRunResult | undefined, orders: Map<string, ShopifyOrder>): Set<string> {
  const byName = new Map([...orders.values()].map((o) => [o.name, o.legacyId]));
  const ids = (ordersRun?.items ?? []).filter((i) => i.status === 'done').map((i) => byName.get(i.key));
  return new Set(ids.filter((id): id is string => id !== undefined));
}
