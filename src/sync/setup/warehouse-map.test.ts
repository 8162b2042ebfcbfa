import { describe, expect, it } from 'vitest';
import { nameWords, proposeWarehouseMap } from './warehouse-map.js';

const place = (id: string, name: string) => ({ id, name });
const sentos = [place('1', 'MERKEZ'), place('2', 'DEPO'), place('3', 'MAGAZA'), place('4', 'E-TICARET')];

describe('proposeWarehouseMap', () => {
  it.each([
    [
      'Merkez Depo and two shops',
      ['Merkez Depo', 'İstanbul Mağaza', 'Ankara Mağaza'],
      'MERKEZ=Merkez Depo,DEPO=Merkez Depo,MAGAZA=İstanbul Mağaza',
    ],
    ['names that share nothing', ['Warehouse A', 'Warehouse B'], ''],
    [
      'a Turkish dotted İ in a location',
      ['MERKEZ DEPO', 'E-Ticaret Deposu'],
      'MERKEZ=MERKEZ DEPO,DEPO=MERKEZ DEPO,E-TICARET=E-Ticaret Deposu',
    ],
  ])('%s', (_name, locations, value) => {
    const proposal = proposeWarehouseMap(
      sentos,
      locations.map((name, i) => place(`gid://shopify/Location/${i + 1}`, name)),
    );
    expect(proposal.mode).toBe('by-name');
    expect(proposal.value).toBe(value);
  });

  it('flags a tie for the admin instead of hiding it', () => {
    const proposal = proposeWarehouseMap(sentos, [place('L1', 'İstanbul Mağaza'), place('L2', 'Ankara Mağaza')]);
    const magaza = proposal.matches.find((m) => m.warehouse.name === 'MAGAZA')!;
    expect(magaza.location?.name).toBe('İstanbul Mağaza');
    expect(magaza.ties.map((t) => t.name)).toEqual(['Ankara Mağaza']);
  });

  it('one location: every warehouse is summed into it, and the map stays empty', () => {
    const proposal = proposeWarehouseMap(sentos, [place('L1', 'Shop location')]);
    expect(proposal).toMatchObject({ mode: 'single-location', value: '' });
    expect(proposal.matches.every((m) => m.location?.id === 'L1')).toBe(true);
  });

  it('no active location: nothing to propose', () => {
    expect(proposeWarehouseMap(sentos, []).mode).toBe('no-locations');
  });
});

describe('nameWords', () => {
  it.each([
    ['İstanbul Mağaza', ['istanbul', 'magaza']],
    ['IŞIK ÇARŞI', ['isik', 'carsi']],
    ['E-TICARET', ['ticaret']],
  ])('%s', (name, words) => expect(nameWords(name)).toEqual(words));
});
