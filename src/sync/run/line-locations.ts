import type { SentosClient } from '../../sentos/client.js';
import type { SentosWarehouse } from '../../sentos/types.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { lineLocationsOf, lineWarehousesOf, warehouseByLocation } from '../orders/fulfil-locations.js';
import { resolveLocations } from '../products/stock.js';
import type { LineLocationCache } from '../state/line-location-cache.js';
import { runPool } from './pool.js';

/**
 * Line locations and warehouses for a run (docs/architecture.md#location-to-warehouse): one OrderFulfillmentOrders read
 * per order asked about, and only on a shop whose warehouse map spans several locations (with one, every line ships
 * from it and orders.warehouseId stays what it is). The Sentos warehouse list is needed only when the map names
 * warehouses rather than giving their ids, and is read at most once per run (`sync` passes the one its catalog read
 * brought).
 */
export interface LineLocationsDeps {
  shopify: Pick<ShopifyClient, 'listLocations' | 'getOrderFulfilment'>;
  sentos: Pick<SentosClient, 'listWarehouses'>;
  warehouseMap: Record<string, string>;
  /** orders.warehouseId: preferred where several warehouses feed one location. */
  preferredWarehouseId?: number;
  warehouses?: SentosWarehouse[];
  /** Locations already read in earlier runs (state/line-locations.json). */
  cache?: Pick<LineLocationCache, 'get' | 'set' | 'save'>;
  signal: AbortSignal;
}

/**
 * Fulfilment-order reads in flight at once. One: each holds its requested cost (≈ 215) in the cost bucket until it is
 * answered, and overlapping them made a Standard shop's orders run wait on the bucket (measured: 30 orders, 8 in
 * flight 22 s, one at a time 10 s, without the reads 7 s, under the orders-faults test's load).
 */
const READS_IN_FLIGHT = 1;

export interface LineLocations {
  /** Shopify order id → line item id → location id. Empty on a single-location map. */
  locationsOf(orders: readonly ShopifyOrder[]): Promise<Map<string, Map<string, string>>>;
  /** Shopify order id → line item id → Sentos warehouse id. */
  warehousesOf(orders: readonly ShopifyOrder[]): Promise<Map<string, Map<string, number>>>;
}

export function lineLocations(deps: LineLocationsDeps): LineLocations {
  let byLocation: Promise<Map<string, number>> | undefined;
  const known = new Map<string, Map<string, string>>();
  const mapByLocation = () =>
    (byLocation ??= (async () => {
      const keys = Object.keys(deps.warehouseMap);
      if (new Set(Object.values(deps.warehouseMap)).size < 2) return new Map<string, number>();
      const warehouses =
        deps.warehouses ?? (keys.every((k) => /^\d+$/.test(k)) ? [] : await deps.sentos.listWarehouses());
      const plan = resolveLocations(warehouses, await deps.shopify.listLocations(), deps.warehouseMap);
      return warehouseByLocation(plan.byWarehouse, deps.preferredWarehouseId);
    })());
  const locationsOf = async (orders: readonly ShopifyOrder[]) => {
    const out = new Map<string, Map<string, string>>();
    // Nothing to place, nothing to read: no location or warehouse list is fetched for an empty batch.
    if (orders.length === 0 || (await mapByLocation()).size < 2) return out;
    const unknown = orders.filter((o) => !known.has(o.id) && !deps.cache?.get(o.id));
    await runPool(unknown, READS_IN_FLIGHT, deps.signal, async (order) => {
      const fulfilment = await deps.shopify.getOrderFulfilment(order.id);
      const lines = fulfilment ? lineLocationsOf(fulfilment) : new Map<string, string>();
      known.set(order.id, lines);
      // An order with no located line yet (nothing assigned) is asked again next time.
      if (lines.size > 0) deps.cache?.set(order.id, lines);
    });
    if (unknown.length > 0) deps.cache?.save();
    for (const order of orders) {
      const lines = known.get(order.id) ?? deps.cache?.get(order.id);
      if (lines) out.set(order.id, lines);
    }
    return out;
  };
  return {
    locationsOf,
    warehousesOf: async (orders) => {
      const locations = await locationsOf(orders);
      const byLoc = await mapByLocation();
      return new Map([...locations].map(([id, lines]) => [id, lineWarehousesOf(lines, byLoc)]));
    },
  };
}
