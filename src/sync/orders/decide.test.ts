import { describe, expect, it } from 'vitest';
import { aShopifyOrder } from '../../../test/builders/shopify-order.js';
import type { SentosOrder } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { decideOrderAction, type DecideOrderInput, type OrderAction } from './decide.js';
import { mapShopifyOrder, type MappedOrder } from './map.js';
import { orderSettings } from './settings.js';

const paid = aShopifyOrder();
const cancelled = aShopifyOrder({ cancelledAt: '2026-11-28T08:00:00Z', displayFinancialStatus: 'REFUNDED' });
const shipped = aShopifyOrder({
  displayFulfillmentStatus: 'FULFILLED',
  fulfillments: [
    {
      status: 'SUCCESS',
      trackingCompany: 'Aras Kargo',
      trackingNumber: 'AR998877',
      trackingUrl: 'https://kargotakip.araskargo.com.tr/AR998877',
    },
  ],
});
const pendingCod = aShopifyOrder({ displayFinancialStatus: 'PENDING', paymentGatewayNames: ['Kapıda Ödeme'] });
const testOrder = aShopifyOrder({ test: true });

function mapped(order: ShopifyOrder): MappedOrder {
  const result = mapShopifyOrder(order, { settings: orderSettings({ channelId: 3 }) });
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result;
}

function remote(overrides: Partial<SentosOrder> = {}): SentosOrder {
  return { id: '88231', orderId: '6123456789012', orderCode: '1042', status: 2, lines: [], ...overrides };
}

/**
 * Sentos echoes ids as numbers sometimes (docs/sentos-api.md#order-shape-and-status-codes); the client may pass them
 * through.
 */
const numeric = (value: number): string => value as unknown as string;

const tracking = {
  cargo_company: 'Aras Kargo',
  tracking_number: 'AR998877',
  tracking_url: 'https://kargotakip.araskargo.com.tr/AR998877',
};
const ledgerOf = (order: ShopifyOrder) => ({
  sentosId: '88231',
  hash: mapped(order).hash,
  status: mapped(order).payload.status,
});
const staleLedger = { sentosId: '88231', hash: 'f'.repeat(64), status: 2 };

type Case = [string, ShopifyOrder, Omit<DecideOrderInput, 'order' | 'mapped'>, OrderAction | Record<string, unknown>];

