import { describe, expect, it } from 'vitest';
import { settingFlags } from './runtime.js';

describe('--set KEY=VALUE', () => {
  it('collects pairs by key, keeping "=" inside the value', () => {
    expect(settingFlags(['products.warehouseMap=MERKEZ=Merkez Depo', 'products.priceList=b2c'])).toEqual({
      'products.warehouseMap': 'MERKEZ=Merkez Depo',
      'products.priceList': 'b2c',
    });
  });

  it('rejects an unknown key or a pair without "=", naming the flag', () => {
    expect(() => settingFlags(['products.pricelist=b2c'])).toThrow(/--set products\.pricelist=b2c/);
    expect(() => settingFlags(['products.priceList'])).toThrow(/expected KEY=VALUE/);
  });
});
