import { describe, expect, it } from 'vitest';
import {
  EVERY_LOCATION,
  SENTOS_CANCELLED,
  awaitsStock,
  holdAtEveryLocation,
  ledgerHoldIds,
  sentRecords,
  type LedgerView,
} from './hold.js';

const READ_AT = 1_700_000_000_000;
const sent = (shopifyId: string, status: number, sentAtMs = READ_AT - 1): LedgerView => ({
  shopifyId,
  status,
  sentAtMs,
});

describe('awaitsStock: Sentos has the order but took no stock for it', () => {
  it.each([
    [1, true],
    [2, false],
    [3, false],
    [4, false],
    [5, false],
    [99, false],
    [SENTOS_CANCELLED, false],
  ])('status %i → %s', (status, expected) => {
    expect(awaitsStock(status)).toBe(expected);
  });

  it('follows the stock-taking statuses it is given', () => {
    expect(awaitsStock(2, [3, 4, 5, 99])).toBe(true);
    expect(awaitsStock(SENTOS_CANCELLED, [])).toBe(false);
  });
});

describe('ledgerHoldIds: the orders the ledger knows Sentos does not include', () => {
  const cases: Array<[string, LedgerView[], string[], string[], string[]]> = [
    ['nothing known → nothing', [], [], [], []],
    ['a failed push → held', [], ['7'], [], ['7']],
    ['pushed awaiting approval (1) → held', [sent('1', 1)], [], [], ['1']],
    ['pushed approved (2) or delivered (99) → not held', [sent('2', 2), sent('9', 99)], [], [], []],
    ['pushed cancelled → not held', [sent('6', SENTOS_CANCELLED)], [], [], []],
    ['failures first, then waiting, no duplicate', [sent('1', 1), sent('3', 1)], ['3', '4'], [], ['3', '4', '1']],
    ['orders already read are left out', [sent('1', 1)], ['4'], ['1', '4'], []],
  ];
  it.each(cases)('%s', (_name, entries, failures, alreadyRead, expected) => {
    expect(
      ledgerHoldIds(
        entries,
        failures.map((shopifyId) => ({ shopifyId })),
        new Set(alreadyRead),
      ),
    ).toEqual(expected);
  });
});

describe('sentRecords: the ledger as pendingQuantities reads it', () => {
  it('keeps each entry as sent, and moves an order pushed in this run to the Sentos read (not before it)', () => {
    const records = sentRecords(
      [sent('1', 2, READ_AT - 5_000), sent('2', 2, READ_AT - 5_000), sent('3', 1, READ_AT + 10)],
      new Set(['2', '3']),
      READ_AT,
    );
    expect(Object.fromEntries(records)).toEqual({
      1: { sentAtMs: READ_AT - 5_000, status: 2 },
      2: { sentAtMs: READ_AT, status: 2 },
      3: { sentAtMs: READ_AT + 10, status: 1 },
    });
  });
});

describe('holdAtEveryLocation', () => {
  it('holds each SKU at every location', () => {
    const held = holdAtEveryLocation(
      new Map([
        ['A', 2],
        ['B', 1],
      ]),
    );
    expect([...held].map(([sku, at]) => [sku, Object.fromEntries(at)])).toEqual([
      ['A', { [EVERY_LOCATION]: 2 }],
      ['B', { [EVERY_LOCATION]: 1 }],
    ]);
  });
});
