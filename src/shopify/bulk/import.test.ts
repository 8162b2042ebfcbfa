import { describe, expect, it } from 'vitest';
import { pollDelayMs } from './import.js';

describe('pollDelayMs: backoff until lines move, then the time the rest should take', () => {
  const polling = { initialDelayMs: 250, maxDelayMs: 10_000 };
  it.each([
    ['nothing done yet: backoff', 3, 0, 1000, 5000, 2000],
    ['total unknown: backoff', 3, 100, undefined, 5000, 2000],
    ['half done in 4 s: 4 s more', 3, 500, 1000, 4000, 4000],
    ['nearly done: never below the first wait', 6, 999, 1000, 4000, 250],
    ['slow: never above the longest wait', 0, 10, 1000, 10_000, 10_000],
    ['all done: backoff (the next answer is final)', 1, 1000, 1000, 4000, 500],
  ])('%s', (_name, attempt, done, total, elapsed, expected) => {
    expect(pollDelayMs(attempt, polling, done, total, elapsed)).toBe(expected);
  });
});
