import {
  generateShopifyOrders,
  orderTotalMinor,
  shippingFor,
  type SeedFinancialStatus,
  type SeedOrder,
} from '../../seed/orders.js';
import { moneyToMinor } from '../decimal.js';
import { closeAllFulfillmentOrders } from './fulfillment-orders.js';
import { activate, activeLevelAt } from './inventory-ops.js';
import type { ShopifyStore } from './store.js';
import type { CustomerRecord, OrderLineRecord, OrderRecord } from './types.js';

export interface PlaceOrderInput {
  /** `locationId` (gid or name): this line ships from another location than the order's (a split order). */
  lines: Array<{ sku: string; quantity: number; locationId?: string }>;
  /** Location gid or name; default: the first location where the first line's item is stocked. */
  locationId?: string;
  financialStatus?: SeedFinancialStatus;
  gateway?: string;
  /** KDV applied to every line (default 0.2). */
  vatRate?: number;
}

export interface Tracking {
  trackingCompany: string;
  trackingNumber: string;
  trackingUrl: string;
}

/** Store a seeded order, giving it and its parts ids. */
export function addOrder(
  store: ShopifyStore,
  seed: SeedOrder,
  extra: { locationId?: string; variantIds?: string[] } = {},
): OrderRecord {
  const { id, legacyId } = store.newId('Order');
  const lines: OrderLineRecord[] = seed.lines.map((line, index) => ({
    ...line,
    id: store.newId('LineItem').id,
    variantId: extra.variantIds?.[index],
  }));
  const order: OrderRecord = {
    ...seed,
    __typename: 'Order',
    id,
    legacyId,
    name: `#${seed.number}`,
    lines,
    customer: customerFor(store, seed),
    billingAddress: { ...seed.billingAddress, id: store.newId('MailingAddress', 'model_name=Address').id },
    shippingAddress: { ...seed.shippingAddress, id: store.newId('MailingAddress', 'model_name=Address').id },
    shippingLines: seed.shippingLines.map((line) => ({ ...line, id: store.newId('ShippingLine').id })),
    fulfillments: seed.fulfillments.map((fulfillment) => ({ ...fulfillment, ...store.newId('Fulfillment') })),
    refunds: seed.refunds.map((refund) => ({ ...refund, ...store.newId('Refund') })),
    locationId: extra.locationId,
  };
  store.orders.push(order);
  return order;
}

/** Customers are shared between orders with the same e-mail, as in a real shop. */
function customerFor(store: ShopifyStore, seed: SeedOrder): CustomerRecord {
  const existing = [...store.customers.values()].find((customer) => customer.email === seed.customer.email);
  if (existing) return existing;
  const customer: CustomerRecord = { __typename: 'Customer', ...store.newId('Customer'), ...seed.customer };
  store.customers.set(customer.id, customer);
  return customer;
}

/**
 * Checkout: an order dated now that takes stock at one location (available −q, committed +q), for tracked
 * items only — Shopify leaves untracked items' quantities alone.
 */
export function placeOrder(store: ShopifyStore, input: PlaceOrderInput): OrderRecord {
  const variants = input.lines.map((line) => {
    const variant = store.variantsBySku(line.sku)[0];
    if (!variant) throw new Error(`placeOrder: no variant with SKU ${line.sku}`);
    return variant;
  });
  const location = pickLocation(store, input.locationId, variants[0] ? store.itemOf(variants[0]).levels : []);
  const now = store.now();
  const number = store.orders.reduce((max, order) => Math.max(max, order.number), 1000) + 1;
  const template = generateShopifyOrders({
    seed: number,
    count: 1,
    now: store.nowMs(),
    startNumber: number,
  })[0] as SeedOrder;
  const lines = input.lines.map((line, index) => {
    const variant = variants[index] as (typeof variants)[number];
    const product = store.productById(variant.productId);
    const title = variant.optionValues.map((value) => value.name).join(' / ');
    return {
      sku: line.sku,
      productId: variant.productId,
      title: product?.title ?? line.sku,
      variantTitle: title === 'Default Title' ? null : title,
      quantity: line.quantity,
      unitPriceMinor: moneyToMinor(variant.price),
      discountPerUnitMinor: 0,
      vatRate: input.vatRate ?? 0.2,
      ...(line.locationId ? { locationId: pickLocation(store, line.locationId, []).id } : {}),
    };
  });
  const seed: SeedOrder = {
    ...template,
    createdAt: now,
    processedAt: now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    presentmentCurrencyCode: 'TRY',
    presentmentRate: 1,
    financialStatus: input.financialStatus ?? 'PAID',
    paymentGatewayNames: [input.gateway ?? 'shopify_payments'],
    lines,
    shippingLines: [shippingFor(lines)],
    fulfillments: [],
    refunds: [],
  };
  for (const [index, variant] of variants.entries()) {
    const item = store.itemOf(variant);
    if (!item.tracked) continue;
    const lineLocation = lines[index]?.locationId ? pickLocation(store, lines[index]?.locationId, []) : location;
    const level = activeLevelAt(item, lineLocation.id) ?? activate(store, item, lineLocation);
    const quantity = input.lines[index]?.quantity ?? 0;
    level.quantities.available -= quantity;
    level.quantities.committed += quantity;
    level.updatedAt = now;
  }
  return addOrder(store, seed, { locationId: location.id, variantIds: variants.map((variant) => variant.id) });
}

