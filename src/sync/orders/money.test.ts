import { describe, expect, it } from 'vitest';
import { aLineItem, aShopifyOrder, both, kdv } from '../../../test/builders/shopify-order.js';
import { checkInvariant, lineCharge, splitUnits, spreadRemainderToLast } from './money.js';

describe('splitUnits: remainder-to-last, exact to the kuruş', () => {
  it.each([
    [
      10000,
      3,
      [
        { quantity: 2, price: 3333 },
        { quantity: 1, price: 3334 },
      ],
    ],
    [10002, 3, [{ quantity: 3, price: 3334 }]],
    [10001, 1, [{ quantity: 1, price: 10001 }]],
    [0, 2, [{ quantity: 2, price: 0 }]],
    [
      7,
      4,
      [
        { quantity: 3, price: 1 },
        { quantity: 1, price: 4 },
      ],
    ],
    [500, 0, []],
  ])('%i over %i units', (amount, quantity, expected) => {
    const parts = splitUnits(amount, quantity);
    expect(parts).toEqual(expected);
    expect(parts.reduce((sum, part) => sum + part.price * part.quantity, 0)).toBe(quantity > 0 ? amount : 0);
  });
});

describe('spreadRemainderToLast', () => {
  it.each([
    [1000, [1, 1, 1], [333, 333, 334]],
    [1001, [2, 1], [667, 334]],
    [500, [0, 0], [0, 500]],
    [0, [3, 4], [0, 0]],
  ])('%i over %j', (total, weights, expected) => {
    expect(spreadRemainderToLast(total, weights)).toEqual(expected);
  });
});

describe('lineCharge', () => {
  const line = aLineItem({
    quantity: 3,
    currentQuantity: 3,
    originalUnitPrice: 10000,
    discountAllocations: [
      { amount: both(1000), targetType: 'LINE_ITEM', targetSelection: 'EXPLICIT' },
      { amount: both(1001), targetType: 'LINE_ITEM', targetSelection: 'ALL' },
    ],
    taxLines: [kdv(20, 4600)],
  });

  it('takes every allocation off the original total, line- and order-level alike', () => {
    expect(lineCharge(line, 3, true, 'shop')).toBe(30000 - 1000 - 1001);
  });

  it('adds the tax lines when the shop prices exclude tax', () => {
    expect(lineCharge(line, 3, false, 'shop')).toBe(30000 - 2001 + 4600);
  });

  it('gives the units left their share after a refund, rounded to the kuruş', () => {
    expect(lineCharge(line, 1, true, 'shop')).toBe(Math.round(27999 / 3));
  });

  it('reads the currency money.source names', () => {
    const eur = aLineItem({ originalUnitPriceSet: { shop: 100000, presentment: 2320 } });
    expect(lineCharge(eur, 1, true, 'presentment')).toBe(2320);
    expect(lineCharge(eur, 1, true, 'shop')).toBe(100000);
  });
});

describe('checkInvariant', () => {
  const order = aShopifyOrder({ money: { currentTotal: both(10000), tips: both(500) } });
  const check = (sent: number) =>
    checkInvariant({ order, source: 'shop', sent, giftCards: 0, skipped: 0, original: false });

  it('holds within one kuruş of the current total less the tips', () => {
    expect(check(9500)).toMatchObject({ ok: true, expected: 9500, difference: 0 });
    expect(check(9501).ok).toBe(true);
    expect(check(9502)).toMatchObject({ ok: false, difference: 2, excluded: [{ what: 'tips', amount: 500 }] });
  });
});
