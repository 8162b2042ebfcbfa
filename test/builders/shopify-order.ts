/**
 * Builders for Shopify orders as the Shopify client hands them to sync (src/shopify/types.ts): a realistic
 * paid Turkish order (#1042, Ayşe Yılmaz, Kadıköy/İstanbul, two lines at 10 % and 20 % KDV) that each test
 * bends with overrides. Money is minor units in the shop currency.
 */
import type {
  MoneyPair,
  ShopifyLineItem,
  ShopifyMailingAddress,
  ShopifyOrder,
  ShopifyOrderMoney,
  ShopifyShippingLine,
} from '../../src/shopify/types.js';

/** Same amount in both currencies (an order paid in the shop currency). */
export const both = (minor: number): MoneyPair => ({ shop: minor, presentment: minor });

/** KDV inside a tax-inclusive gross amount, as Shopify reports it. */
const includedTax = (gross: number, percent: number) => Math.round((gross * percent) / (100 + percent));

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

/**
 * Money fields follow the overrides: originalUnitPrice in both currencies, (original − discounted) × quantity as one
 * line-level allocation, and a KDV tax line whose amount is the tax inside the discounted total (tax-inclusive).
 */
export function aLineItem(overrides: Partial<ShopifyLineItem> = {}): ShopifyLineItem {
  const quantity = overrides.quantity ?? 1;
  const original = overrides.originalUnitPrice ?? 129990;
  const discounted = overrides.discountedUnitPrice ?? original;
  const percent = overrides.taxLines?.[0]?.ratePercentage ?? 10;
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
    taxLines: [{ title: 'KDV', ratePercentage: percent, amount: both(includedTax(discounted * quantity, percent)) }],
    originalUnitPriceSet: both(original),
    discountAllocations:
      original > discounted
        ? [{ amount: both((original - discounted) * quantity), targetType: 'LINE_ITEM', targetSelection: 'EXPLICIT' }]
        : [],
    isGiftCard: false,
    requiresShipping: true,
    ...overrides,
  };
}

/** A KDV tax line of `amount` at `percent`. */
export function kdv(percent: number, amount: number): ShopifyLineItem['taxLines'][number] {
  return { title: 'KDV', ratePercentage: percent, amount: both(amount) };
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
    taxLines: [kdv(20, includedTax(24990 * 2, 20))],
    ...overrides,
  });
}

export function aShippingLine(price: number, overrides: Partial<ShopifyShippingLine> = {}): ShopifyShippingLine {
  return {
    title: 'Standart Kargo',
    isRemoved: false,
    discountedPrice: both(price),
    currentDiscountedPrice: both(price),
    taxLines: [kdv(20, includedTax(price, 20))],
    discountAllocations: [],
    ...overrides,
  };
}

type OrderOverrides = Partial<Omit<ShopifyOrder, 'money'>> & { money?: Partial<ShopifyOrderMoney> };

/**
 * A tax-inclusive order whose money follows its lines: the total is Σ discounted unit price × quantity + shipping, the
 * current total the same over current quantities (shipping dropped when nothing is left). `money` overrides any part.
 */
export function aShopifyOrder(overrides: OrderOverrides = {}): ShopifyOrder {
  const { money: moneyOverrides, ...rest } = overrides;
  const lineItems = overrides.lineItems ?? [aLineItem(), aBeltLine()];
  const shippingTotal = overrides.shippingTotal ?? 4990;
  const linesTotal = lineItems.reduce((sum, line) => sum + line.discountedUnitPrice * line.quantity, 0);
  const currentLines = lineItems.reduce((sum, line) => sum + line.discountedUnitPrice * line.currentQuantity, 0);
  const currentShipping = currentLines > 0 ? shippingTotal : 0;
  const money: ShopifyOrderMoney = {
    taxesIncluded: true,
    total: both(linesTotal + shippingTotal),
    currentTotal: both(currentLines + currentShipping),
    tips: both(0),
    dutiesAndFees: both(0),
    shippingLines: [aShippingLine(shippingTotal, { currentDiscountedPrice: both(currentShipping) })],
    ...moneyOverrides,
  };
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
    ...rest,
    money,
  };
}
