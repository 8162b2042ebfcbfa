import { paginateList } from '../connection.js';
import type { ResolverMap } from '../context.js';
import type { OrderRecord } from '../state/types.js';
import { bag, currentQuantity, orderTaxLines, orderTotals, totalBag } from './order-money.js';
import { displayFulfillmentStatus } from './orders.js';

/**
 * Order fields (docs/shopify-api.md#orders). Child objects are handed down wrapped with their order and index
 * (`_order`, `_index`) so LineItem, ShippingLine, Fulfillment and Refund can compute their amounts.
 */
export function wrapLines(order: OrderRecord) {
  return order.lines.map((line, index) => ({ __typename: 'LineItem', ...line, _order: order, _index: index }));
}

function received(order: OrderRecord): number {
  const paid = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(order.financialStatus);
  return paid ? orderTotals(order).total : 0;
}

const money = (pick: (order: OrderRecord) => number) => (order: OrderRecord) => bag(order, pick(order));
/** A total in both currencies, each computed from its own converted inputs (order-money.ts). */
const total = (pick: Parameters<typeof totalBag>[1]) => (order: OrderRecord) => totalBag(order, pick);

export const orderTypeResolvers: ResolverMap = {
  Order: {
    legacyResourceId: (order: OrderRecord) => String(order.legacyId),
    displayFinancialStatus: (order: OrderRecord) => order.financialStatus,
    displayFulfillmentStatus: (order: OrderRecord) => displayFulfillmentStatus(order),
    closed: (order: OrderRecord) => order.closedAt !== null,
    confirmed: () => true,
    confirmationNumber: (order: OrderRecord) => `SB${order.legacyId.toString(36).toUpperCase().slice(-7)}`,
    edited: () => false,
    fullyPaid: (order: OrderRecord) => received(order) > 0,
    unpaid: (order: OrderRecord) => received(order) === 0,
    requiresShipping: (order: OrderRecord) => order.lines.some((line) => line.sku !== null),
    fulfillable: (order: OrderRecord) => !order.cancelledAt && displayFulfillmentStatus(order) !== 'FULFILLED',
    capturable: () => false,
    refundable: (order: OrderRecord) => received(order) > orderTotals(order).refunded,
    restockable: (order: OrderRecord) => !order.cancelledAt,
    canMarkAsPaid: (order: OrderRecord) => order.financialStatus === 'PENDING',
    taxExempt: () => false,
    dutiesIncluded: () => false,
    estimatedTaxes: () => false,
    customerAcceptsMarketing: () => false,
    billingAddressMatchesShippingAddress: () => true,
    hasTimelineComment: () => false,
    merchantEditable: (order: OrderRecord) => !order.cancelledAt,
    sourceName: () => 'web',
    customerLocale: () => 'tr-TR',
    discountCode: () => null,
    discountCodes: () => [],
    returnStatus: () => 'NO_RETURN',
    retailLocation: () => null,
    cartDiscountAmountSet: () => null,
    subtotalLineItemsQuantity: (order: OrderRecord) => order.lines.reduce((sum, line) => sum + line.quantity, 0),
    currentSubtotalLineItemsQuantity: (order: OrderRecord) =>
      order.lines.reduce((sum, _line, index) => sum + currentQuantity(order, index), 0),
    subtotalPriceSet: total((t) => t.subtotal),
    currentSubtotalPriceSet: total((t) => t.currentSubtotal),
    totalDiscountsSet: total((t) => t.totalDiscounts),
    currentTotalDiscountsSet: total((t) => t.totalDiscounts),
    currentCartDiscountAmountSet: money(() => 0),
    totalShippingPriceSet: total((t) => t.shipping),
    currentShippingPriceSet: total((t) => t.currentShipping),
    totalTaxSet: total((t) => t.totalTax),
    currentTotalTaxSet: total((t) => t.currentTax),
    totalPriceSet: total((t) => t.total),
    originalTotalPriceSet: total((t) => t.total),
    currentTotalPriceSet: total((t) => t.currentTotal),
    totalRefundedSet: money((order) => orderTotals(order).refunded),
    totalRefundedShippingSet: money(() => 0),
    totalReceivedSet: money(received),
    netPaymentSet: money((order) => received(order) - orderTotals(order).refunded),
    totalOutstandingSet: money((order) => (order.cancelledAt ? 0 : orderTotals(order).total - received(order))),
    totalCapturableSet: money(() => 0),
    totalTipReceivedSet: total((t) => t.tips),
    // No duties or additional fees in a domestic Turkish shop: null, as Shopify answers for an order without them.
    currentTotalDutiesSet: () => null,
    currentTotalAdditionalFeesSet: () => null,
    taxLines: (order: OrderRecord) => orderTaxLines(order, false),
    currentTaxLines: (order: OrderRecord) => orderTaxLines(order, true),
    lineItems: (order: OrderRecord, args) => paginateList(wrapLines(order), args),
    shippingLines: (order: OrderRecord, args) =>
      paginateList(
        order.shippingLines.map((line) => ({ __typename: 'ShippingLine', ...line, _order: order })),
        args,
      ),
    shippingLine: (order: OrderRecord) =>
      order.shippingLines[0] ? { __typename: 'ShippingLine', ...order.shippingLines[0], _order: order } : null,
    fulfillments: (order: OrderRecord, args) =>
      order.fulfillments
        .slice(0, args.first ?? undefined)
        .map((fulfillment, index) => ({ __typename: 'Fulfillment', ...fulfillment, _order: order, _index: index })),
    fulfillmentsCount: (order: OrderRecord) => ({ count: order.fulfillments.length, precision: 'EXACT' }),
    refunds: (order: OrderRecord, args) =>
      order.refunds
        .slice(0, args.first ?? undefined)
        .map((refund) => ({ __typename: 'Refund', ...refund, _order: order })),
    metafield: () => null,
    metafields: (_order, args) => paginateList([], args),
    customAttributes: () => [],
    additionalFees: () => [],
    alerts: () => [],
    disputes: () => [],
  },
};
