/**
 * Fulfilment orders (docs/shopify-api.md#fulfilment-orders): Shopify splits an order into one fulfilment order per
 * location that is to ship some of its lines, and a fulfilment is created against them. Here they are built when
 * first read: lines grouped by the line's location, else the order's (the one whose stock checkout committed), else
 * the shop's first location. A fulfilment order's status follows its lines: CANCELLED with the order, CLOSED when
 * nothing remains to ship, OPEN otherwise.
 */
import { currentQuantity } from '../resolvers/order-money.js';
import { activeLevelAt } from './inventory-ops.js';
import type { ShopifyStore } from './store.js';
import type { FulfillmentOrderLineRecord, FulfillmentOrderRecord, OrderRecord } from './types.js';

export type FulfillmentOrderStatus = 'OPEN' | 'CLOSED' | 'CANCELLED';

export function fulfillmentOrdersOf(store: ShopifyStore, order: OrderRecord): FulfillmentOrderRecord[] {
  if (order.fulfillmentOrders) return order.fulfillmentOrders;
  // A whole-order fulfilment from before (seed, fulfillOrder) shipped every line.
  const shippedAll = order.fulfillments.some((f) => !f.lines);
  const byLocation = new Map<string, FulfillmentOrderLineRecord[]>();
  order.lines.forEach((line, lineIndex) => {
    if (line.quantity <= 0) return;
    const locationId = line.locationId ?? order.locationId ?? store.locations[0]?.id ?? '';
    const lines = byLocation.get(locationId) ?? [];
    const fulfilled = shippedAll ? line.quantity : fulfilledOf(order, lineIndex);
    lines.push({ id: store.newId('FulfillmentOrderLineItem').id, lineIndex, totalQuantity: line.quantity, fulfilled });
    byLocation.set(locationId, lines);
  });
  order.fulfillmentOrders = [...byLocation].map(([locationId, lines]) => ({
    __typename: 'FulfillmentOrder',
    ...store.newId('FulfillmentOrder'),
    orderId: order.id,
    locationId,
    lines,
    createdAt: order.createdAt,
    updatedAt: order.createdAt,
  }));
  return order.fulfillmentOrders;
}

function fulfilledOf(order: OrderRecord, lineIndex: number): number {
  return order.fulfillments.reduce(
    (sum, f) => sum + (f.lines ?? []).filter((l) => l.lineIndex === lineIndex).reduce((s, l) => s + l.quantity, 0),
    0,
  );
}

/** Units of the line still to ship: refunds and removals lower what is left (currentQuantity). */
export function remainingOf(order: OrderRecord, line: FulfillmentOrderLineRecord): number {
  return Math.max(0, Math.min(line.totalQuantity, currentQuantity(order, line.lineIndex)) - line.fulfilled);
}

export function fulfillmentOrderStatus(order: OrderRecord, fo: FulfillmentOrderRecord): FulfillmentOrderStatus {
  if (order.cancelledAt) return 'CANCELLED';
  return fo.lines.some((line) => remainingOf(order, line) > 0) ? 'OPEN' : 'CLOSED';
}

/** Order-level status from what was shipped per line (Order.displayFulfillmentStatus). */
export function displayFulfillmentStatusOf(order: OrderRecord): 'FULFILLED' | 'PARTIALLY_FULFILLED' | 'UNFULFILLED' {
  if (order.fulfillments.length === 0) return 'UNFULFILLED';
  if (order.fulfillments.some((f) => !f.lines)) return 'FULFILLED';
  const open = order.lines.some((_line, index) => currentQuantity(order, index) > fulfilledOf(order, index));
  return open ? 'PARTIALLY_FULFILLED' : 'FULFILLED';
}

/** Units of one order line not yet shipped (LineItem.unfulfilledQuantity). */
export function unfulfilledQuantityOf(order: OrderRecord, lineIndex: number): number {
  if (order.fulfillments.some((f) => !f.lines)) return 0;
  return Math.max(0, currentQuantity(order, lineIndex) - fulfilledOf(order, lineIndex));
}

/** Shipping takes the units out of the building: committed stock at the fulfilment order's location drops. */
export function shipFromLocation(
  store: ShopifyStore,
  order: OrderRecord,
  locationId: string,
  lineIndex: number,
  quantity: number,
): void {
  const line = order.lines[lineIndex];
  const variant = line?.variantId ? store.variantById(line.variantId) : undefined;
  const item = variant ? store.inventoryItems.get(variant.inventoryItemId) : undefined;
  const level = item?.tracked ? activeLevelAt(item, locationId) : undefined;
  if (!level || order.locationId === undefined) return;
  level.quantities.committed -= quantity;
  level.updatedAt = store.now();
}

/** The state helper fulfilOrder shipped everything: close the fulfilment orders already built. */
export function closeAllFulfillmentOrders(order: OrderRecord): void {
  for (const fo of order.fulfillmentOrders ?? []) for (const line of fo.lines) line.fulfilled = line.totalQuantity;
}
