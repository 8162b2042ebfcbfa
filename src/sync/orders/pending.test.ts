import { describe, expect, it } from 'vitest';
import { aBeltLine, aLineItem, aShopifyOrder } from '../../../test/builders/shopify-order.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { pendingQuantities } from './pending.js';

const READ_AT = 1_700_000_000_000;
const dress = 'STD-ELB-1042-SYH-S';
const belt = 'STD-KMR-0007';

const order = (legacyId: string, overrides: Partial<ShopifyOrder> = {}): ShopifyOrder =>
  aShopifyOrder({ legacyId, id: `gid://shopify/Order/${legacyId}`, name: `#${legacyId}`, ...overrides });

type Case = [string, ShopifyOrder[], Array<[string, number, number?]>, Record<string, number>];

const cases: Case[] = [
  ['never pushed → all open quantities', [order('1')], [], { [dress]: 1, [belt]: 2 }],
  ['pushed before the Sentos read → nothing', [order('1')], [['1', READ_AT - 1]], {}],
  ['pushed before the read as approved (2) → nothing', [order('1')], [['1', READ_AT - 1, 2]], {}],
  ['pushed before the read as shipped (5) → nothing', [order('1')], [['1', READ_AT - 1, 5]], {}],
  [
    'pushed before the read but awaiting approval (1): Sentos took no stock → held back',
    [order('1')],
    [['1', READ_AT - 1, 1]],
    { [dress]: 1, [belt]: 2 },
  ],
  ['pushed at the read instant → still held back', [order('1')], [['1', READ_AT]], { [dress]: 1, [belt]: 2 }],
  ['pushed after the Sentos read → held back', [order('1')], [['1', READ_AT + 5_000]], { [dress]: 1, [belt]: 2 }],
  [
    'failed to push (not in the sent map) → held back',
    [order('1'), order('2')],
    [['2', READ_AT - 10]],
    { [dress]: 1, [belt]: 2 },
  ],
  [
    'several orders → summed per SKU',
    [order('1'), order('2', { lineItems: [aBeltLine({ quantity: 3, currentQuantity: 3 })] })],
    [],
    { [dress]: 1, [belt]: 5 },
  ],
  ['cancelled → nothing', [order('1', { cancelledAt: '2026-11-27T12:00:00Z' })], [], {}],
  ['fully refunded → nothing', [order('1', { displayFinancialStatus: 'REFUNDED' })], [], {}],
  ['voided → nothing', [order('1', { displayFinancialStatus: 'VOIDED' })], [], {}],
  [
    'partially refunded → current quantities only',
    [
      order('1', {
        displayFinancialStatus: 'PARTIALLY_REFUNDED',
        lineItems: [aLineItem({ currentQuantity: 0 }), aBeltLine({ currentQuantity: 1 })],
      }),
    ],
    [],
    { [belt]: 1 },
  ],
  [
    'fulfilled in Shopify but not in Sentos → still held back',
    [order('1', { displayFulfillmentStatus: 'FULFILLED' })],
    [],
    { [dress]: 1, [belt]: 2 },
  ],
  [
    'pending payment (COD) → held back',
    [order('1', { displayFinancialStatus: 'PENDING', paymentGatewayNames: ['Kapıda Ödeme'] })],
    [],
    { [dress]: 1, [belt]: 2 },
  ],
  ['test order → nothing', [order('1', { test: true })], [], {}],
  [
    'line without SKU ignored; SKU trimmed; Turkish SKU kept',
    [
      order('1', {
        lineItems: [aLineItem({ sku: undefined }), aLineItem({ sku: ' ÇANTA-İ ', currentQuantity: 4, quantity: 4 })],
      }),
    ],
    [],
    { 'ÇANTA-İ': 4 },
  ],
];

describe('pendingQuantities', () => {
  it.each(cases)('%s', (_label, orders, sent, expected) => {
    const sentAt = new Map(sent.map(([id, sentAtMs, status]) => [id, { sentAtMs, status }]));
    expect(Object.fromEntries(pendingQuantities(orders, sentAt, READ_AT))).toEqual(expected);
  });

  it('takes the stock-taking statuses from the options (a tenant that books stock on approval request)', () => {
    const sentAt = new Map([['1', { sentAtMs: READ_AT - 1, status: 1 }]]);
    expect(
      Object.fromEntries(pendingQuantities([order('1')], sentAt, READ_AT, { stockTakingStatuses: [1, 2] })),
    ).toEqual({});
  });

  it('counts test orders when asked to', () => {
    const result = pendingQuantities([order('1', { test: true })], new Map(), READ_AT, { includeTestOrders: true });
    expect(Object.fromEntries(result)).toEqual({ [dress]: 1, [belt]: 2 });
  });
});
