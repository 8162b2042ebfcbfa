import { describe, expect, it } from 'vitest';
import { aSentosWarehouse } from '../../../test/builders/sentos-product.js';
import { aShopifyLocation } from '../../../test/builders/shopify-product.js';
import { productSettings } from './settings.js';
import { checkStockSetup, mapCommand } from './stock-setup.js';

const warehouses = [aSentosWarehouse({ id: '1', name: 'MERKEZ' }), aSentosWarehouse({ id: '2', name: 'DEPO' })];
const three = ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza'].map((name, i) =>
  aShopifyLocation({ id: `gid://shopify/Location/${i + 1}`, name }),
);

describe('where Sentos stock goes, decided before any write', () => {
  it('one active location and no map: every warehouse summed into it, and said so', () => {
    const closed = aShopifyLocation({ id: 'gid://shopify/Location/9', name: 'Kapalı', isActive: false });
    const setup = checkStockSetup(productSettings(), warehouses, [three[0]!, closed]);
    expect(setup.problem).toBeUndefined();
    expect(setup.notes).toEqual([
      'No warehouse map: every Sentos warehouse (MERKEZ, DEPO) is summed into the only Shopify location, "Merkez Depo"',
    ]);
  });

  it('several locations and no map: a problem naming both sides and the exact command', () => {
    const setup = checkStockSetup(productSettings(), warehouses, three);
    expect(setup.problem?.message).toBe(
      'Shopify has 3 active locations and products.warehouseMap is not set, so it is not known where Sentos stock ' +
        'goes. Nothing was written. Sentos warehouses: MERKEZ (id 1), DEPO (id 2). Shopify locations: "Merkez Depo", ' +
        '"İstanbul Mağaza", "Ankara Mağaza".',
    );
    expect(setup.problem?.hint).toContain(
      '`sentos-sync config set products.warehouseMap "MERKEZ=Merkez Depo,DEPO=Merkez Depo"`',
    );
    expect(setup.problem?.hint).toContain('`sentos-sync config set products.stock off`');
  });

  it('no problem once a map is set, or when stock is off', () => {
    expect(checkStockSetup(productSettings({ warehouseMap: { MERKEZ: 'Merkez Depo' } }), warehouses, three)).toEqual({
      notes: [],
    });
    const off = checkStockSetup(productSettings({ owned: { stock: false } }), warehouses, three);
    expect(off.problem).toBeUndefined();
    expect(off.notes[0]).toMatch(/^Stock is not synced/);
  });

  it('no active location at all: a problem too', () => {
    expect(checkStockSetup(productSettings(), warehouses, [])).toMatchObject({
      problem: { message: expect.stringMatching(/no active location/) },
    });
  });

  it('builds the map command from real names: by name where one matches, else by position, shell-safe', () => {
    const more = [...warehouses, aSentosWarehouse({ id: '3', name: 'İADE "B"' })];
    expect(mapCommand(more, three.slice(0, 2))).toBe(
      'sentos-sync config set products.warehouseMap ' +
        '"MERKEZ=Merkez Depo,DEPO=Merkez Depo,İADE \\"B\\"=Merkez Depo"',
    );
    const byPosition = [aSentosWarehouse({ id: '7', name: 'A1' }), aSentosWarehouse({ id: '8', name: 'B2' })];
    expect(mapCommand(byPosition, three.slice(0, 2))).toBe(
      'sentos-sync config set products.warehouseMap "A1=Merkez Depo,B2=İstanbul Mağaza"',
    );
  });
});
