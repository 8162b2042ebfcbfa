import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { buildOrderSearch } from './orders.js';

describe('buildOrderSearch', () => {
  it.each([
    [{}, undefined],
    [{ updatedAfter: '2026-11-20T00:00:00Z' }, "updated_at:>'2026-11-20T00:00:00Z'"],
    [{ updatedAfter: '2026-11-20T03:00:00.123+03:00' }, "updated_at:>'2026-11-20T03:00:00.123+03:00'"],
    [{ ids: ['gid://shopify/Order/7'] }, 'id:7'],
    [{ ids: ['7', ' 8 '] }, '(id:7 OR id:8)'],
    [{ search: '  financial_status:paid ' }, 'financial_status:paid'],
    [{ updatedAfter: '2026-01-01T00:00:00Z', search: 'test:false' }, "updated_at:>'2026-01-01T00:00:00Z' test:false"],
  ])('%j → %j', (query, expected) => {
    expect(buildOrderSearch(query)).toBe(expected);
  });

  it.each([[{ updatedAfter: "2026' OR 1" }], [{ updatedAfter: 'yesterday' }], [{ ids: ['gid://shopify/Product/1'] }]])(
    'refuses %j',
    (query) => {
      expect(() => buildOrderSearch(query)).toThrow(UsageError);
    },
  );
});
