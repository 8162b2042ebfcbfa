/**
 * Builders for Shopify orders as the Shopify client hands them to sync (src/shopify/types.ts): a realistic
 * paid Turkish order (#1042, Ayşe Yılmaz, Kadıköy/İstanbul, two lines at 10 % and 20 % KDV) that each test
 * bends with overrides. Money is minor units in the shop currency.
 */
import type { ShopifyLineItem, ShopifyMailingAddress, ShopifyOrder } from '../../src/shopify/types.js';

export function anAddress(overrides: Partial<ShopifyMailingAddress> = {}): ShopifyMailingAddress {
  return {
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    address1: 'Caferağa Mah. Moda Cad. No:12',
    address2: 'D:3',
    city: 'Kadıköy',
    province: 'İstanbul',
    provinceCode: 'TR-34',
    country: 'Türkiye',
    countryCode: 'TR',
    zip: '34710',
    phone: '+90 532 111 22 33',
    ...overrides,
  };
}

export function aLineItem(overrides: Partial<ShopifyLineItem> = {}): ShopifyLineItem {
  return {
    id: 'gid://shopify/LineItem/13001',
    sku: 'STD-ELB-1042-SYH-S',
    name: 'Kruvaze Yaka Midi Elbise - Siyah / S',
    title: 'Kruvaze Yaka Midi Elbise',
    variantTitle: 'Siyah / S',
    variantId: 'gid://shopify/ProductVariant/44001',
    quantity: 1,
    currentQuantity: overrides.quantity ?? 1,
    originalUnitPrice: 129990,
    discountedUnitPrice: overrides.originalUnitPrice ?? 129990,
    taxLines: [{ title: 'KDV', ratePercentage: 10 }],
    ...overrides,
  };
}

/** The second default line: a simple product (no variant title) at 20 % KDV, quantity 2. */
export function aBeltLine(overrides: Partial<ShopifyLineItem> = {}): ShopifyLineItem {
  return aLineItem({
    id: 'gid://shopify/LineItem/13002',
    sku: 'STD-KMR-0007',
    name: 'Deri Kemer',
    title: 'Deri Kemer',
    variantTitle: undefined,
    variantId: 'gid://shopify/ProductVariant/44002',
    quantity: 2,
    currentQuantity: 2,
    originalUnitPrice: 24990,
    discountedUnitPrice: 24990,
    taxLines: [{ title: 'KDV', ratePercentage: 20 }],
    ...overrides,
  });
}

export function aShopifyOrder(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  const lineItems = overrides.lineItems ?? [aLineItem(), aBeltLine()];
  const shippingTotal = overrides.shippingTotal ?? 4990;
  const linesTotal = lineItems.reduce((sum, line) => sum + line.discountedUnitPrice * line.quantity, 0);
  return {
    id: 'gid://shopify/Order/6123456789012',
    legacyId: '6123456789012',
    name: '#1042',
    createdAt: '2026-11-27T11:05:09Z',
    updatedAt: '2026-11-27T11:06:00Z',
    processedAt: '2026-11-27T11:05:11Z',
    closed: false,
    test: false,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    currencyCode: 'TRY',
    presentmentCurrencyCode: 'TRY',
    email: 'ayse.yilmaz@example.com',
    paymentGatewayNames: ['shopify_payments'],
    customer: { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse.yilmaz@example.com', phone: '+905321112233' },
    billingAddress: anAddress(),
    shippingAddress: anAddress(),
    shippingTotal,
    totalPrice: linesTotal + shippingTotal,
    lineItems,
    fulfillments: [],
    ...overrides,
  };
}
