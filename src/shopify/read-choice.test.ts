import { describe, expect, it } from 'vitest';
import {
  BULK_READ_COST,
  chooseCatalogRead,
  estimatedPagedCost,
  pagedCostPerVariant,
  type CatalogSize,
} from './read-choice.js';

const options = { levelsFirst: 3, productThreshold: 250 };

describe('chooseCatalogRead', () => {
  it.each<[string, CatalogSize, 'paginated' | 'bulk']>([
    ['an empty shop', { products: 0, variants: 0 }, 'paginated'],
    ['one simple product', { products: 1, variants: 1 }, 'paginated'],
    ['one product with a handful of variants', { products: 1, variants: 6 }, 'bulk'],
    ['20 products, one of them with 2,000 variants', { products: 20, variants: 2_019 }, 'bulk'],
    ['1 product with 2,000 variants', { products: 1, variants: 2_000 }, 'bulk'],
    ['above the product threshold however few variants are reported', { products: 251, variants: 0 }, 'bulk'],
    ['no variant count: the products are counted as one variant each', { products: 1 }, 'paginated'],
    ['no variant count, several products', { products: 5 }, 'bulk'],
  ])('%s → %s', (_, size, expected) => {
    expect(chooseCatalogRead(size, options)).toBe(expected);
  });

  it('the threshold 0 always exports (the client option "0: always")', () => {
    expect(chooseCatalogRead({ products: 1, variants: 1 }, { ...options, productThreshold: 0 })).toBe('bulk');
  });

  it('the paged estimate grows with variants and levels, not with the product count alone', () => {
    const wide = estimatedPagedCost({ products: 20, variants: 2_019 }, 3);
    const narrow = estimatedPagedCost({ products: 20, variants: 20 }, 3);
    expect(wide - narrow).toBe(1_999 * pagedCostPerVariant(3));
    expect(pagedCostPerVariant(10)).toBeGreaterThan(pagedCostPerVariant(1));
    // The measured figure: ≈ 30,000 points paged for the 2,000-variant shop, against a bounded export.
    expect(wide).toBeGreaterThan(25_000);
    expect(BULK_READ_COST).toBeLessThanOrEqual(100);
  });
});
