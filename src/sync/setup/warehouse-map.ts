/**
 * Proposes `products.warehouseMap` from the two lists the tool already reads: Sentos's warehouses and the
 * shop's active locations. A proposal only: `init` and `config map-warehouses` show it for the admin to accept
 * or edit. With one location there is nothing to choose: every warehouse is summed into it (the products
 * phase does that with an empty map), so the proposal is the empty map.
 */
export interface NamedPlace {
  id: string;
  name: string;
}

export interface WarehouseMatch {
  warehouse: NamedPlace;
  /** Undefined: no location shares a word with the warehouse's name. */
  location?: NamedPlace;
  /** Other locations that scored as well: the admin should choose. */
  ties: NamedPlace[];
}

export interface WarehouseMapProposal {
  mode: 'single-location' | 'by-name' | 'no-locations';
  matches: WarehouseMatch[];
  /** The value for `config set products.warehouseMap` ('' in single-location mode). */
  value: string;
}

export function proposeWarehouseMap(warehouses: NamedPlace[], locations: NamedPlace[]): WarehouseMapProposal {
  if (locations.length === 0) return { mode: 'no-locations', matches: [], value: '' };
  if (locations.length === 1)
    return {
      mode: 'single-location',
      matches: warehouses.map((w) => ({ warehouse: w, location: locations[0], ties: [] })),
      value: '',
    };
  const matches = warehouses.map((warehouse) => bestLocation(warehouse, locations));
  return { mode: 'by-name', matches, value: formatWarehouseMap(matches) };
}

/** "MERKEZ=Merkez Depo,DEPO=Merkez Depo": names, as the admin reads them (the planner accepts ids or names). */
export function formatWarehouseMap(matches: WarehouseMatch[]): string {
  return matches
    .filter((m) => m.location !== undefined)
    .map((m) => `${m.warehouse.name}=${m.location!.name}`)
    .join(',');
}

function bestLocation(warehouse: NamedPlace, locations: NamedPlace[]): WarehouseMatch {
  const words = nameWords(warehouse.name);
  let best = 0;
  let winners: NamedPlace[] = [];
  for (const location of locations) {
    const score = similarity(words, nameWords(location.name));
    if (score > best) [best, winners] = [score, [location]];
    else if (score === best && score > 0) winners.push(location);
  }
  return best === 0 ? { warehouse, ties: [] } : { warehouse, location: winners[0], ties: winners.slice(1) };
}

/** Shared words over all words (Jaccard), with a word counted as shared when one contains the other. */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = a.filter((word) => b.some((other) => other.includes(word) || word.includes(other))).length;
  return shared / (a.length + b.length - shared);
}

/**
 * Lower-case ASCII words, Turkish-aware: dotted and dotless i are folded by hand before lower-casing (a default
 * locale turns "İ" into "i" + combining dot), then NFD strips the marks of ş ğ ü ö ç: "MAĞAZA" ~ "Mağaza".
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1);
}
