import { describe, expect, it } from 'vitest';
import type { ShopifyOrderFulfilment } from '../../shopify/fulfillments.js';
import { shopifyCarrier } from './fulfil-carriers.js';
import { planFulfilment, trackingInfoOf } from './fulfil-plan.js';

const fo = (id: string, locationId: string, status = 'OPEN', remaining = [2]) => ({
  id,
  status,
  locationId,
  locationName: `Depo ${locationId}`,
  lines: remaining.map((r, i) => ({
    id: `${id}-L${i}`,
    lineItemId: `LI${i}`,
    remainingQuantity: r,
    totalQuantity: 2,
  })),
});

const anOrder = (overrides: Partial<ShopifyOrderFulfilment> = {}): ShopifyOrderFulfilment => ({
  orderId: 'gid://shopify/Order/1',
  name: '#1001',
  displayFulfillmentStatus: 'UNFULFILLED',
  cancelled: false,
  fulfillments: [],
  fulfillmentOrders: [fo('FO1', 'L1')],
  truncated: false,
  ...overrides,
});
const shipment = {
  sentosId: '88001',
  trackingNumber: '700123',
  cargoCompany: 'Yurtiçi',
  trackingUrl: 'https://t.example/700123',
};
const shipped = (number: string, status = 'SUCCESS') => ({ id: 'F1', status, tracking: [{ number }] });

describe('shopifyCarrier', () => {
  it.each([
    ['YURTİÇİ KARGO', 'Yurtiçi Kargo', false],
    ['yurtici', 'Yurtiçi Kargo', false],
    ['Aras Kargo', 'Aras Kargo', false],
    ['MNG', 'MNG Kargo', false],
    ['PTT KARGO', 'PTT Kargo', false],
    ['Sürat Kargo', 'Sürat Kargo', false],
    ['UPS Kargo', 'UPS', true],
    ['dhl', 'DHL Express', true],
    ['DHL eCommerce', 'DHL eCommerce', true],
    ['Sentos Kargo', 'Sentos Kargo', false],
  ])('%s → %s', (given, company, known) => {
    expect(shopifyCarrier(given)).toEqual({ company, known });
  });

  it('an empty name gives no company', () => {
    expect(shopifyCarrier('  ')).toBeUndefined();
  });
});

describe('trackingInfoOf', () => {
  it('keeps a web link only, and only with a number', () => {
    expect(trackingInfoOf({ ...shipment, trackingUrl: 'not a url' })).toEqual({
      company: 'Yurtiçi Kargo',
      number: '700123',
    });
    expect(trackingInfoOf({ sentosId: '1', trackingUrl: 'https://t.example/x' })).toBeUndefined();
  });
});

describe('planFulfilment', () => {
  const options = { notifyCustomer: true };

  it('ships every open line of an unfulfilled order with the tracking', () => {
    expect(planFulfilment(anOrder(), shipment, options)).toEqual({
      kind: 'create',
      resumed: false,
      requests: [
        {
          locationId: 'L1',
          locationName: 'Depo L1',
          input: {
            lineItemsByFulfillmentOrder: [
              { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'FO1-L0', quantity: 2 }] },
            ],
            notifyCustomer: true,
            trackingInfo: { company: 'Yurtiçi Kargo', number: '700123', url: 'https://t.example/700123' },
          },
        },
      ],
    });
  });

  it('one request per location; closed fulfilment orders and spent lines are left out', () => {
    const order = anOrder({
      fulfillmentOrders: [
        fo('FO1', 'L1', 'OPEN', [2, 0]),
        fo('FO2', 'L2'),
        fo('FO3', 'L1', 'CLOSED', [0]),
        fo('FO4', 'L1'),
      ],
    });
    const plan = planFulfilment(order, shipment, { notifyCustomer: false });
    if (plan.kind !== 'create') throw new Error(plan.kind);
    expect(plan.requests.map((r) => [r.locationId, r.input.lineItemsByFulfillmentOrder])).toEqual([
      [
        'L1',
        [
          { fulfillmentOrderId: 'FO1', fulfillmentOrderLineItems: [{ id: 'FO1-L0', quantity: 2 }] },
          { fulfillmentOrderId: 'FO4', fulfillmentOrderLineItems: [{ id: 'FO4-L0', quantity: 2 }] },
        ],
      ],
      ['L2', [{ fulfillmentOrderId: 'FO2', fulfillmentOrderLineItems: [{ id: 'FO2-L0', quantity: 2 }] }]],
    ]);
    expect(plan.requests[0]?.input.notifyCustomer).toBe(false);
  });

  it.each([
    [
      'our number on a fulfilment, nothing open',
      { fulfillments: [shipped('700123')], fulfillmentOrders: [fo('FO1', 'L1', 'CLOSED', [0])] },
      'done',
    ],
    [
      'fulfilled by someone else',
      { fulfillments: [shipped('999')], fulfillmentOrders: [fo('FO1', 'L1', 'CLOSED', [0])] },
      'skip',
    ],
    ['cancelled in Shopify', { cancelled: true }, 'skip'],
    ['on hold', { fulfillmentOrders: [fo('FO1', 'L1', 'ON_HOLD')] }, 'fail'],
    ['too big to read in one go', { truncated: true }, 'fail'],
  ] as Array<[string, Partial<ShopifyOrderFulfilment>, string]>)('%s → %s', (_name, overrides, kind) => {
    expect(planFulfilment(anOrder(overrides), shipment, options).kind).toBe(kind);
  });

  it('a cancelled fulfilment with our number does not count: the open lines are shipped', () => {
    const plan = planFulfilment(anOrder({ fulfillments: [shipped('700123', 'CANCELLED')] }), shipment, options);
    expect(plan).toMatchObject({ kind: 'create', resumed: false });
  });

  it('our number on one location, another still open: only the open one is shipped (resumed)', () => {
    const order = anOrder({
      fulfillments: [shipped('700123')],
      fulfillmentOrders: [fo('FO1', 'L1', 'CLOSED', [0]), fo('FO2', 'L2')],
    });
    const plan = planFulfilment(order, shipment, options);
    expect(plan).toMatchObject({ kind: 'create', resumed: true, requests: [{ locationId: 'L2' }] });
  });
});
