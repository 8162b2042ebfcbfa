/**
 * Wire order → domain ShopifyOrder: shop-currency money in minor units, nulls dropped, legacy id as a
 * string (the dedupe key sent to Sentos).
 */
import type { WireAddress, WireLineItem, WireOrder } from './operations/order-wire.js';
import { money } from './map-product.js';
import type { ShopifyFulfillment, ShopifyLineItem, ShopifyMailingAddress, ShopifyOrder } from './types.js';

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
    // ratePercentage is nullable; rate is the fraction (0.2 for 20 %).
    taxLines: item.taxLines.map((t) => ({
      title: t.title,
      ratePercentage: t.ratePercentage ?? Math.round((t.rate ?? 0) * 100_00) / 100,
    })),
    ...defined({ sku: item.sku, variantTitle: item.variantTitle, variantId: item.variant?.id }),
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
