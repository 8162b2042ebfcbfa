import { describe, expect, it } from 'vitest';
import { CostBucket } from './bucket.js';

describe('CostBucket', () => {
  it('charges, refuses what does not fit, refunds and refills at restoreRate per second', () => {
    let now = 0;
    const bucket = new CostBucket(100, 10, () => now);
    expect(bucket.tryCharge(60)).toBe(true);
    expect(bucket.tryCharge(60)).toBe(false);
    expect(bucket.status()).toEqual({ maximumAvailable: 100, currentlyAvailable: 40, restoreRate: 10 });
    bucket.refund(15);
    expect(bucket.status().currentlyAvailable).toBe(55);
    now += 1500;
    expect(bucket.status().currentlyAvailable).toBe(70);
    now += 60_000;
    expect(bucket.status().currentlyAvailable).toBe(100);
  });
});
