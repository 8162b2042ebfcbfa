import { describe, expect, it } from 'vitest';
import { nextPageSize, shrinkPageSize } from './page-size.js';

describe('nextPageSize', () => {
  it.each([
    { current: 1, requestedCost: 484, expected: 1 }, // strict estimate: an order does not fit twice
    { current: 1, requestedCost: 100, expected: 2 }, // at most doubles per step
    { current: 4, requestedCost: 100, expected: 8 },
    { current: 8, requestedCost: 200, expected: 16 },
    { current: 16, requestedCost: 800, expected: 15 }, // over the target: shrink to fit
    { current: 200, requestedCost: 10, expected: 250 }, // capped at the connection maximum
    { current: 3, requestedCost: undefined, expected: 3 }, // no cost reported: keep
    { current: 1, requestedCost: 2_000, expected: 1 }, // never below one
  ])('first $current at cost $requestedCost → $expected', ({ current, requestedCost, expected }) => {
    expect(nextPageSize({ current, requestedCost })).toBe(expected);
  });
});

describe('shrinkPageSize', () => {
  it.each([
    { current: 10, cost: 2000, maxCost: 1000, expected: 4 },
    { current: 2, cost: 1002, maxCost: 1000, expected: 1 },
    { current: 10, cost: undefined, maxCost: undefined, expected: 4 },
    { current: 1, cost: 1200, maxCost: 1000, expected: undefined }, // cannot shrink: the query is too big
  ])('first $current, cost $cost of $maxCost → $expected', ({ current, cost, maxCost, expected }) => {
    expect(shrinkPageSize(current, cost, maxCost)).toBe(expected);
  });
});
