import { paginateList } from '../connection.js';
import type { ResolverMap } from '../context.js';
import { fulfillmentOrderStatus, fulfillmentOrdersOf, remainingOf } from '../state/fulfillment-orders.js';
import type { ShopifyStore } from '../state/store.js';
import type { FulfillmentOrderLineRecord, FulfillmentOrderRecord, OrderRecord } from '../state/types.js';
import { bag } from './order-money.js';
import { wrapLines } from './order-types.js';

/**
 * Order.fulfillmentOrders, FulfillmentOrder and FulfillmentOrderLineItem (docs/shopify-api.md#fulfilment-orders). Each
 * child is handed down with its order (`_order`) so status and remaining quantities are computed when read.
 */
type Fo = FulfillmentOrderRecord & { _order: OrderRecord };
type FoLine = FulfillmentOrderLineRecord & { _order: OrderRecord };

const wrapFo = (order: OrderRecord) => (fo: FulfillmentOrderRecord) => ({ ...fo, _order: order });
const lineOf = (line: FoLine) => wrapLines(line._order)[line.lineIndex];

function assignedLocation(store: ShopifyStore, fo: Fo) {
  const location = store.location(fo.locationId);
  return {
    location: location ?? null,
    name: location?.name ?? '',
    address1: location?.address.address1 ?? null,
    address2: null,
    city: location?.address.city ?? null,
    province: location?.address.province ?? null,
    zip: location?.address.zip ?? null,
    countryCode: location?.address.countryCode ?? 'TR',
    phone: null,
  };
}

export const fulfillmentOrderResolvers: ResolverMap = {
  Order: {
    fulfillmentOrders: (order: OrderRecord, args, ctx) =>
      paginateList(fulfillmentOrdersOf(ctx.store, order).map(wrapFo(order)), args),
  },
  FulfillmentOrder: {
    status: (fo: Fo) => fulfillmentOrderStatus(fo._order, fo),
    requestStatus: () => 'UNSUBMITTED',
    assignedLocation: (fo: Fo, _args, ctx) => assignedLocation(ctx.store, fo),
    order: (fo: Fo) => fo._order,
    orderName: (fo: Fo) => fo._order.name,
    orderProcessedAt: (fo: Fo) => fo._order.processedAt,
    lineItems: (fo: Fo, args) =>
      paginateList(
        fo.lines.map((line) => ({ ...line, _order: fo._order })),
        args,
      ),
    supportedActions: (fo: Fo) =>
      fulfillmentOrderStatus(fo._order, fo) === 'OPEN' ? [{ action: 'CREATE_FULFILLMENT', externalUrl: null }] : [],
    fulfillmentHolds: () => [],
    fulfillAt: () => null,
    fulfillBy: () => null,
    channelId: () => null,
    deliveryMethod: () => null,
    destination: () => null,
    internationalDuties: () => null,
    remainingLineItemsWeight: () => null,
    fulfillments: (fo: Fo, args) =>
      paginateList(
        fo._order.fulfillments
          .map((f, index) => ({ __typename: 'Fulfillment', ...f, _order: fo._order, _index: index }))
          .filter((f) => f.fulfillmentOrderIds?.includes(fo.id)),
        args,
      ),
  },
  FulfillmentOrderLineItem: {
    remainingQuantity: (line: FoLine) => remainingOf(line._order, line),
    lineItem: lineOf,
    sku: (line: FoLine) => line._order.lines[line.lineIndex]?.sku ?? null,
    productTitle: (line: FoLine) => line._order.lines[line.lineIndex]?.title ?? '',
    variantTitle: (line: FoLine) => line._order.lines[line.lineIndex]?.variantTitle ?? null,
    requiresShipping: (line: FoLine) => line._order.lines[line.lineIndex]?.sku !== null,
    originalUnitPriceSet: (line: FoLine) => bag(line._order, line._order.lines[line.lineIndex]?.unitPriceMinor ?? 0),
    variant: (line: FoLine, _args, ctx) => {
      const variantId = line._order.lines[line.lineIndex]?.variantId;
      return variantId ? (ctx.store.variantById(variantId) ?? null) : null;
    },
    inventoryItemId: (line: FoLine, _args, ctx) => {
      const variantId = line._order.lines[line.lineIndex]?.variantId;
      return (variantId && ctx.store.variantById(variantId)?.inventoryItemId) || null;
    },
    warnings: () => [],
    financialSummaries: () => [],
    image: () => null,
    vendor: () => null,
    weight: () => null,
    shippingLine: () => null,
  },
};
