import { describe, expect, it } from 'vitest';
import { flattenCategories, readPage, wireWarehouses } from './lists.js';

describe('readPage', () => {
  it.each([
    [
      'the product envelope (docs/sentos-api.md#product-lists-and-paging)',
      { data: [1, 2], page: 1, size: 2, total_elements: 57, total_pages: 29 },
      { items: [1, 2], page: 1, size: 2, totalElements: 57, totalPages: 29 },
    ],
    ['a bare array', [1], { items: [1] }],
    [
      'camelCase totals and `content` (SA2)',
      { content: [1], totalPages: '3', totalElements: 5 },
      { items: [1], totalPages: 3, totalElements: 5 },
    ],
    ['data null', { data: null, total_pages: 0 }, { items: [], totalPages: 0 }],
    ['a PHP object list', { data: { 0: 'a', 2: 'b' } }, { items: ['a', 'b'] }],
  ])('%s', (_label, body, expected) => {
    expect(readPage(body)).toEqual(expected);
  });

  it('returns undefined when there is no list', () => {
    expect(readPage({ message: 'hata' })).toBeUndefined();
    expect(readPage('<html>')).toBeUndefined();
  });
});

describe('reference lists (docs/sentos-api.md#warehouses-categories-and-sales-channels)', () => {
  it('reads warehouses with numeric or string ids', () => {
    expect(
      wireWarehouses.parse([
        { id: 1, name: 'MERKEZ' },
        { id: '2', name: null },
      ]),
    ).toEqual([
      { id: '1', name: 'MERKEZ' },
      { id: '2', name: '' },
    ]);
  });

  it('flattens the category tree parents-first; parent_id 0 is the root', () => {
    const tree = [
      {
        id: 1,
        name: 'Giyim',
        parent_id: 0,
        sub_categories: [{ id: 37, name: 'Elbise', sub_categories: [{ id: 52, name: 'Midi', parent_id: 37 }] }],
      },
      { id: 2, name: 'Aksesuar', parent_id: 0, sub_categories: [] },
    ];
    expect(flattenCategories(tree)).toEqual([
      { id: '1', name: 'Giyim' },
      { id: '37', name: 'Elbise', parentId: '1' },
      { id: '52', name: 'Midi', parentId: '37' },
      { id: '2', name: 'Aksesuar' },
    ]);
  });
});
