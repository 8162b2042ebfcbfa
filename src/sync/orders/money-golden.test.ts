import { describe, expect, it } from 'vitest';
import { aLineItem, aShippingLine, aShopifyOrder, both, kdv } from '../../../test/builders/shopify-order.js';
import type { MoneyPair, ShopifyLineItem, ShopifyOrder } from '../../shopify/types.js';
import { map } from './map-test-kit.js';
import type { OrderSettingsOverrides } from './settings.js';

/**
 * The golden orders of the money model (README "Money"), as Shopify reports them (amounts worked out by hand from the
 * same cases the sandbox seeds, src/sandbox/seed/golden-orders.ts), and the Sentos lines each must give. Rows are
 * [sku, quantity, unit price]. Every case also holds the invariant, which mapShopifyOrder enforces.
 */
const ALL = 'ALL';
const alloc = (amount: number | MoneyPair, targetSelection = 'EXPLICIT') => ({
  amount: typeof amount === 'number' ? both(amount) : amount,
  targetType: 'LINE_ITEM',
  targetSelection,
});

interface LineSpec {
  sku: string | null;
  unit: number | MoneyPair;
  q: number;
  c?: number;
  allocs?: ReturnType<typeof alloc>[];
  tax?: number;
  rate?: number;
  extra?: Partial<ShopifyLineItem>;
}

function line(spec: LineSpec): ShopifyLineItem {
  const unit = typeof spec.unit === 'number' ? both(spec.unit) : spec.unit;
  return aLineItem({
    id: `gid://shopify/LineItem/${spec.sku ?? 'none'}-${spec.q}`,
    sku: spec.sku ?? undefined,
    quantity: spec.q,
    currentQuantity: spec.c ?? spec.q,
    originalUnitPrice: unit.shop,
    discountedUnitPrice: unit.shop,
    originalUnitPriceSet: unit,
    discountAllocations: spec.allocs ?? [],
    taxLines: [kdv(spec.rate ?? 20, spec.tax ?? 0)],
    ...spec.extra,
  });
}

interface OrderSpec {
  lines: LineSpec[];
  shipping: number | { discounted: MoneyPair; current?: MoneyPair; tax?: number; discount?: number };
  currentTotal: number | MoneyPair;
  total?: number;
  taxesIncluded?: boolean;
  tips?: number;
  extra?: Partial<Omit<ShopifyOrder, 'money'>>;
}

function order(spec: OrderSpec): ShopifyOrder {
  const s =
    typeof spec.shipping === 'number' ? { discounted: both(spec.shipping), tax: 0, discount: 0 } : spec.shipping;
  const current = typeof spec.currentTotal === 'number' ? both(spec.currentTotal) : spec.currentTotal;
  return aShopifyOrder({
    lineItems: spec.lines.map(line),
    ...spec.extra,
    money: {
      taxesIncluded: spec.taxesIncluded ?? true,
      total: spec.total === undefined ? current : both(spec.total),
      currentTotal: current,
      tips: both(spec.tips ?? 0),
      shippingLines: [
        aShippingLine(s.discounted.shop, {
          discountedPrice: s.discounted,
          currentDiscountedPrice: s.current ?? s.discounted,
          taxLines: [kdv(20, s.tax ?? 0)],
          discountAllocations: s.discount
            ? [{ amount: both(s.discount), targetType: 'SHIPPING_LINE', targetSelection: 'ENTITLED' }]
            : [],
        }),
      ],
    },
  });
}

type Row = [string, number, number];
interface Case {
  order: ShopifyOrder;
  lines: Row[];
  shipping: number;
  settings?: OrderSettingsOverrides;
  currency?: string;
}

const A = 'STD-ELB-1042-SYH-S';
const B = 'STD-KMR-0007';
const eur = (shop: number, presentment: number): MoneyPair => ({ shop, presentment });

