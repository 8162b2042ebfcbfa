import { describe, expect, it } from 'vitest';
import { collectGarbage, LARGE_RUN_ITEMS } from './collect-garbage.js';

// A WeakRef's target is kept until the current job ends, so each step waits a turn of the event loop.
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('collects garbage at once for a large run, without --expose-gc', async () => {
    const ref = new WeakRef({ big: new Array(1000).fill('x') });
    await turn();
    expect(collectGarbage(LARGE_RUN_ITEMS)).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves a small run alone (no pause where the garbage is small)', () => {
    expect(collectGarbage(LARGE_RUN_ITEMS - 1)).toBe(false);
    expect(collectGarbage(0)).toBe(false);
  });
});