function pickLocation(
  store: ShopifyStore,
  wanted: string | undefined,
  levels: Array<{ locationId: string; isActive: boolean }>,
) {
  if (wanted) {
    const location = store.location(wanted);
    if (!location) throw new Error(`placeOrder: unknown location ${wanted}`);
    return location;
  }
  const stocked = levels.find((level) => level.isActive);
  const location = (stocked && store.location(stocked.locationId)) ?? store.locations[0];
  if (!location) throw new Error('placeOrder: the shop has no location');
  return location;
}

/** Cancel with refund of what was paid and restock of unfulfilled committed stock; bumps updatedAt. */
export function cancelOrder(store: ShopifyStore, id: string): OrderRecord {
  const order = requireOrder(store, id);
  const now = store.now();
  const paid = order.financialStatus === 'PAID' || order.financialStatus === 'PARTIALLY_REFUNDED';
  if (paid) {
    const refunded = order.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
    order.refunds.push({
      ...store.newId('Refund'),
      createdAt: now,
      note: 'Sipariş iptali',
      amountMinor: orderTotalMinor(order) - refunded,
      lines: order.lines.map((line, lineIndex) => ({ lineIndex, quantity: line.quantity })),
    });
  }
  if (order.fulfillments.length === 0) moveCommitted(store, order, 'restock');
  Object.assign(order, {
    cancelledAt: now,
    cancelReason: 'CUSTOMER',
    closedAt: now,
    updatedAt: now,
    financialStatus: paid ? 'REFUNDED' : 'VOIDED',
  });
  return order;
}

/** Fulfil everything with tracking: committed stock leaves the building (on_hand drops); bumps updatedAt. */
export function fulfillOrder(store: ShopifyStore, id: string, tracking: Tracking): OrderRecord {
  const order = requireOrder(store, id);
  const now = store.now();
  const locationName = order.locationId ? store.location(order.locationId)?.name : store.locations[0]?.name;
  order.fulfillments.push({ ...store.newId('Fulfillment'), createdAt: now, ...tracking, locationName });
  moveCommitted(store, order, 'ship');
  closeAllFulfillmentOrders(order);
  order.updatedAt = now;
  return order;
}

function moveCommitted(store: ShopifyStore, order: OrderRecord, mode: 'restock' | 'ship'): void {
  if (!order.locationId) return;
  for (const line of order.lines) {
    const variant = line.variantId ? store.variantById(line.variantId) : undefined;
    const item = variant ? store.inventoryItems.get(variant.inventoryItemId) : undefined;
    const level = item?.tracked ? activeLevelAt(item, line.locationId ?? order.locationId) : undefined;
    if (!level) continue;
    level.quantities.committed -= line.quantity;
    if (mode === 'restock') level.quantities.available += line.quantity;
    level.updatedAt = store.now();
  }
}

function requireOrder(store: ShopifyStore, id: string): OrderRecord {
  const order = store.orderById(id) ?? store.orders.find((candidate) => candidate.name === id);
  if (!order) throw new Error(`unknown order ${id}`);
  return order;
}
