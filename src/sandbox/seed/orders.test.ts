import { describe, expect, it } from 'vitest';
import { generateShopifyOrders, orderTotalMinor, type SeedOrder } from './orders.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const ITEMS = [
  { sku: 'TS-1', name: 'Tişört', variantTitle: 'Kırmızı / S', price: '349.90', vatRate: 10 },
  { sku: 'KP-1', name: 'Kupa', price: '189.90', vatRate: 0.2 },
  { sku: 'CN-1', name: 'Çanta', price: '1299.90', vatRate: 20 },
];

function generate(seed = 1, count = 20): SeedOrder[] {
  return generateShopifyOrders({ seed, count, items: ITEMS, locations: [{ name: 'Merkez Depo' }], now: NOW });
}

describe('generateShopifyOrders', () => {
  it('is deterministic by seed', () => {
    expect(generate(5)).toEqual(generate(5));
    expect(generate(5)).not.toEqual(generate(6));
  });

  it('numbers orders from #1001 in creation order, all within the last days and never in the future', () => {
    const orders = generate();
    expect(orders.map((order) => order.number)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i));
    for (const order of orders) {
      expect(order.createdAt <= order.updatedAt).toBe(true);
      expect(Date.parse(order.updatedAt)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(order.createdAt)).toBeGreaterThan(NOW - 6 * 86_400_000);
    }
    expect([...orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual(orders);
  });

  it('covers the awkward cases an order sync must handle', () => {
    const orders = generate();
    expect(orders.some((order) => order.cancelledAt && order.cancelReason === 'CUSTOMER')).toBe(true);
    expect(orders.some((order) => order.financialStatus === 'REFUNDED' && order.refunds.length > 0)).toBe(true);
    expect(orders.some((order) => order.financialStatus === 'PARTIALLY_REFUNDED')).toBe(true);
    expect(
      orders.some((order) => order.fulfillments.some((f) => f.trackingNumber && f.trackingCompany.endsWith('Kargo'))),
    ).toBe(true);
    expect(orders.some((order) => order.presentmentCurrencyCode === 'EUR' && order.currencyCode === 'TRY')).toBe(true);
    expect(orders.some((order) => order.lines.some((line) => line.sku === null))).toBe(true);
    expect(orders.some((order) => order.lines.some((line) => line.discountPerUnitMinor > 0))).toBe(true);
    expect(new Set(orders.flatMap((order) => order.lines.map((line) => line.vatRate)))).toEqual(new Set([0.1, 0.2]));
    const gateways = new Set(orders.flatMap((order) => order.paymentGatewayNames));
    expect([...gateways].some((g) => g === 'Cash on Delivery (COD)' || g === 'Kapıda Ödeme')).toBe(true);
    expect(gateways.has('Havale/EFT')).toBe(true);
  });

  it('writes Turkish customers, addresses and phone numbers', () => {
    const order = generate().find((candidate) => candidate.shippingAddress.countryCode === 'TR') as SeedOrder;
    expect(order.shippingAddress).toMatchObject({
      country: 'Türkiye',
      provinceCode: expect.stringMatching(/^TR-\d{2}$/),
      zip: expect.stringMatching(/^\d{5}$/),
    });
    expect(order.phone).toMatch(/^\+90 5\d{2} \d{3} \d{2} \d{2}$/);
    expect(order.email).toMatch(/^[a-z.]+\d+@example\.com\.tr$/);
  });

  it('refunds the whole total of a cancelled paid order and keeps lines at 1–4 (+ the custom line)', () => {
    const orders = generate();
    const cancelled = orders.find((order) => order.cancelledAt) as SeedOrder;
    expect(cancelled.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0)).toBe(orderTotalMinor(cancelled));
    for (const order of orders) expect(order.lines.length).toBeGreaterThanOrEqual(1);
    for (const order of orders) expect(order.lines.filter((line) => line.sku !== null).length).toBeLessThanOrEqual(4);
  });

  it('falls back to placeholder items', () => {
    const orders = generateShopifyOrders({ seed: 1, count: 3, now: NOW });
    expect(
      orders.flatMap((order) => order.lines).every((line) => line.sku === null || line.sku.startsWith('SB-')),
    ).toBe(true);
  });
});
