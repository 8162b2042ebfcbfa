import { paginateList } from '../connection.js';
import type { ResolverMap } from '../context.js';
import { unfulfilledQuantityOf } from '../state/fulfillment-orders.js';
import type { ShopifyStore } from '../state/store.js';
import type {
  AddressRecord,
  CustomerRecord,
  FulfillmentRecord,
  OrderLineRecord,
  OrderRecord,
  RefundRecord,
  ShippingLineRecord,
} from '../state/types.js';
import {
  bag,
  bagOf,
  currentQuantity,
  discountedUnit,
  includedTax,
  lineMoney,
  shippingMoney,
  taxLine,
  type Currency,
} from './order-money.js';
import { lineDiscountAllocations, shippingDiscountAllocations } from './order-discounts.js';
import { wrapLines } from './order-types.js';

/** LineItem, ShippingLine, Fulfillment, Refund, Customer and MailingAddress (docs/shopify-api.md#orders). */
type Line = OrderLineRecord & { _order: OrderRecord; _index: number };
type Shipping = ShippingLineRecord & { _order: OrderRecord };
type Fulfillment = FulfillmentRecord & { _order: OrderRecord; _index: number };
type Refund = RefundRecord & { _order: OrderRecord };

/**
 * Lines of orders placed through the state helper keep their variant; seeded lines are linked by SKU when
 * read (the demo seeds orders before the catalog is pushed). A line without SKU has no variant.
 */
function variantOf(store: ShopifyStore, line: Line) {
  if (line.variantId) return store.variantById(line.variantId) ?? null;
  return line.sku ? (store.variantsBySku(line.sku)[0] ?? null) : null;
}

const money = (line: Line, currency: Currency) => lineMoney(line._order, line._index, currency);

function unfulfilled(line: Line): number {
  return unfulfilledQuantityOf(line._order, line._index);
}

