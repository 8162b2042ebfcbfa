import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_ESTIMATE, expectedExportMs, pollAtMs } from './poll-schedule.js';

const timing = { initialDelayMs: 250, maxDelayMs: 10_000 };

/** How many polls see an export that completes `durationMs` after its start (the poll at or after it is the last). */
function pollsFor(durationMs: number, expectedMs: number): number {
  let attempt = 0;
  while (pollAtMs(attempt, expectedMs, timing) < durationMs) attempt++;
  return attempt + 1;
}

describe('bulk export poll schedule', () => {
  it('expects 3 s plus 1 s per 5,000 objects, and nothing without a count or an estimate', () => {
    expect(expectedExportMs(90_000, DEFAULT_EXPORT_ESTIMATE)).toBe(21_000);
    expect(expectedExportMs(undefined, DEFAULT_EXPORT_ESTIMATE)).toBe(0);
    expect(expectedExportMs(90_000, null)).toBe(0);
  });

  it.each([
    // attempt, expected ms, poll at ms
    [0, 21_000, 250],
    [1, 21_000, 1_000],
    [2, 21_000, 23_100],
    [3, 21_000, 28_875],
    [4, 21_000, 38_875],
    [5, 21_000, 48_875],
    [0, 0, 250],
    [1, 0, 500],
    [2, 0, 1_000],
    [3, 0, 2_000],
    [0, 600, 250],
    [1, 600, 660],
  ])('poll %i with %i ms expected goes at %i ms', (attempt, expectedMs, at) => {
    expect(pollAtMs(attempt, expectedMs, timing)).toBe(at);
  });

  it.each([
    // export duration, expected, polls
    [100, 21_000, 1],
    [800, 21_000, 2],
    [21_000, 21_000, 3],
    [23_000, 21_000, 3],
    [42_000, 21_000, 6],
    [21_000, 0, 8],
  ])('an export done after %i ms (expected %i) is polled %i times', (durationMs, expectedMs, polls) => {
    expect(pollsFor(durationMs, expectedMs)).toBe(polls);
  });

  it('polls a long export at most every maxDelayMs', () => {
    const gaps = [40, 41, 42].map((n) => pollAtMs(n, 21_000, timing) - pollAtMs(n - 1, 21_000, timing));
    expect(gaps).toEqual([10_000, 10_000, 10_000]);
  });
});
