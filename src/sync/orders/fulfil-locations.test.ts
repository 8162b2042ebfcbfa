import { describe, expect, it } from 'vitest';
import type { ShopifyOrderFulfilment } from '../../shopify/fulfillments.js';
import { aLineItem, aShopifyOrder } from '../../../test/builders/shopify-order.js';
import { holdByLineLocation, lineLocationsOf, lineWarehousesOf, warehouseByLocation } from './fulfil-locations.js';

const fo = (locationId: string, status: string, lines: Array<[lineItemId: string, remaining: number]>) => ({
  id: `FO-${locationId}-${status}`,
  status,
  locationId,
  lines: lines.map(([lineItemId, remainingQuantity]) => ({
    id: `x${lineItemId}`,
    lineItemId,
    remainingQuantity,
    totalQuantity: 2,
  })),
});
const fulfilment = (fulfillmentOrders: ShopifyOrderFulfilment['fulfillmentOrders']): ShopifyOrderFulfilment => ({
  orderId: 'O1',
  name: '#1',
  displayFulfillmentStatus: 'UNFULFILLED',
  cancelled: false,
  fulfillments: [],
  fulfillmentOrders,
  truncated: false,
});

describe('warehouseByLocation', () => {
  it.each([
    [
      'one warehouse per location',
      [
        ['1', 'L1'],
        ['2', 'L2'],
      ],
      undefined,
      [
        ['L1', 1],
        ['L2', 2],
      ],
    ],
    [
      'several feed one location: the first',
      [
        ['1', 'L1'],
        ['3', 'L1'],
      ],
      undefined,
      [['L1', 1]],
    ],
    [
      'several feed one location: orders.warehouseId wins',
      [
        ['1', 'L1'],
        ['3', 'L1'],
      ],
      3,
      [['L1', 3]],
    ],
    ['a non-numeric key is no warehouse_id', [['MERKEZ', 'L1']], undefined, []],
  ] as const)('%s', (_name, pairs, preferred, expected) => {
    expect([...warehouseByLocation(new Map(pairs), preferred)]).toEqual(expected);
  });
});

describe('lineLocationsOf', () => {
  it('takes the fulfilment order with units left first, and skips cancelled ones', () => {
    const lines = lineLocationsOf(
      fulfilment([
        fo('L9', 'CANCELLED', [['A', 2]]),
        fo('L1', 'CLOSED', [['A', 0]]),
        fo('L2', 'OPEN', [
          ['A', 1],
          ['B', 2],
        ]),
      ]),
    );
    expect([...lines]).toEqual([
      ['A', 'L2'],
      ['B', 'L2'],
    ]);
    expect([...lineWarehousesOf(lines, new Map([['L2', 2]]))]).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
  });
});

describe('holdByLineLocation', () => {
  it('holds each line where it ships, and everywhere when its location is unknown', () => {
    const order = aShopifyOrder({
      id: 'O1',
      lineItems: [
        aLineItem({ id: 'A', sku: 'S-1', quantity: 2, currentQuantity: 2 }),
        aLineItem({ id: 'B', sku: 'S-1', quantity: 1, currentQuantity: 1 }),
        aLineItem({ id: 'C', sku: 'S-2', quantity: 3, currentQuantity: 0 }),
      ],
    });
    const hold = holdByLineLocation([order], new Map([['O1', new Map([['A', 'L2']])]]));
    expect([...hold].map(([sku, where]) => [sku, [...where]])).toEqual([
      [
        'S-1',
        [
          ['L2', 2],
          ['*', 1],
        ],
      ],
    ]);
  });
});
