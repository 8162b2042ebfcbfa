import { lineOf, type SeedOrder, type SeedOrderItem, type SeedOrderLine, type SeedShippingLine } from './orders.js';

/**
 * The golden orders of the money model (README "Money"): one order per case an order push gets wrong in peers'
 * integrations, with amounts chosen to make rounding bite. Named #2001…, after the generated ones. The SKUs are the
 * first catalog items'; the prices are the fixtures' own (an order keeps the price it was sold at). The same cases,
 * with their expected Sentos lines, are the table tests of src/sync/orders/money-golden.test.ts.
 */
export interface GoldenCase {
  key: string;
  /** What the case demonstrates, for test names. */
  title: string;
  order: SeedOrder;
}

const HOUR = 3_600_000;

interface Ctx {
  items: readonly SeedOrderItem[];
  nowMs: number;
}

function line(ctx: Ctx, index: number, unitPriceMinor: number, quantity: number, extra: Partial<SeedOrderLine> = {}) {
  return lineOf(ctx.items[index % ctx.items.length] as SeedOrderItem, quantity, unitPriceMinor, extra);
}

const cargo = (priceMinor: number, extra: Partial<SeedShippingLine> = {}): SeedShippingLine => ({
  title: priceMinor === 0 ? 'Ücretsiz Kargo' : 'Standart Kargo',
  code: priceMinor === 0 ? 'free' : 'standard',
  priceMinor,
  vatRate: 0.2,
  ...extra,
});

function base(ctx: Ctx, hoursAgo: number, lines: SeedOrderLine[], shipping: SeedShippingLine[]): SeedOrder {
  const at = new Date(ctx.nowMs - hoursAgo * HOUR).toISOString();
  const address = {
    firstName: 'Elif',
    lastName: 'Kaya',
    company: null,
    address1: 'Moda Mah. Bahariye Cad. No: 21',
    address2: 'Daire 4',
    city: 'Kadıköy',
    province: 'İstanbul',
    provinceCode: 'TR-34',
    zip: '34710',
    country: 'Türkiye',
    countryCode: 'TR',
    phone: '+90 532 555 66 77',
  };
  return {
    number: 0,
    createdAt: at,
    processedAt: at,
    updatedAt: at,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    test: false,
    email: 'elif.kaya@example.com.tr',
    phone: address.phone,
    note: null,
    tags: ['golden'],
    currencyCode: 'TRY',
    presentmentCurrencyCode: 'TRY',
    presentmentRate: 1,
    taxesIncluded: true,
    customer: { firstName: 'Elif', lastName: 'Kaya', email: 'elif.kaya@example.com.tr', phone: address.phone },
    billingAddress: address,
    shippingAddress: address,
    paymentGatewayNames: ['shopify_payments'],
    financialStatus: 'PAID',
    lines,
    shippingLines: shipping,
    fulfillments: [],
    refunds: [],
  };
}

type Build = (ctx: Ctx) => Omit<GoldenCase, 'key'>;

