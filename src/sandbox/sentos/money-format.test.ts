import { describe, expect, it } from 'vitest';
import { normaliseSentosDate, formatIstanbul } from './istanbul-time.js';
import { formatMoney, minorToDot, parseWireMoney, type MoneyStyle } from './money-format.js';

describe('formatMoney', () => {
  it.each<[number, MoneyStyle, string | number]>([
    [129990, 'tr-thousands', '1.299,90'],
    [22000, 'tr-thousands', '220,00'],
    [123456789, 'tr-thousands', '1.234.567,89'],
    [129990, 'tr-comma', '1299,90'],
    [22050, 'dot', '220.50'],
    [122000, 'dot', '1220.00'],
    [129990, 'number', 1299.9],
    [4500, 'number', 45],
  ])('%d in %s → %o', (minor, style, expected) => {
    expect(formatMoney(minor, style)).toBe(expected);
  });
});

describe('parseWireMoney', () => {
  it.each<[unknown, number | undefined]>([
    ['1.299,90', 129990],
    ['220,00', 22000],
    ['220.50', 22050],
    ['29.9', 2990],
    [1299.9, 129990],
    [0.1 + 0.2, 30],
    ['abc', undefined],
    [null, undefined],
    ['', undefined],
  ])('%o → %o', (value, expected) => {
    expect(parseWireMoney(value)).toBe(expected);
  });

  it('round-trips every style', () => {
    for (const style of ['tr-thousands', 'tr-comma', 'dot', 'number'] as const) {
      for (const minor of [0, 5, 99, 100, 99999, 129990, 100000000])
        expect(parseWireMoney(formatMoney(minor, style))).toBe(minor);
    }
    expect(minorToDot(-1250)).toBe('-12.50');
  });
});

describe('Sentos dates', () => {
  it('formats epoch ms as İstanbul wall time (UTC+3, no DST)', () => {
    expect(formatIstanbul(Date.UTC(2026, 0, 15, 22, 30, 5))).toBe('2026-01-16 01:30:05');
    expect(formatIstanbul(Date.UTC(2026, 6, 15, 9, 0, 0))).toBe('2026-07-15 12:00:00');
  });

  it.each<[string, boolean, boolean, string | undefined]>([
    ['2026-11-27 14:05:11', false, false, '2026-11-27 14:05:11'],
    ['2026-11-27', true, false, '2026-11-27 00:00:00'],
    ['2026-11-27', true, true, '2026-11-27 23:59:59'],
    ['2026-11-27', false, false, undefined],
    ['2026-02-30 10:00:00', false, false, undefined],
    ['2026-11-27 24:00:00', false, false, undefined],
    ['2026-11-27T14:05:11', true, false, undefined],
  ])('%s (dateOnly %s, endOfDay %s) → %s', (text, allowDateOnly, endOfDay, expected) => {
    expect(normaliseSentosDate(text, { allowDateOnly, endOfDay })).toBe(expected);
  });
});
