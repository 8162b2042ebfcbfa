import { describe, expect, it } from 'vitest';
import { RequestStats, statsSince } from './request-stats.js';

describe('RequestStats / statsSince', () => {
  it('counts per remote and kind, and a phase sees only its own requests', () => {
    const stats = new RequestStats();
    stats.record('sentos', 'read', 'products');
    stats.record('shopify', 'write', 'productSet');
    stats.recordCost('shopify', 12.5);
    const before = stats.snapshot();
    stats.record('shopify', 'write', 'productSet');
    stats.record('shopify', 'read', 'ProductsPage');
    stats.recordRetry('shopify');
    stats.recordCost('shopify', 30);
    expect(stats.snapshot().shopify).toEqual({
      reads: 1,
      writes: 2,
      retries: 1,
      cost: 42.5,
      byOperation: { productSet: 2, ProductsPage: 1 },
    });
    expect(statsSince(stats.snapshot(), before)).toEqual({
      sentos: { reads: 0, writes: 0, retries: 0, cost: 0, byOperation: {} },
      shopify: { reads: 1, writes: 1, retries: 1, cost: 30, byOperation: { productSet: 1, ProductsPage: 1 } },
    });
    expect(statsSince(stats.snapshot(), undefined)).toEqual(stats.snapshot());
  });
});