export const orderPartResolvers: ResolverMap = {
  LineItem: {
    name: (line: Line) => (line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title),
    currentQuantity: (line: Line) => currentQuantity(line._order, line._index),
    unfulfilledQuantity: unfulfilled,
    nonFulfillableQuantity: (line: Line) => line.quantity - unfulfilled(line),
    refundableQuantity: (line: Line) => currentQuantity(line._order, line._index),
    originalUnitPriceSet: (line: Line) => bag(line._order, line.unitPriceMinor),
    discountedUnitPriceSet: (line: Line) => bag(line._order, discountedUnit(line)),
    discountedUnitPriceAfterAllDiscountsSet: (line: Line) =>
      bagOf(line._order, (c) => Math.round(money(line, c).net / Math.max(1, line.quantity))),
    originalTotalSet: (line: Line) => bag(line._order, line.unitPriceMinor * line.quantity),
    discountedTotalSet: (line: Line) => bag(line._order, discountedUnit(line) * line.quantity),
    totalDiscountSet: (line: Line) => bag(line._order, line.discountPerUnitMinor * line.quantity),
    priceAfterAllDiscountsBeforeTaxesSet: (line: Line) =>
      bagOf(line._order, (c) => {
        const m = money(line, c);
        return line._order.taxesIncluded ? m.net - m.tax : m.net;
      }),
    unfulfilledDiscountedTotalSet: (line: Line) => bag(line._order, discountedUnit(line) * unfulfilled(line)),
    unfulfilledOriginalTotalSet: (line: Line) => bag(line._order, line.unitPriceMinor * unfulfilled(line)),
    taxLines: (line: Line) => [taxLine(line._order, line.vatRate, (c) => money(line, c).tax)],
    discountAllocations: (line: Line) => lineDiscountAllocations(line._order, line._index),
    variant: (line: Line, _args, ctx) => variantOf(ctx.store, line),
    product: (line: Line, _args, ctx) => {
      const variant = variantOf(ctx.store, line);
      return variant ? (ctx.store.productById(variant.productId) ?? null) : null;
    },
    vendor: (line: Line, _args, ctx) => {
      const variant = variantOf(ctx.store, line);
      return variant ? (ctx.store.productById(variant.productId)?.vendor ?? null) : null;
    },
    taxable: (line: Line) => !line.tip,
    requiresShipping: (line: Line) => line.sku !== null && !line.giftCard && !line.tip,
    isGiftCard: (line: Line) => line.giftCard === true,
    merchantEditable: () => false,
    restockable: (line: Line) => line.sku !== null,
    customAttributes: () => [],
    duties: () => [],
    image: () => null,
  },
  ShippingLine: {
    source: () => 'shopify',
    originalPriceSet: (line: Shipping) => bagOf(line._order, (c) => shippingMoney(line._order, line, c).price),
    discountedPriceSet: (line: Shipping) => bagOf(line._order, (c) => shippingMoney(line._order, line, c).discounted),
    currentDiscountedPriceSet: (line: Shipping) =>
      bagOf(line._order, (c) => shippingMoney(line._order, line, c).current),
    taxLines: (line: Shipping) => [taxLine(line._order, line.vatRate, (c) => shippingMoney(line._order, line, c).tax)],
    isRemoved: () => false,
    custom: () => false,
    discountAllocations: (line: Shipping) => shippingDiscountAllocations(line._order, line),
  },
  Fulfillment: {
    legacyResourceId: (fulfillment: Fulfillment) => String(fulfillment.legacyId),
    name: (fulfillment: Fulfillment) => `${fulfillment._order.name}-F${fulfillment._index + 1}`,
    status: () => 'SUCCESS',
    displayStatus: () => 'FULFILLED',
    updatedAt: (fulfillment: Fulfillment) => fulfillment.createdAt,
    trackingInfo: (fulfillment: Fulfillment) =>
      fulfillment.trackingNumber || fulfillment.trackingCompany
        ? [
            {
              company: fulfillment.trackingCompany || null,
              number: fulfillment.trackingNumber || null,
              url: fulfillment.trackingUrl || null,
            },
          ]
        : [],
    location: (fulfillment: Fulfillment, _args, ctx) =>
      fulfillment.locationName ? (ctx.store.location(fulfillment.locationName) ?? null) : null,
    totalQuantity: (fulfillment: Fulfillment) =>
      (fulfillment.lines ?? fulfillment._order.lines.map((line) => ({ quantity: line.quantity }))).reduce(
        (sum, line) => sum + line.quantity,
        0,
      ),
    requiresShipping: () => true,
    order: (fulfillment: Fulfillment) => fulfillment._order,
    deliveredAt: () => null,
    inTransitAt: () => null,
    estimatedDeliveryAt: () => null,
  },
  Refund: {
    legacyResourceId: (refund: Refund) => String(refund.legacyId),
    processedAt: (refund: Refund) => refund.createdAt,
    updatedAt: (refund: Refund) => refund.createdAt,
    totalRefundedSet: (refund: Refund) => bag(refund._order, refund.amountMinor),
    order: (refund: Refund) => refund._order,
    refundLineItems: (refund: Refund, args) =>
      paginateList(
        refund.lines.map((row) => {
          const line = wrapLines(refund._order)[row.lineIndex] as Line;
          const gross = discountedUnit(line) * row.quantity;
          return {
            lineItem: line,
            quantity: row.quantity,
            restocked: true,
            restockType: refund._order.cancelledAt ? 'CANCEL' : 'RETURN',
            priceSet: bag(refund._order, discountedUnit(line)),
            subtotalSet: bag(refund._order, gross),
            totalTaxSet: bag(refund._order, includedTax(gross, line.vatRate)),
            location: null,
          };
        }),
        args,
      ),
    refundShippingLines: (_refund, args) => paginateList([], args),
    transactions: (_refund, args) => paginateList([], args),
    orderAdjustments: (_refund, args) => paginateList([], args),
    duties: () => [],
    staffMember: () => null,
    return: () => null,
  },
  Customer: {
    legacyResourceId: (customer: CustomerRecord) => String(customer.legacyId),
    displayName: (customer: CustomerRecord) => `${customer.firstName} ${customer.lastName}`,
    defaultEmailAddress: (customer: CustomerRecord) => ({
      emailAddress: customer.email,
      marketingState: 'NOT_SUBSCRIBED',
      validFormat: true,
    }),
    defaultPhoneNumber: (customer: CustomerRecord) => ({ phoneNumber: customer.phone }),
    numberOfOrders: (customer: CustomerRecord, _args, ctx) =>
      String(ctx.store.orders.filter((order) => order.customer.id === customer.id).length),
    tags: () => [],
    note: () => null,
    state: () => 'ENABLED',
    locale: () => 'tr',
    verifiedEmail: () => true,
    taxExempt: () => false,
  },
  MailingAddress: {
    name: (address: AddressRecord) => `${address.firstName} ${address.lastName}`,
    countryCodeV2: (address: AddressRecord) => address.countryCode,
    formatted: (address: AddressRecord) =>
      [address.address1, address.address2, `${address.zip} ${address.city}`, address.province, address.country].filter(
        (part): part is string => Boolean(part),
      ),
    formattedArea: (address: AddressRecord) =>
      [address.city, address.province, address.country].filter(Boolean).join(', '),
    coordinatesValidated: () => false,
    latitude: () => null,
    longitude: () => null,
    timeZone: () => null,
  },
};
