import type { Clock } from '../../src/core/clock.js';

/**
 * Virtual time: `sleep` records the wait and moves `now` by exactly that much, at once. Tests assert the waits
 * the code asked for (and the virtual time at which each request went out), never how long the machine took.
 */
export function fakeClock(start = 1_800_000_000_000): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}
