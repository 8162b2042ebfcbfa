import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, isMoneyString, moneyToMinor } from './decimal.js';

describe('decimal', () => {
  it.each([
    ['19.99', true],
    ['19.9', true],
    ['20', true],
    ['-1.5', true],
    ['19.999', false],
    ['1.299,90', false],
    ['', false],
    [19.99, false],
  ])('isMoneyString(%o) = %s', (value, expected) => {
    expect(isMoneyString(value)).toBe(expected);
  });

  it.each([
    ['1299.9', 129990, '1299.90', '1299.9'],
    ['10', 1000, '10.00', '10.0'],
    ['0.05', 5, '0.05', '0.05'],
    ['-3.10', -310, '-3.10', '-3.1'],
  ])('%s → %d minor → Money %s, Decimal %s', (text, minor, money, decimal) => {
    expect(moneyToMinor(text)).toBe(minor);
    expect(formatMoney(minor)).toBe(money);
    expect(formatDecimal(minor)).toBe(decimal);
  });
});
