import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from './retry-after.js';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it.each([
    ['2', 2000],
    ['2.0', 2000],
    ['0.05', 50],
    ['  31 ', 31000],
    ['Fri, 27 Nov 2026 12:00:10 GMT', 10000],
    ['Fri, 27 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s → %s', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});
