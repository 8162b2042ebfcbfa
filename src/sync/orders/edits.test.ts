import { describe, expect, it } from 'vitest';
import { aBeltLine, aLineItem, anAddress, aShopifyOrder } from '../../../test/builders/shopify-order.js';
import type { SentosOrder } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { decideOrderAction } from './decide.js';
import { orderDifferences } from './edits.js';
import { mapShopifyOrder } from './map.js';
import { mapOk } from './map-test-kit.js';
import { orderSettings } from './settings.js';

/** What Sentos holds after the reference order #1042 was pushed: the lines, shipping and address as sent. */
function asPushed(overrides: Partial<SentosOrder> = {}): SentosOrder {
  return {
    id: '88231',
    orderId: '6123456789012',
    orderCode: '1042',
    status: 2,
    lines: [
      { sku: 'STD-ELB-1042-SYH-S', quantity: 1, price: 129990, vatRate: 10 },
      { sku: 'STD-KMR-0007', quantity: 2, price: 24990, vatRate: 20 },
    ],
    shippingTotal: 4990,
    shipmentAddress: {
      address: 'Caferağa Mah. Moda Cad. No:12 D:3',
      city: 'İstanbul',
      district: 'Kadıköy',
      zipCode: '34710',
    },
    ...overrides,
  };
}

/** Mapped without the SKU index (a new SKU is the point of some cases). */
function payloadOf(order: ShopifyOrder) {
  const result = mapShopifyOrder(order, { settings: orderSettings() });
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.payload;
}
const gainedLine = aShopifyOrder({
  lineItems: [aLineItem(), aBeltLine(), aLineItem({ id: 'gid://shopify/LineItem/13003', sku: 'STD-ELB-1042-SYH-S' })],
});

describe('orderDifferences: what Sentos holds against what would be sent', () => {
  it('none for the order as pushed', () => {
    expect(orderDifferences(payloadOf(aShopifyOrder()), asPushed())).toEqual([]);
  });

  it.each<[string, ShopifyOrder, Partial<SentosOrder>, string[]]>([
    [
      'a line added',
      aShopifyOrder({
        lineItems: [
          aLineItem(),
          aBeltLine(),
          aBeltLine({ id: 'x', sku: 'STD-YENİ-1', quantity: 1, currentQuantity: 1 }),
        ],
      }),
      {},
      ['line STD-YENİ-1 × 1 is in Shopify but not in Sentos (added after the push)'],
    ],
    [
      'a unit of the same SKU added: quantities per SKU',
      gainedLine,
      {},
      ['line STD-ELB-1042-SYH-S: quantity Sentos 1 → Shopify 2'],
    ],
    [
      'a line refunded away',
      aShopifyOrder({ lineItems: [aLineItem(), aBeltLine({ currentQuantity: 0 })] }),
      {},
      ['line STD-KMR-0007 × 2 is in Sentos but no longer in Shopify (removed or refunded)'],
    ],
    [
      'a price recalculated (taxes after an address change)',
      aShopifyOrder({ lineItems: [aLineItem(), aBeltLine({ discountedUnitPrice: 23990 })] }),
      {},
      ['line STD-KMR-0007: amount Sentos 499.80 → Shopify 479.80'],
    ],
    [
      'a VAT rate recalculated',
      aShopifyOrder(),
      {
        lines: [
          { sku: 'STD-ELB-1042-SYH-S', quantity: 1, price: 129990, vatRate: 20 },
          { sku: 'STD-KMR-0007', quantity: 2, price: 24990 },
        ],
      },
      ['line STD-ELB-1042-SYH-S: vat_rate Sentos 20 → Shopify 10'],
    ],
    ['shipping changed', aShopifyOrder({ shippingTotal: 0 }), {}, ['shipping_total: Sentos 49.90 → Shopify 0.00']],
    [
      'the shipping address corrected',
      aShopifyOrder({ shippingAddress: anAddress({ address1: 'Bağdat Cad. No:5', address2: undefined }) }),
      {},
      [
        'shipment address: Sentos "Caferağa Mah. Moda Cad. No:12 D:3, Kadıköy, İstanbul, 34710" → ' +
          'Shopify "Bağdat Cad. No:5, Kadıköy, İstanbul, 34710"',
      ],
    ],
  ])('%s', (_label, order, remote, expected) => {
    expect(orderDifferences(payloadOf(order), asPushed(remote))).toEqual(expected);
  });

  it('compares only what Sentos answered: no prices, no shipping, no address, no lines → no difference', () => {
    const bare = asPushed({ lines: [], shippingTotal: undefined, shipmentAddress: undefined });
    expect(orderDifferences(payloadOf(aShopifyOrder({ shippingTotal: 0 })), bare)).toEqual([]);
    const unpriced = asPushed({ lines: asPushed().lines.map(({ sku, quantity }) => ({ sku, quantity })) });
    expect(orderDifferences(payloadOf(aShopifyOrder()), unpriced)).toEqual([]);
  });
});

describe('decideOrderAction on an order Sentos has that changed in Shopify', () => {
  const decide = (order: ShopifyOrder, remote: SentosOrder, hash = 'old') =>
    decideOrderAction({
      order,
      mapped: mapOk(order),
      ledgerEntry: { sentosId: '88231', hash, status: 2 },
      remote: [remote],
    });

  it('a gained line is needs-attention, never unchanged', () => {
    expect(decide(gainedLine, asPushed())).toEqual({
      action: 'needs-attention',
      sentosId: '88231',
      differences: ['line STD-ELB-1042-SYH-S: quantity Sentos 1 → Shopify 2'],
    });
  });

  it('the ledger cannot hide it: an unchanged hash is skipped only while Sentos is not asked', () => {
    const mapped = mapOk(gainedLine);
    const ledgerEntry = { sentosId: '88231', hash: mapped.hash, status: 2 };
    expect(decideOrderAction({ order: gainedLine, mapped, ledgerEntry })).toMatchObject({ action: 'skip' });
    expect(
      decideOrderAction({ order: gainedLine, mapped, ledgerEntry: { ...ledgerEntry, hash: 'sent-before' } }),
    ).toEqual({
      action: 'lookup',
    });
  });

  it('a status Sentos can take still goes out with it (shipped and edited)', () => {
    const shipped = aShopifyOrder({
      lineItems: gainedLine.lineItems,
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [{ status: 'SUCCESS', trackingCompany: 'Aras Kargo', trackingNumber: 'AR1' }],
    });
    expect(decide(shipped, asPushed())).toMatchObject({
      action: 'needs-attention',
      update: { status: 5, data: { tracking_number: 'AR1', cargo_company: 'Aras Kargo' } },
    });
  });

  it('a cancel is a plain update: status 6 tells Sentos nothing is owed', () => {
    const cancelled = aShopifyOrder({
      lineItems: [aLineItem(), aBeltLine({ currentQuantity: 0 })],
      cancelledAt: '2026-11-28T08:00:00Z',
      displayFinancialStatus: 'REFUNDED',
    });
    expect(decide(cancelled, asPushed())).toEqual({ action: 'update', sentosId: '88231', payload: { status: 6 } });
  });
});