const CASES: Record<string, Build> = {
  'tax-inclusive-line-discount': (c) => ({
    title: 'tax-inclusive prices, a line discount, taxed shipping',
    order: base(c, 30, [line(c, 0, 129990, 1, { discountPerUnitMinor: 13000 }), line(c, 1, 24990, 2)], [cargo(4990)]),
  }),
  'tax-exclusive': (c) => ({
    title: 'tax-exclusive prices: KDV added on top, shipping taxed too',
    order: {
      ...base(c, 29, [line(c, 0, 100000, 2), line(c, 1, 33333, 1, { vatRate: 0.1 })], [cargo(4000)]),
      taxesIncluded: false,
    },
  }),
  'order-discount': (c) => ({
    title: 'an order-level discount code spread over the lines by Shopify',
    order: base(
      c,
      28,
      [line(c, 0, 129990, 1, { orderDiscountMinor: 12999 }), line(c, 1, 24990, 2, { orderDiscountMinor: 4998 })],
      [cargo(4990)],
    ),
  }),
  'free-shipping': (c) => ({
    title: 'free shipping',
    order: base(c, 27, [line(c, 2, 119990, 1)], [cargo(0)]),
  }),
  'shipping-code': (c) => ({
    title: 'a discount code on shipping',
    order: base(c, 26, [line(c, 1, 24990, 1)], [cargo(5990, { discountMinor: 2000 })]),
  }),
  presentment: (c) => ({
    title: 'paid in EUR in a TRY shop',
    order: {
      ...base(c, 25, [line(c, 0, 129990, 1, { discountPerUnitMinor: 13000 }), line(c, 3, 9990, 3)], [cargo(4990)]),
      presentmentCurrencyCode: 'EUR',
      presentmentRate: 0.0232,
      tags: ['golden', 'yurtdışı'],
    },
  }),
  'zero-price-gift': (c) => ({
    title: 'a zero-price gift line',
    order: base(c, 24, [line(c, 0, 129990, 1), line(c, 3, 0, 1)], [cargo(4990)]),
  }),
  'qty3-odd-discount': (c) => ({
    title: 'quantity 3 with a discount that does not divide by 3',
    order: base(c, 23, [line(c, 1, 10000, 3, { orderDiscountMinor: 1001 })], [cargo(4990)]),
  }),
  'partly-refunded': (c) => {
    const order = base(c, 22, [line(c, 0, 34990, 3, { orderDiscountMinor: 1000 }), line(c, 1, 24990, 1)], [cargo(0)]);
    order.refunds.push({
      createdAt: new Date(c.nowMs - 2 * HOUR).toISOString(),
      note: 'Kısmi iade: bir adet',
      amountMinor: Math.round((34990 * 3 - 1000) / 3),
      lines: [{ lineIndex: 0, quantity: 1 }],
    });
    return { title: 'one unit of three refunded', order: { ...order, financialStatus: 'PARTIALLY_REFUNDED' } };
  },
  'removed-line': (c) => ({
    title: 'a line removed by an order edit',
    order: base(c, 21, [line(c, 0, 129990, 1), line(c, 1, 24990, 2, { removedQuantity: 2 })], [cargo(4990)]),
  }),
  exchange: (c) => {
    const order = base(c, 20, [line(c, 0, 129990, 1, { removedQuantity: 1 }), line(c, 3, 129990, 1)], [cargo(4990)]);
    order.refunds.push({
      createdAt: new Date(c.nowMs - 3 * HOUR).toISOString(),
      note: 'Değişim: beden',
      amountMinor: 0,
      lines: [],
    });
    return { title: 'an exchange: one item returned, another sent at the same price', order };
  },
  'tip-and-gift-card': (c) => ({
    title: 'a tip and a gift card sold alongside goods',
    order: base(
      c,
      19,
      [
        line(c, 2, 59990, 1),
        { ...line(c, 0, 50000, 1, { giftCard: true }), sku: null, title: 'Hediye Kartı', variantTitle: null },
        { ...line(c, 0, 2500, 1, { tip: true, vatRate: 0 }), sku: null, title: 'Bahşiş', variantTitle: null },
      ],
      [cargo(4990)],
    ),
  }),
  'cancelled-discounted': (c) => {
    const order = base(c, 18, [line(c, 1, 24990, 3, { orderDiscountMinor: 2000 })], [cargo(4990)]);
    const at = new Date(c.nowMs - HOUR).toISOString();
    return {
      title: 'cancelled after an order-level discount: sent at its original quantities',
      order: {
        ...order,
        cancelledAt: at,
        cancelReason: 'CUSTOMER',
        closedAt: at,
        updatedAt: at,
        financialStatus: 'REFUNDED',
        refunds: [{ createdAt: at, note: 'Sipariş iptali', amountMinor: 24990 * 3 - 2000 + 4990, lines: [] }],
      },
    };
  },
};

/** The golden orders, numbered from `startNumber` (#2001 by default), oldest first. */
export function goldenOrders(items: readonly SeedOrderItem[], now: number, startNumber = 2001): GoldenCase[] {
  const ctx: Ctx = { items, nowMs: now };
  return Object.entries(CASES).map(([key, build], index) => {
    const built = build(ctx);
    return { key, title: built.title, order: { ...built.order, number: startNumber + index } };
  });
}
