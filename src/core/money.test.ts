import { describe, expect, it } from 'vitest';
import { formatMinor, minorToNumber, parseDotDecimal, parseTurkishMoney } from './money.js';

describe('parseTurkishMoney', () => {
  it.each<[unknown, number]>([
    ['1.299,90', 129990],
    ['220,00', 22000],
    ['220.50', 22050],
    ['220,5', 22050],
    ['1.220,50', 122050],
    ['12.345.678,99', 1234567899],
    ['1,299.90', 129990], // English-style thousands: the last separator decides
    ['0,99', 99],
    ['249,90 TL', 24990],
    ['₺1.499,90', 149990],
    ['1.220', 122], // dot-only: a decimal, like SAL/SA2/SCX (docs/sentos-api.md#product-shape-and-quirks)
    ['1299', 129900],
    [1299.9, 129990],
    [0.1 + 0.2, 30], // float noise does not leak into minor units
    [249.905, 24991],
    [220, 22000],
    ['  85,00 ', 8500],
    ['-5,50', -550],
  ])('%j → %i', (input, minor) => {
    expect(parseTurkishMoney(input)).toEqual({ ok: true, minor });
  });

  it.each<[unknown]>([['abc'], [''], ['12,3,4'], ['1.2.3,4,5'], [null], [undefined], [Number.NaN], [{}], ['12.34.5']])(
    '%j is rejected with a reason',
    (input) => {
      const result = parseTurkishMoney(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBeTruthy();
    },
  );
});

describe('parseDotDecimal', () => {
  it.each([
    ['19.99', 1999],
    ['19.9', 1990],
    ['19', 1900],
    ['0.005', 1],
    ['0.004', 0],
    ['-4.00', -400],
  ])('%s → %i', (input, minor) => {
    expect(parseDotDecimal(input)).toEqual({ ok: true, minor });
  });

  it('rejects a comma decimal', () => {
    expect(parseDotDecimal('19,99').ok).toBe(false);
  });
});

describe('formatMinor / minorToNumber', () => {
  it.each([
    [129990, '1299.90', 1299.9],
    [5, '0.05', 0.05],
    [0, '0.00', 0],
    [-550, '-5.50', -5.5],
  ])('%i → %s', (minor, text, number) => {
    expect(formatMinor(minor)).toBe(text);
    expect(minorToNumber(minor)).toBe(number);
  });
});
