import { describe, expect, it } from 'vitest';
import {
  FIRST_COST_GUESS,
  INITIAL_THROTTLE,
  availableAt,
  observeCost,
  planRequest,
  refundReservation,
  throttledRetryMs,
  type ThrottleState,
} from './throttle.js';

const status = (currentlyAvailable: number, maximumAvailable = 1000, restoreRate = 50) => ({
  currentlyAvailable,
  maximumAvailable,
  restoreRate,
});
const known = (available: number, lastCost: Record<string, number> = {}, at = 0): ThrottleState => ({
  bucket: { ...status(available), at },
  lastCost,
});

describe('availableAt', () => {
  it.each([
    { available: 100, elapsedMs: 0, expected: 100 },
    { available: 100, elapsedMs: 1000, expected: 150 },
    { available: 980, elapsedMs: 2000, expected: 1000 }, // capped at the bucket size
    { available: -200, elapsedMs: 2000, expected: -100 }, // debt from a reservation restores too
  ])('$available points + $elapsedMs ms at 50/s → $expected', ({ available, elapsedMs, expected }) => {
    expect(availableAt({ ...status(available), at: 1_000 }, 1_000 + elapsedMs)).toBe(expected);
  });
});

describe('planRequest', () => {
  it.each([
    { name: 'no observation yet: go', state: INITIAL_THROTTLE, op: 'ProductsPage', now: 0, waitMs: 0 },
    {
      name: 'enough points for the last cost',
      state: known(500, { ProductsPage: 400 }),
      op: 'ProductsPage',
      now: 0,
      waitMs: 0,
    },
    {
      name: 'deficit of 100 at 50/s',
      state: known(300, { ProductsPage: 400 }),
      op: 'ProductsPage',
      now: 0,
      waitMs: 2000,
    },
    {
      name: 'restore since the observation counts',
      state: known(300, { ProductsPage: 400 }),
      op: 'ProductsPage',
      now: 1000,
      waitMs: 1000,
    },
    {
      name: 'unseen operation uses the guess',
      state: known(900),
      op: 'OrdersPage',
      now: 0,
      waitMs: ((FIRST_COST_GUESS - 900) / 50) * 1000,
    },
    {
      name: 'guess capped by the bucket size',
      state: { bucket: { ...status(100, 200, 50), at: 0 }, lastCost: {} },
      op: 'X',
      now: 0,
      waitMs: 2000,
    },
    { name: 'fractional waits round up', state: known(0, { A: 1 }), op: 'A', now: 0, waitMs: 20 },
  ])('$name', ({ state, op, now, waitMs }) => {
    expect(planRequest(state, op, now).waitMs).toBe(waitMs);
  });

  it('reserves the expected cost so a concurrent request waits for both', () => {
    const first = planRequest(known(500, { A: 400 }), 'A', 0);
    expect(first.waitMs).toBe(0);
    const second = planRequest(first.state, 'A', 0);
    expect(second.waitMs).toBe(6000); // 100 left, 400 needed → 300 / 50 s
    expect(second.state.bucket?.currentlyAvailable).toBe(-300);
  });
});

describe('observeCost', () => {
  it('replaces the bucket with the server status and remembers the requested cost per operation', () => {
    const next = observeCost(
      known(10),
      'A',
      { requestedQueryCost: 120, actualQueryCost: 40, throttleStatus: status(900, 2000, 100) },
      5000,
    );
    expect(next).toEqual({ bucket: { ...status(900, 2000, 100), at: 5000 }, lastCost: { A: 120 } });
  });

  it('keeps what it knew when the response carries no cost', () => {
    const state = known(10, { A: 5 });
    expect(observeCost(state, 'A', undefined, 1)).toBe(state);
    expect(observeCost(state, 'B', { requestedQueryCost: 7 }, 1)).toEqual({
      bucket: state.bucket,
      lastCost: { A: 5, B: 7 },
    });
  });
});

describe('throttledRetryMs', () => {
  it.each([
    // The exact THROTTLED body from shopify-admin-api.md §6.2: (752 − 666) / 50 s.
    { cost: { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: status(666, 1000, 50) }, expected: 1720 },
    { cost: { requestedQueryCost: 100, throttleStatus: status(100, 1000, 50) }, expected: 0 },
    { cost: { requestedQueryCost: 100, throttleStatus: status(0, 1000, 1_000_000) }, expected: 1 },
    { cost: { requestedQueryCost: 100 }, expected: undefined },
    { cost: undefined, expected: undefined },
  ])('$expected ms for %j', ({ cost, expected }) => {
    expect(throttledRetryMs(cost)).toBe(expected);
  });
});

describe('refundReservation', () => {
  it('gives back what planRequest reserved when no cost came back, capped at the bucket size', () => {
    const observed = observeCost(
      INITIAL_THROTTLE,
      'ProductSet',
      {
        requestedQueryCost: 300,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1000, restoreRate: 100 },
      },
      0,
    );
    const planned = planRequest(observed, 'ProductSet', 0);
    expect(planned.state.bucket?.currentlyAvailable).toBe(700);
    expect(refundReservation(planned.state, 'ProductSet').bucket?.currentlyAvailable).toBe(1000);
    const full = observeCost(
      INITIAL_THROTTLE,
      'ProductSet',
      {
        requestedQueryCost: 300,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1900, restoreRate: 100 },
      },
      0,
    );
    expect(refundReservation(full, 'ProductSet').bucket?.currentlyAvailable).toBe(2000);
  });
});
