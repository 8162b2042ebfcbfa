import { describe, expect, it } from 'vitest';
import {
  INITIAL_THROTTLE,
  availableAt,
  expectedCost,
  inFlightFor,
  planRequest,
  settle,
  throttledRetryMs,
  type ThrottleState,
} from './throttle.js';

const status = (currentlyAvailable: number, maximumAvailable = 1000, restoreRate = 50) => ({
  currentlyAvailable,
  maximumAvailable,
  restoreRate,
});
const known = (available: number, reserved = 0, correction: Record<string, number> = {}, at = 0): ThrottleState => ({
  bucket: { ...status(available), at },
  reserved,
  correction,
});

describe('availableAt', () => {
  it.each([
    { available: 100, elapsedMs: 0, expected: 100 },
    { available: 100, elapsedMs: 1000, expected: 150 },
    { available: 980, elapsedMs: 2000, expected: 1000 }, // capped at the bucket size
  ])('$available points + $elapsedMs ms at 50/s → $expected', ({ available, elapsedMs, expected }) => {
    expect(availableAt({ ...status(available), at: 1_000 }, 1_000 + elapsedMs)).toBe(expected);
  });
});

describe('expectedCost', () => {
  it.each([
    { name: 'the prediction when nothing was learned', state: known(0), predicted: 13, expected: 13 },
    { name: 'scaled by what Shopify charged against it', state: known(0, 0, { A: 1.5 }), predicted: 13, expected: 20 },
    { name: 'never above the bucket', state: known(0), predicted: 5000, expected: 1000 },
    { name: 'no bucket yet: the prediction', state: INITIAL_THROTTLE, predicted: 5000, expected: 5000 },
  ])('$name', ({ state, predicted, expected }) => {
    expect(expectedCost(state, 'A', predicted)).toBe(expected);
  });
});

describe('planRequest', () => {
  it.each([
    { name: 'no observation yet: go', state: INITIAL_THROTTLE, predicted: 900, now: 0, waitMs: 0 },
    { name: 'enough points', state: known(500), predicted: 400, now: 0, waitMs: 0 },
    { name: 'deficit of 100 at 50/s', state: known(300), predicted: 400, now: 0, waitMs: 2000 },
    { name: 'restore since the observation counts', state: known(300), predicted: 400, now: 1000, waitMs: 1000 },
    { name: 'reservations in flight count', state: known(500, 200), predicted: 400, now: 0, waitMs: 2000 },
    { name: 'fractional waits round up', state: known(0), predicted: 1, now: 0, waitMs: 20 },
  ])('$name', ({ state, predicted, now, waitMs }) => {
    expect(planRequest(state, 'A', predicted, now).waitMs).toBe(waitMs);
  });

  it('reserves, so concurrent requests queue behind each other instead of all seeing the same points', () => {
    let state = known(100);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const plan = planRequest(state, 'ProductSet', 50, 0);
      waits.push(plan.waitMs);
      state = plan.state;
    }
    expect(waits).toEqual([0, 0, 1000, 2000]);
    expect(state.reserved).toBe(200);
  });
});

describe('settle', () => {
  const cost = (available: number, requested = 13) => ({
    requestedQueryCost: requested,
    actualQueryCost: requested,
    throttleStatus: status(available),
  });

  it('takes the server bucket and keeps the other reservations still in flight', () => {
    const planned = planRequest(planRequest(known(1000), 'A', 13, 0).state, 'A', 13, 0);
    const next = settle(planned.state, 'A', { reservation: 13, predicted: 13 }, cost(987), 100);
    expect(next.bucket).toEqual({ ...status(987), at: 100 });
    expect(next.reserved).toBe(13); // the second request is still out
    expect(planRequest(next, 'A', 13, 100).waitMs).toBe(0);
  });

  it('an older status arriving late never raises the bucket above the last one restored since', () => {
    const newer = settle(known(900, 26), 'A', { reservation: 13, predicted: 13 }, cost(500), 1000);
    const older = settle(newer, 'A', { reservation: 13, predicted: 13 }, cost(800), 1000);
    expect(older.bucket?.currentlyAvailable).toBe(500);
    // Restore since the last status is allowed: 2 s later at 50/s the bucket may read 600.
    expect(settle(newer, 'A', { reservation: 13, predicted: 13 }, cost(800), 3000).bucket?.currentlyAvailable).toBe(
      600,
    );
    expect(older.reserved).toBe(0);
  });

  it('learns the ratio of Shopify’s requested cost to the prediction', () => {
    const next = settle(known(900, 10), 'A', { reservation: 10, predicted: 10 }, cost(880, 15), 0);
    expect(next.correction).toEqual({ A: 1.5 });
    expect(expectedCost(next, 'A', 10)).toBe(15);
  });

  it('learns nothing from a THROTTLED answer (it did not run: no actual cost)', () => {
    const throttled = { requestedQueryCost: 20001, actualQueryCost: null, throttleStatus: status(1000) };
    expect(settle(known(900, 10), 'A', { reservation: 10, predicted: 10 }, throttled, 0).correction).toEqual({});
  });

  it('without cost data (network error, 5xx) gives the reservation back and keeps the bucket', () => {
    const state = known(300, 50);
    expect(settle(state, 'A', { reservation: 50, predicted: 50 }, undefined, 10)).toEqual({ ...state, reserved: 0 });
  });
});

describe('throttledRetryMs', () => {
  it.each([
    // The exact THROTTLED body from the reference: (752 − 666) / 50 s.
    { cost: { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: status(666, 1000, 50) }, expected: 1720 },
    { cost: { requestedQueryCost: 100, throttleStatus: status(100, 1000, 50) }, expected: 0 },
    { cost: { requestedQueryCost: 100, throttleStatus: status(0, 1000, 1_000_000) }, expected: 1 },
    { cost: { requestedQueryCost: 100 }, expected: undefined },
    { cost: undefined, expected: undefined },
  ])('$expected ms for %j', ({ cost, expected }) => {
    expect(throttledRetryMs(cost)).toBe(expected);
  });
});

describe('inFlightFor', () => {
  it.each([
    ['Plus, 22.8-point productSets: the bucket pays for 877, capped at 256', 20_000, 22.8, 256, 256],
    ['Standard: 87 at once, the restore paces the rest', 2_000, 22.8, 256, 87],
    ['a cap below the bucket wins', 2_000, 22.8, 64, 64],
    ['a write dearer than the bucket still goes, one at a time', 2_000, 3_000, 256, 1],
    ['no cost known: the cap', 2_000, 0, 256, 256],
  ])('%s', (_name, maximumAvailable, cost, max, expected) => {
    expect(inFlightFor({ maximumAvailable }, cost, max)).toBe(expected);
  });

  it('before any answer the bucket is unknown: the cap', () => {
    expect(inFlightFor(undefined, 22.8, 256)).toBe(256);
  });
});
