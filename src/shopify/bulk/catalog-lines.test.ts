import { describe, expect, it } from 'vitest';
import { CatalogInterner } from '../intern.js';
import { levelsCollector } from './catalog-lines.js';

const level = (item: string, location: string, quantity: number) => ({
  location: { id: `gid://shopify/Location/${location}` },
  quantities: [{ name: 'available', quantity }],
  __parentId: `gid://shopify/InventoryItem/${item}`,
});
const item = (id: string) => ({ id: `gid://shopify/InventoryItem/${id}` });

describe('levelsCollector', () => {
  it('keeps levels that come before their item, and levels of an item whose list was already shared', () => {
    const collector = levelsCollector(new CatalogInterner())();
    for (const line of [
      level('1', 'A', 2),
      item('1'),
      level('1', 'B', 3),
      item('2'),
      level('2', 'A', 2),
      level('1', 'C', 4),
      item('3'),
    ])
      collector.add(line);
    const levels = collector.finish();
    const of = (id: string) => levels.get(`gid://shopify/InventoryItem/${id}`)?.map((l) => l.available);
    expect([of('1'), of('2'), of('3')]).toEqual([[2, 3, 4], [2], []]);
  });

  it('refuses levels of an item the file never lists', () => {
    const collector = levelsCollector(new CatalogInterner())();
    collector.add(item('1'));
    collector.add(level('9', 'A', 1));
    expect(() => collector.finish()).toThrow(/levels of gid:\/\/shopify\/InventoryItem\/9/);
  });
});
