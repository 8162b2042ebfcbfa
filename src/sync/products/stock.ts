/**
 * Stock per Shopify location from Sentos warehouses minus the units sold on Shopify that Sentos has not seen
 * (docs/architecture.md#no-oversell). Pure: the rows carry the quantity read at plan time for compare-and-set.
 */
import type { SentosStock, SentosWarehouse } from '../../sentos/types.js';
import type { ShopifyLocation, ShopifyVariant } from '../../shopify/types.js';
import type { StockChange, UnmappedWarehouse } from './types.js';

export interface LocationPlan {
  /** Sentos warehouse id → Shopify location id. */
  byWarehouse: Map<string, string>;
  /** Set when no map is configured and the store has exactly one active location: every warehouse sums there. */
  sumInto?: string;
  /** The Shopify locations Sentos owns stock at, in map order. */
  locationIds: string[];
  unmapped: UnmappedWarehouse[];
}

/**
 * Resolves the warehouse map by id or name on both sides; names are compared exactly, then Turkish-case-insensitively.
 */
export function resolveLocations(
  warehouses: SentosWarehouse[],
  locations: ShopifyLocation[],
  warehouseMap: Record<string, string>,
): LocationPlan {
  const active = locations.filter((l) => l.isActive);
  const entries = Object.entries(warehouseMap);
  if (entries.length === 0 && active.length === 1) {
    const only = (active[0] as ShopifyLocation).id;
    return { byWarehouse: new Map(), sumInto: only, locationIds: [only], unmapped: [] };
  }
  const byWarehouse = new Map<string, string>();
  const unmapped: UnmappedWarehouse[] = [];
  const used = new Set<string>();
  for (const warehouse of warehouses) {
    const key = warehouseMap[warehouse.id] !== undefined ? warehouse.id : findKey(entries, warehouse.name);
    if (key === undefined) {
      unmapped.push({ id: warehouse.id, name: warehouse.name, reason: 'no Shopify location is mapped to it' });
      continue;
    }
    used.add(key);
    const location = findLocation(active, warehouseMap[key] as string);
    if (location) byWarehouse.set(warehouse.id, location.id);
    else
      unmapped.push({
        id: warehouse.id,
        name: warehouse.name,
        reason: `location "${warehouseMap[key]}" is not an active Shopify location`,
      });
  }
  // A key naming no listed warehouse may still be a warehouse id that stock rows carry.
  for (const [key, target] of entries) {
    const location = used.has(key) ? undefined : findLocation(active, target);
    if (location) byWarehouse.set(key, location.id);
  }
  return { byWarehouse, locationIds: [...new Set(byWarehouse.values())], unmapped };
}

function sameName(a: string, b: string): boolean {
  return a.trim() === b.trim() || a.trim().toLocaleLowerCase('tr') === b.trim().toLocaleLowerCase('tr');
}

function findKey(entries: Array<[string, string]>, name: string): string | undefined {
  return (entries.find(([key]) => key === name) ?? entries.find(([key]) => sameName(key, name)))?.[0];
}

function findLocation(active: ShopifyLocation[], idOrName: string): ShopifyLocation | undefined {
  return (
    active.find((l) => l.id === idOrName) ??
    active.find((l) => l.name === idOrName) ??
    active.find((l) => sameName(l.name, idOrName))
  );
}

export interface StockInput {
  sku: string;
  stocks: readonly SentosStock[];
  /** The matched Shopify variant; undefined for a variant productSet will create. */
  variant?: ShopifyVariant;
  /** location id → units sold on Shopify that Sentos has not seen yet. */
  pending?: Map<string, number>;
}

export interface StockResult {
  rows: StockChange[];
  /** Warehouse ids carrying stock that no location takes (reported once per plan). */
  unknownWarehouses: string[];
}

/**
 * Every owned location gets a target, also 0 when Sentos lists no stock there: Sentos is the source of truth
 * for the locations it owns. Negative Sentos stock counts as 0 (validation warns). A row only when
 * target !== current, so an unchanged stock sends nothing.
 */
export function stockRows(input: StockInput, plan: LocationPlan): StockResult {
  const sums = new Map<string, number>(plan.locationIds.map((id) => [id, 0]));
  const unknownWarehouses: string[] = [];
  for (const stock of input.stocks) {
    const locationId = plan.sumInto ?? plan.byWarehouse.get(stock.warehouseId);
    if (locationId === undefined) unknownWarehouses.push(stock.warehouseId);
    else sums.set(locationId, (sums.get(locationId) ?? 0) + Math.max(0, stock.quantity));
  }
  const levels = new Map((input.variant?.levels ?? []).map((l) => [l.locationId, l.available] as const));
  const rows: StockChange[] = [];
  for (const [locationId, sentos] of sums) {
    // '*' holds the units back at every location: used when the selling location is unknown
    // (docs/architecture.md#no-oversell); units whose location is known are held there, on top
    // (docs/architecture.md#location-to-warehouse).
    const pending = Math.max(0, (input.pending?.get(locationId) ?? 0) + (input.pending?.get('*') ?? 0));
    const target = Math.max(0, sentos - pending);
    const current = levels.get(locationId);
    if (target === current) continue;
    rows.push({
      sku: input.sku,
      inventoryItemId: input.variant?.inventoryItemId,
      locationId,
      sentos,
      pending,
      target,
      current,
      needsActivation: current === undefined,
    });
  }
  return { rows, unknownWarehouses };
}
