import { describe, expect, it } from 'vitest';
import { aBeltLine, aLineItem, aShopifyOrder } from '../../../test/builders/shopify-order.js';
import { map, mapOk } from './map-test-kit.js';

describe('mapShopifyOrder: payment, currency, status', () => {
  it.each([
    ['cash on delivery', ['Kapıda Ödeme'], 'PENDING', 'KAPIDAODEME/NAKIT', 1],
    ['COD in English', ['Cash on Delivery (COD)'], 'PENDING', 'KAPIDAODEME/NAKIT', 1],
    ['card on delivery', ['Kapıda Kredi Kartı'], 'PENDING', 'KAPIDAODEME/KREDIKARTI', 1],
    ['bank transfer awaited', ['Havale/EFT'], 'PENDING', 'EFT/HAVALE', 1],
    ['bank transfer received', ['Bank Deposit'], 'PAID', 'EFT/HAVALE', 2],
    ['card, authorized', ['iyzico'], 'AUTHORIZED', 'KREDIKARTI/BANKAKARTI', 2],
    ['partially refunded stays approved', ['shopify_payments'], 'PARTIALLY_REFUNDED', 'KREDIKARTI/BANKAKARTI', 2],
    ['refunded', ['shopify_payments'], 'REFUNDED', 'KREDIKARTI/BANKAKARTI', 6],
    ['an enum value added later', ['shopify_payments'], 'SOMETHING_NEW', 'KREDIKARTI/BANKAKARTI', 1],
  ])('%s', (_label, paymentGatewayNames, displayFinancialStatus, method, status) => {
    const { payload } = mapOk(aShopifyOrder({ paymentGatewayNames, displayFinancialStatus }));
    expect({ method: payload.payment_method, status: payload.status }).toEqual({ method, status });
  });

  it('lets a merchant override one status rule', () => {
    const order = aShopifyOrder({ paymentGatewayNames: ['Kapıda Ödeme'], displayFinancialStatus: 'PENDING' });
    expect(mapOk(order, { statusMap: { pendingCashOnDelivery: 2 } }).payload.status).toBe(2);
    expect(mapOk(order, { statusMap: { pendingCashOnDelivery: 2 } }).payload.payment_method).toBe('KAPIDAODEME/NAKIT');
  });

  it('falls back to the default payment method with a warning naming the gateway', () => {
    const result = mapOk(aShopifyOrder({ paymentGatewayNames: ['manual'] }), { defaultPaymentMethod: 'EFT/HAVALE' });
    expect(result.payload.payment_method).toBe('EFT/HAVALE');
    expect(result.warnings).toEqual([
      expect.stringContaining('#1042: payment gateway ["manual"] is not in the payment map'),
    ]);
  });

  it('sends a foreign-currency order in shop money with a warning (default policy)', () => {
    const result = mapOk(aShopifyOrder({ presentmentCurrencyCode: 'EUR' }));
    expect(result.payload.currency).toBe('TL');
    expect(result.payload.lines[0]?.price).toBe(1299.9);
    expect(result.warnings).toEqual([expect.stringContaining('#1042: paid in EUR, shop currency TRY')]);
  });

  it('fails a foreign-currency order when the policy says so', () => {
    expect(map(aShopifyOrder({ presentmentCurrencyCode: 'EUR' }), { foreignCurrency: 'fail' })).toEqual({
      ok: false,
      reasons: [expect.stringMatching(/^#1042: paid in EUR.*foreignCurrency/)],
    });
  });

  it('sends a non-TRY shop currency as its ISO code', () => {
    expect(mapOk(aShopifyOrder({ currencyCode: 'EUR', presentmentCurrencyCode: 'EUR' })).payload.currency).toBe('EUR');
  });
});

describe('mapShopifyOrder: cancelled, refunded and fulfilled orders', () => {
  it('maps a cancelled order to 6 and keeps the remaining quantities', () => {
    const { payload } = mapOk(
      aShopifyOrder({
        cancelledAt: '2026-11-27T12:00:00Z',
        cancelReason: 'CUSTOMER',
        displayFinancialStatus: 'VOIDED',
      }),
    );
    expect(payload.status).toBe(6);
    expect(payload.lines.map((line) => line.quantity)).toEqual([1, 2]);
  });

  it('keeps the original quantities of a cancelled order with nothing left, so the cancel is recorded', () => {
    const order = aShopifyOrder({
      cancelledAt: '2026-11-27T12:00:00Z',
      displayFinancialStatus: 'REFUNDED',
      lineItems: [aLineItem({ currentQuantity: 0 }), aBeltLine({ currentQuantity: 0 })],
    });
    const result = mapOk(order);
    expect(result.payload.status).toBe(6);
    expect(result.payload.lines.map((line) => line.quantity)).toEqual([1, 2]);
    expect(result.warnings).toEqual([expect.stringContaining('sent the original quantities')]);
  });

  it('drops a fully refunded line from a partially refunded order', () => {
    const order = aShopifyOrder({
      displayFinancialStatus: 'PARTIALLY_REFUNDED',
      lineItems: [aLineItem({ currentQuantity: 0 }), aBeltLine({ currentQuantity: 1 })],
    });
    const { payload } = mapOk(order);
    expect(payload.status).toBe(2);
    expect(payload.lines).toEqual([expect.objectContaining({ sku: 'STD-KMR-0007', quantity: 1 })]);
  });

  it('fails an open order with no line left', () => {
    const order = aShopifyOrder({ lineItems: [aLineItem({ currentQuantity: 0 })] });
    expect(map(order)).toEqual({ ok: false, reasons: [expect.stringMatching(/^#1042: no line has a quantity left/)] });
  });

  it('maps a fulfilled order with tracking to 5 and carries the cargo data', () => {
    const order = aShopifyOrder({
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [
        { status: 'CANCELLED', trackingCompany: 'Aras Kargo', trackingNumber: 'OLD1' },
        {
          status: 'SUCCESS',
          trackingCompany: 'Yurtiçi Kargo',
          trackingNumber: ' YK123456 ',
          trackingUrl: 'https://yurticikargo.com/t/YK123456',
        },
      ],
    });
    const result = mapOk(order);
    expect(result.payload.status).toBe(5);
    expect(result.stateKey).toBe('fulfilled');
    expect(result.tracking).toEqual({
      cargo_company: 'Yurtiçi Kargo',
      tracking_number: 'YK123456',
      tracking_url: 'https://yurticikargo.com/t/YK123456',
    });
  });

  it('changes the hash when tracking arrives on an already fulfilled order', () => {
    const untracked = mapOk(aShopifyOrder({ displayFulfillmentStatus: 'FULFILLED' }));
    const tracked = mapOk(
      aShopifyOrder({
        displayFulfillmentStatus: 'FULFILLED',
        fulfillments: [{ status: 'SUCCESS', trackingNumber: 'X1' }],
      }),
    );
    expect(untracked.stateKey).toBe('fulfilledWithoutTracking');
    expect(untracked.payload).toEqual(tracked.payload);
    expect(untracked.hash).not.toBe(tracked.hash);
  });
});
