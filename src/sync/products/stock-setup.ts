/**
 * Where Sentos stock goes, decided before anything is written, the way a merchant expects: stock is never
 * skipped silently. No warehouse map and exactly one active Shopify location: every Sentos warehouse is summed
 * into it (said in the report). Several locations and no map: no location can be guessed, so the products
 * phase stops with a configuration error naming both sides and the command that sets the map. Catalog-only
 * shops say so explicitly (`products.stock off`, or `stock` in `products.notOwned`).
 */
import { proposeWarehouseMap } from '../setup/warehouse-map.js';
import type { SentosWarehouse } from '../../sentos/types.js';
import type { ShopifyLocation } from '../../shopify/types.js';
import type { ProductSyncSettings } from './settings.js';

export interface StockSetupProblem {
  message: string;
  hint: string;
}

export interface StockSetup {
  /** Set when the products phase must stop before any write. */
  problem?: StockSetupProblem;
  /** Said in the plan and the report (warnings). */
  notes: string[];
}

export const STOCK_OFF_COMMAND = 'sentos-sync config set products.stock off';

export function checkStockSetup(
  settings: Pick<ProductSyncSettings, 'owned' | 'warehouseMap'>,
  warehouses: SentosWarehouse[],
  locations: ShopifyLocation[],
): StockSetup {
  if (!settings.owned.stock)
    return { notes: ['Stock is not synced (products.stock is off or stock is in products.notOwned): catalog only'] };
  if (Object.keys(settings.warehouseMap).length > 0) return { notes: [] };
  const active = locations.filter((l) => l.isActive);
  const [only] = active;
  if (active.length === 1 && only) {
    const names = warehouses.map((w) => w.name).join(', ') || 'none listed';
    return {
      notes: [
        `No warehouse map: every Sentos warehouse (${names}) is summed into the only Shopify location, "${only.name}"`,
      ],
    };
  }
  if (active.length === 0)
    return {
      notes: [],
      problem: {
        message: 'Shopify has no active location, so Sentos stock has nowhere to go. Nothing was written.',
        hint:
          'Activate a location in Shopify (Settings → Locations), or sync the catalog without stock: ' +
          `\`${STOCK_OFF_COMMAND}\`.`,
      },
    };
  const listed = warehouses.map((w) => `${w.name} (id ${w.id})`).join(', ') || 'none listed';
  return {
    notes: [],
    problem: {
      message:
        `Shopify has ${active.length} active locations and products.warehouseMap is not set, so it is not known ` +
        `where Sentos stock goes. Nothing was written. Sentos warehouses: ${listed}. Shopify locations: ` +
        `${active.map((l) => `"${l.name}"`).join(', ')}.`,
      hint:
        `Map each warehouse to a location (edit the pairs to match your shop): ` +
        `\`${mapCommand(warehouses, active)}\` (or set SENTOS_SYNC_WAREHOUSE_MAP, or let ` +
        '`sentos-sync config map-warehouses` propose the map by name). ' +
        `To sync the catalog without stock: \`${STOCK_OFF_COMMAND}\`.`,
    },
  };
}

/**
 * The map the hint proposes: by name similarity where a location shares a word with the warehouse (the same proposal
 * `config map-warehouses` shows), else the i-th warehouse to the i-th location; real names only.
 */
export function mapCommand(warehouses: SentosWarehouse[], locations: ShopifyLocation[]): string {
  const byName = new Map(
    proposeWarehouseMap(warehouses, locations).matches.map((m) => [m.warehouse.id, m.location?.name]),
  );
  const pairs = (warehouses.length > 0 ? warehouses : [{ id: 'WAREHOUSE', name: 'WAREHOUSE' }]).map((w, i) => {
    const location = byName.get(w.id) ?? locations[i]?.name ?? locations[0]?.name;
    return `${w.name}=${location ?? 'LOCATION'}`;
  });
  return `sentos-sync config set products.warehouseMap "${pairs.join(',').replace(/["\\$`]/g, '\\$&')}"`;
}