const CASES: Record<string, Case> = {
  'tax-inclusive, a line discount, taxed shipping': {
    order: order({
      lines: [
        { sku: A, unit: 129990, q: 1, allocs: [alloc(13000)], tax: 19498 },
        { sku: B, unit: 24990, q: 2, tax: 8330 },
      ],
      shipping: { discounted: both(4990), tax: 832 },
      currentTotal: 171960,
    }),
    lines: [
      [A, 1, 1169.9],
      [B, 2, 249.9],
    ],
    shipping: 49.9,
  },
  'tax-exclusive: KDV added on top of lines and shipping': {
    order: order({
      taxesIncluded: false,
      lines: [
        { sku: A, unit: 100000, q: 2, tax: 40000 },
        { sku: B, unit: 33333, q: 1, tax: 3333, rate: 10 },
      ],
      shipping: { discounted: both(4000), tax: 800 },
      currentTotal: 281466,
    }),
    lines: [
      [A, 2, 1200],
      [B, 1, 366.66],
    ],
    shipping: 48,
  },
  'an order-level discount code, allocated by Shopify': {
    order: order({
      lines: [
        { sku: A, unit: 129990, q: 1, allocs: [alloc(12999, ALL)] },
        { sku: B, unit: 24990, q: 2, allocs: [alloc(4998, ALL)] },
      ],
      shipping: 4990,
      currentTotal: 166963,
    }),
    lines: [
      [A, 1, 1169.91],
      [B, 2, 224.91],
    ],
    shipping: 49.9,
  },
  'free shipping': {
    order: order({ lines: [{ sku: A, unit: 119990, q: 1 }], shipping: 0, currentTotal: 119990 }),
    lines: [[A, 1, 1199.9]],
    shipping: 0,
  },
  'a discount code on shipping': {
    order: order({
      lines: [{ sku: B, unit: 24990, q: 1 }],
      shipping: { discounted: both(3990), discount: 2000 },
      currentTotal: 28980,
    }),
    lines: [[B, 1, 249.9]],
    shipping: 39.9,
  },
  'a zero-price gift line': {
    order: order({
      lines: [
        { sku: A, unit: 129990, q: 1 },
        { sku: B, unit: 0, q: 1 },
      ],
      shipping: 4990,
      currentTotal: 134980,
    }),
    lines: [
      [A, 1, 1299.9],
      [B, 1, 0],
    ],
    shipping: 49.9,
  },
  'quantity 3 with a discount that does not divide by 3': {
    order: order({
      lines: [{ sku: B, unit: 10000, q: 3, allocs: [alloc(1001, ALL)] }],
      shipping: 4990,
      currentTotal: 33989,
    }),
    lines: [
      [B, 2, 96.66],
      [B, 1, 96.67],
    ],
    shipping: 49.9,
  },
  'one unit of three refunded': {
    order: order({
      lines: [
        { sku: A, unit: 34990, q: 3, c: 2, allocs: [alloc(1000, ALL)] },
        { sku: B, unit: 24990, q: 1 },
      ],
      shipping: 0,
      currentTotal: 94303,
      total: 128960,
      extra: { displayFinancialStatus: 'PARTIALLY_REFUNDED' },
    }),
    lines: [
      [A, 1, 346.56],
      [A, 1, 346.57],
      [B, 1, 249.9],
    ],
    shipping: 0,
  },
  'a line removed by an order edit': {
    order: order({
      lines: [
        { sku: A, unit: 129990, q: 1 },
        { sku: B, unit: 24990, q: 2, c: 0 },
      ],
      shipping: 4990,
      currentTotal: 134980,
      total: 184960,
    }),
    lines: [[A, 1, 1299.9]],
    shipping: 49.9,
  },
  'an exchange: one item returned, another sent': {
    order: order({
      lines: [
        { sku: A, unit: 129990, q: 1, c: 0 },
        { sku: B, unit: 129990, q: 1 },
      ],
      shipping: 4990,
      currentTotal: 134980,
      total: 264970,
    }),
    lines: [[B, 1, 1299.9]],
    shipping: 49.9,
  },
  'a tip and a gift card sold with the goods: both left out': {
    order: order({
      lines: [
        { sku: A, unit: 59990, q: 1 },
        { sku: null, unit: 50000, q: 1, extra: { isGiftCard: true, requiresShipping: false, variantId: undefined } },
        { sku: null, unit: 2500, q: 1, extra: { requiresShipping: false, variantId: undefined } },
      ],
      shipping: 4990,
      currentTotal: 117480,
      tips: 2500,
    }),
    lines: [[A, 1, 599.9]],
    shipping: 49.9,
  },
  'cancelled after a discount: the original quantities against the original total': {
    order: order({
      lines: [{ sku: B, unit: 24990, q: 3, c: 0, allocs: [alloc(2000, ALL)] }],
      shipping: { discounted: both(4990), current: both(0) },
      currentTotal: 0,
      total: 77960,
      extra: { cancelledAt: '2026-11-27T12:00:00Z', displayFinancialStatus: 'REFUNDED' },
    }),
    lines: [
      [B, 2, 243.23],
      [B, 1, 243.24],
    ],
    shipping: 49.9,
  },
};

const presentmentOrder = order({
  lines: [
    { sku: A, unit: eur(129990, 3016), q: 1, allocs: [alloc(eur(13000, 302))] },
    { sku: B, unit: eur(9990, 232), q: 3 },
  ],
  shipping: { discounted: eur(4990, 116) },
  currentTotal: eur(151950, 3526),
  extra: { presentmentCurrencyCode: 'EUR' },
});
CASES['paid in EUR, money.source shop: the TRY amounts'] = {
  order: presentmentOrder,
  lines: [
    [A, 1, 1169.9],
    [B, 3, 99.9],
  ],
  shipping: 49.9,
};
CASES['paid in EUR, money.source presentment: the EUR amounts'] = {
  order: presentmentOrder,
  lines: [
    [A, 1, 27.14],
    [B, 3, 2.32],
  ],
  shipping: 1.16,
  settings: { moneySource: 'presentment' },
  currency: 'EUR',
};

describe('the money model on the golden orders', () => {
  it('has at least 12 cases', () => expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(12));

  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const result = map(c.order, c.settings);
    if (!result.ok) throw new Error(result.reasons.join('; '));
    expect(result.payload.lines.map((l) => [l.sku, l.quantity, l.price])).toEqual(c.lines);
    expect(result.payload.shipping_total).toBe(c.shipping);
    expect(result.payload.currency).toBe(c.currency ?? 'TL');
  });
});

describe('the money model refuses what does not add up', () => {
  it('fails an order whose current total the lines miss (a refund with no line), with the difference', () => {
    const refundedAmount = order({ lines: [{ sku: A, unit: 129990, q: 1 }], shipping: 4990, currentTotal: 124980 });
    expect(map(refundedAmount)).toEqual({
      ok: false,
      reasons: [
        expect.stringContaining("come to 1349.80 TL but Shopify's total is 1249.80 TL, a difference of +100.00 TL"),
      ],
    });
  });

  it('fails a foreign-currency order under orders.foreignCurrency fail', () => {
    const result = map(presentmentOrder, { foreignCurrency: 'fail' });
    expect(result.ok).toBe(false);
  });

  it('names the gift card left out in a warning', () => {
    const result = map(CASES['a tip and a gift card sold with the goods: both left out']!.order);
    expect(result.ok && result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/line 2 .* is a gift card \(500\.00\): left out/)]),
    );
  });
});