const cases: Case[] = [
  ['no ledger, not looked up → lookup', paid, {}, { action: 'lookup' }],
  [
    'ledger hash unchanged → skip without a lookup',
    paid,
    { ledgerEntry: ledgerOf(paid) },
    { action: 'skip', reason: 'unchanged', sentosId: '88231' },
  ],
  ['ledger hash stale → lookup', paid, { ledgerEntry: staleLedger }, { action: 'lookup' }],
  ['no remote copy → create', paid, { remote: [] }, { action: 'create', payload: mapped(paid).payload }],
  [
    'ledger present but remote missing → create (the ledger is not the guarantee)',
    paid,
    { ledgerEntry: staleLedger, remote: [] },
    { action: 'create' },
  ],
  [
    'only unrelated remote orders → create',
    paid,
    { remote: [remote({ id: '5', orderId: '999', orderCode: '77' })] },
    { action: 'create' },
  ],
  [
    'remote by order_id as string, same status → skip',
    paid,
    { remote: [remote()] },
    { action: 'skip', reason: 'unchanged', sentosId: '88231' },
  ],
  [
    'remote by order_id as number, same status → skip, never create',
    paid,
    { remote: [remote({ id: numeric(88231), orderId: numeric(6123456789012), orderCode: numeric(1042) })] },
    { action: 'skip', reason: 'unchanged', sentosId: '88231' },
  ],
  [
    'remote by order_id as number, status behind → update',
    shipped,
    { remote: [remote({ orderId: numeric(6123456789012) })] },
    { action: 'update', sentosId: '88231', payload: { status: 5, data: tracking } },
  ],
  [
    'remote found by order_code only (no order_id of its own) → update, not create',
    cancelled,
    { remote: [remote({ orderId: '' })] },
    { action: 'update', sentosId: '88231', payload: { status: 6 } },
  ],
  [
    'order_code under another order_id (another channel) → create ours, with a warning naming the other',
    paid,
    { remote: [remote({ id: '700', orderId: 'TY-555', orderCode: '1042', source: 'Trendyol' })] },
    {
      action: 'create',
      warning: expect.stringMatching(
        /order code 1042 under another order: Sentos id 700 \(order_id TY-555, Trendyol\)/,
      ),
    },
  ],
  [
    "ours by order_id next to another channel's order with the same code → ours, no create",
    paid,
    { remote: [remote({ id: '700', orderId: 'TY-555', orderCode: '1042' }), remote({ status: 2 })] },
    { action: 'skip', reason: 'unchanged', sentosId: '88231' },
  ],
  [
    'two remote copies → conflict naming both',
    paid,
    { remote: [remote({ id: '88231' }), remote({ id: numeric(88240) })] },
    {
      action: 'conflict',
      sentosIds: ['88231', '88240'],
      reason: expect.stringMatching(/^#1042 exists 2 times in Sentos .*88231, 88240/),
    },
  ],
  [
    'cancelled in Shopify → status 6 update',
    cancelled,
    { remote: [remote({ status: 2 })] },
    { action: 'update', sentosId: '88231', payload: { status: 6 } },
  ],
  [
    'cancelled after delivery (a return) → status 6 update',
    cancelled,
    { remote: [remote({ status: 99 })] },
    { action: 'update', payload: { status: 6 } },
  ],
  [
    'cancelled in both (status echoed as a string) → skip',
    cancelled,
    { remote: [remote({ status: '6' as unknown as number })] },
    { action: 'skip', reason: 'unchanged' },
  ],
  [
    'cancelled in Sentos, live in Shopify → conflict',
    paid,
    { remote: [remote({ status: 6 })] },
    { action: 'conflict', sentosIds: ['88231'] },
  ],
  [
    'fulfilled with tracking → 5 with the data block',
    shipped,
    { ledgerEntry: staleLedger, remote: [remote({ status: 4 })] },
    { action: 'update', sentosId: '88231', payload: { status: 5, data: tracking } },
  ],
  [
    'shipped already, tracking number changed → update',
    shipped,
    { remote: [remote({ status: 5, trackingNumber: 'AR000' })] },
    { action: 'update', payload: { status: 5, data: tracking } },
  ],
  [
    'shipped already, same tracking → skip',
    shipped,
    { remote: [remote({ status: 5, trackingNumber: 'AR998877' })] },
    { action: 'skip', reason: 'unchanged' },
  ],
  [
    'paid in Shopify, pending in Sentos → update to 2',
    paid,
    { remote: [remote({ status: 1 })] },
    { action: 'update', payload: { status: 2 } },
  ],
  [
    'Sentos further along (preparing) → never moved back',
    paid,
    { remote: [remote({ status: 4 })] },
    { action: 'skip', reason: 'remote-ahead' },
  ],
  [
    'pending COD, approved in Sentos → remote-ahead',
    pendingCod,
    { remote: [remote({ status: 2 })] },
    { action: 'skip', reason: 'remote-ahead' },
  ],
  [
    'shipped, Sentos says delivered → remote-ahead',
    shipped,
    { remote: [remote({ status: 99 })] },
    { action: 'skip', reason: 'remote-ahead' },
  ],
  ['test order → skip', testOrder, { remote: [] }, { action: 'skip', reason: 'test-order' }],
  ['test order included → create', testOrder, { remote: [], includeTestOrders: true }, { action: 'create' }],
];

describe('decideOrderAction', () => {
  it.each(cases)('%s', (_label, order, input, expected) => {
    expect(decideOrderAction({ order, mapped: mapped(order), ...input })).toMatchObject(expected);
  });

  it('never creates when any remote copy matches by order_id, whatever the ledger says', () => {
    for (const ledgerEntry of [undefined, staleLedger, ledgerOf(paid)]) {
      for (const status of [1, 2, 3, 4, 5, 6, 99]) {
        const action = decideOrderAction({
          order: paid,
          mapped: mapped(paid),
          ledgerEntry,
          remote: [remote({ status })],
        });
        expect(action.action).not.toBe('create');
      }
    }
  });

  it('creates a fulfilled order with a follow-up PUT for its cargo data', () => {
    expect(decideOrderAction({ order: shipped, mapped: mapped(shipped), remote: [] })).toEqual({
      action: 'create',
      payload: expect.objectContaining({ status: 5, order_id: '6123456789012' }),
      followUp: { status: 5, data: tracking },
    });
  });

  it('creates a cancelled order that Sentos never saw, as status 6 with no follow-up', () => {
    const action = decideOrderAction({ order: cancelled, mapped: mapped(cancelled), remote: [] });
    expect(action).toEqual({ action: 'create', payload: expect.objectContaining({ status: 6 }) });
  });
});
