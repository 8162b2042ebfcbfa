import { describe, expect, it } from 'vitest';
import { nextPollDelayMs } from './operation.js';

describe('nextPollDelayMs', () => {
  it.each([
    [0, 250],
    [1, 500],
    [3, 2_000],
    [5, 8_000],
    [6, 10_000],
    [40, 10_000],
  ])('poll %i waits %i ms', (attempt, expected) => {
    expect(nextPollDelayMs(attempt, { initialDelayMs: 250, maxDelayMs: 10_000 })).toBe(expected);
  });
});
