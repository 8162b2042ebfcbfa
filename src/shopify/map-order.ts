/**
 * Wire order → domain ShopifyOrder: shop-currency money in minor units, nulls dropped, legacy id as a
 * string (the dedupe key sent to Sentos).
 */
import type {
  WireAddress,
  WireAllocation,
  WireLineItem,
  WireMoney,
  WireOrder,
  WireTaxLine,
} from './operations/order-wire.js';
import { money } from './map-product.js';
import type {
  MoneyPair,
  ShopifyDiscountAllocation,
  ShopifyFulfillment,
  ShopifyLineItem,
  ShopifyMailingAddress,
  ShopifyOrder,
  ShopifyOrderMoney,
  ShopifyTaxLine,
} from './types.js';

export function toShopifyOrder(wire: WireOrder, lineItems: WireLineItem[]): ShopifyOrder {
  const order: ShopifyOrder = {
    id: wire.id,
    legacyId: String(wire.legacyResourceId),
    name: wire.name,
    createdAt: wire.createdAt,
    updatedAt: wire.updatedAt,
    processedAt: wire.processedAt,
    closed: wire.closed,
    test: wire.test,
    displayFulfillmentStatus: wire.displayFulfillmentStatus,
    currencyCode: wire.currencyCode,
    presentmentCurrencyCode: wire.presentmentCurrencyCode,
    paymentGatewayNames: wire.paymentGatewayNames,
    shippingTotal: money(wire.totalShippingPriceSet.shopMoney.amount, `order ${wire.name} shipping`),
    totalPrice: money(wire.totalPriceSet.shopMoney.amount, `order ${wire.name} total`),
    money: toOrderMoney(wire),
    lineItems: lineItems.map((item) => toLineItem(item, wire.name)),
    fulfillments: wire.fulfillments.map(toFulfillment),
    ...defined({
      cancelledAt: wire.cancelledAt,
      cancelReason: wire.cancelReason,
      displayFinancialStatus: wire.displayFinancialStatus,
      email: wire.email,
      phone: wire.phone,
      note: wire.note,
    }),
  };
  if (wire.customer) {
    const { firstName, lastName, defaultEmailAddress, defaultPhoneNumber } = wire.customer;
    order.customer = defined({
      firstName,
      lastName,
      email: defaultEmailAddress?.emailAddress,
      phone: defaultPhoneNumber?.phoneNumber,
    });
  }
  const billing = toAddress(wire.billingAddress);
  if (billing) order.billingAddress = billing;
  const shipping = toAddress(wire.shippingAddress);
  if (shipping) order.shippingAddress = shipping;
  return order;
}

function toLineItem(item: WireLineItem, orderName: string): ShopifyLineItem {
  return {
    id: item.id,
    name: item.name,
    title: item.title,
    quantity: item.quantity,
    currentQuantity: item.currentQuantity,
    originalUnitPrice: money(item.originalUnitPriceSet.shopMoney.amount, `order ${orderName} line ${item.id}`),
    discountedUnitPrice: money(item.discountedUnitPriceSet.shopMoney.amount, `order ${orderName} line ${item.id}`),
    taxLines: item.taxLines.map((t) => toTaxLine(t, `order ${orderName} line ${item.id} tax`)),
    originalUnitPriceSet: pair(item.originalUnitPriceSet, `order ${orderName} line ${item.id}`),
    discountAllocations: item.discountAllocations.map((a) => toAllocation(a, `order ${orderName} line ${item.id}`)),
    isGiftCard: item.isGiftCard,
    requiresShipping: item.requiresShipping,
    ...defined({ sku: item.sku, variantTitle: item.variantTitle, variantId: item.variant?.id }),
  };
}

function pair(bag: WireMoney, what: string): MoneyPair {
  return { shop: money(bag.shopMoney.amount, what), presentment: money(bag.presentmentMoney.amount, what) };
}

/** ratePercentage is nullable; rate is the fraction (0.2 for 20 %). */
function toTaxLine(t: WireTaxLine, what: string): ShopifyTaxLine {
  return {
    title: t.title,
    ratePercentage: t.ratePercentage ?? Math.round((t.rate ?? 0) * 100_00) / 100,
    amount: pair(t.priceSet, what),
  };
}

function toAllocation(a: WireAllocation, what: string): ShopifyDiscountAllocation {
  return {
    amount: pair(a.allocatedAmountSet, `${what} discount`),
    targetType: a.discountApplication.targetType,
    targetSelection: a.discountApplication.targetSelection,
  };
}

function toOrderMoney(wire: WireOrder): ShopifyOrderMoney {
  const what = `order ${wire.name}`;
  const zero = { shop: 0, presentment: 0 };
  const duties = wire.currentTotalDutiesSet ? pair(wire.currentTotalDutiesSet, `${what} duties`) : zero;
  const fees = wire.currentTotalAdditionalFeesSet ? pair(wire.currentTotalAdditionalFeesSet, `${what} fees`) : zero;
  return {
    taxesIncluded: wire.taxesIncluded,
    total: pair(wire.totalPriceSet, `${what} total`),
    currentTotal: pair(wire.currentTotalPriceSet, `${what} current total`),
    tips: pair(wire.totalTipReceivedSet, `${what} tips`),
    dutiesAndFees: { shop: duties.shop + fees.shop, presentment: duties.presentment + fees.presentment },
    shippingLines: wire.shippingLines.nodes.map((line) => ({
      title: line.title,
      isRemoved: line.isRemoved,
      discountedPrice: pair(line.discountedPriceSet, `${what} shipping`),
      currentDiscountedPrice: pair(line.currentDiscountedPriceSet, `${what} shipping`),
      taxLines: line.taxLines.map((t) => toTaxLine(t, `${what} shipping tax`)),
      discountAllocations: line.discountAllocations.map((a) => toAllocation(a, `${what} shipping`)),
    })),
  };
}

/** The first tracking entry: Sentos takes one carrier and number per shipment. */
function toFulfillment(wire: WireOrder['fulfillments'][number]): ShopifyFulfillment {
  const tracking = wire.trackingInfo[0];
  return {
    status: wire.status,
    ...defined({ trackingCompany: tracking?.company, trackingNumber: tracking?.number, trackingUrl: tracking?.url }),
  };
}

function toAddress(wire: WireAddress): ShopifyMailingAddress | undefined {
  if (!wire) return undefined;
  const { countryCodeV2, ...rest } = wire;
  return defined({ ...rest, countryCode: countryCodeV2 });
}

/** Drops null and undefined values, so optional domain fields are absent rather than null. */
function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}
