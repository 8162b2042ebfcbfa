import { describe, expect, it } from 'vitest';
import { filterBySearch, matchTime, parseSearch, type SearchTerm } from './search-query.js';

const term = (field: string, comparator: SearchTerm['comparator'], value: string, negated = false): SearchTerm => ({
  field,
  comparator,
  value,
  negated,
});

describe('parseSearch', () => {
  it.each([
    ["updated_at:>'2026-11-20T00:00:00Z'", [[term('updated_at', '>', '2026-11-20T00:00:00Z')]]],
    ['sku:"TEE 1" status:any', [[term('sku', ':', 'TEE 1')], [term('status', ':', 'any')]]],
    ['updated_at:>=2026-01-01 -tag:test', [[term('updated_at', '>=', '2026-01-01')], [term('tag', ':', 'test', true)]]],
    ['status:open OR status:closed', [[term('status', ':', 'open'), term('status', ':', 'closed')]]],
    ['NOT financial_status:paid kupa', [[term('financial_status', ':', 'paid', true)], [term('default', ':', 'kupa')]]],
    ['sku:"A\\"B"', [[term('sku', ':', 'A"B')]]],
  ])('parses %s', (query, expected) => {
    expect(parseSearch(query)).toEqual(expected);
  });
});

describe('filterBySearch', () => {
  const rows = [
    { n: 1, tag: 'a' },
    { n: 2, tag: 'b' },
    { n: 3, tag: 'a' },
  ];
  const matchers = {
    tag: (row: { tag: string }, t: SearchTerm) => row.tag === t.value,
    n: (row: { n: number }, t: SearchTerm) => String(row.n) === t.value,
  };

  it.each([
    ['tag:a', [1, 3], []],
    ['tag:a -n:3', [1], []],
    ['tag:b OR n:3', [2, 3], []],
    ['colour:red tag:b', [2], ['colour']],
    ['', [1, 2, 3], []],
  ])('%s', (query, expected, warnings) => {
    const warned: string[] = [];
    expect(filterBySearch(rows, query, matchers, (field) => warned.push(field)).map((row) => row.n)).toEqual(expected);
    expect(warned).toEqual(warnings);
  });
});

describe('matchTime', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  it.each([
    ['2026-11-20T10:00:00Z', term('updated_at', '>', '2026-11-20T10:00:00Z'), false],
    ['2026-11-20T10:00:00.001Z', term('updated_at', '>', '2026-11-20T10:00:00Z'), true],
    ['2026-11-20T10:00:00Z', term('updated_at', '>=', '2026-11-20T10:00:00Z'), true],
    ['2026-11-20T23:59:00Z', term('created_at', ':', '2026-11-20'), true],
    ['2026-11-27T09:00:00Z', term('created_at', '<', 'now'), true],
    ['2026-11-27T09:00:00Z', term('created_at', '<', 'yesterday-ish'), false],
  ])('%s vs %o → %s', (stored, t, expected) => {
    expect(matchTime(stored, t, now)).toBe(expected);
  });
});
