import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+90 532 111 22 33', '905321112233'],
    ['0532 111 22 33', '905321112233'],
    ['0(532) 111 22 33', '905321112233'],
    ['5321112233', '905321112233'],
    ['905321112233', '905321112233'],
    ['+90 (0532) 111-22-33', '905321112233'],
    ['0090 532 111 22 33', '905321112233'],
    ['(0212) 444 55 66', '902124445566'],
    ['+49 151 2345 6789', '4915123456789'],
    ['0049 151 23456789', '4915123456789'],
    ['+1 (212) 555-0100', '12125550100'],
    ['+354 555 1234', '3545551234'],
    ['4915123456789', '4915123456789'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([[undefined], [''], ['yok'], ['12345'], ['+90 532'], ['1234567890123456'], ['05321112'], ['0532111223']])(
    '%s → undefined',
    (raw) => {
      expect(normalizePhone(raw)).toBeUndefined();
    },
  );

  it('prefixes another default country code to national numbers', () => {
    expect(normalizePhone('030 1234567', '49')).toBeUndefined(); // not the 0 + 10 digits national form
    expect(normalizePhone('0301 2345678', '49')).toBe('493012345678');
  });
});
