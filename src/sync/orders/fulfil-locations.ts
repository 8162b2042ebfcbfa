/**
 * Which Shopify location ships each line, and so which Sentos warehouse books it
 * (docs/architecture.md#location-to-warehouse). The fulfilment order's assigned location is where Shopify committed
 * the units at checkout; through products.warehouseMap read backwards it names the Sentos warehouse that stocks that
 * location, so Sentos takes the units from the warehouse whose stock the location shows. Pure.
 */
import type { ShopifyOrderFulfilment } from '../../shopify/fulfillments.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { EVERY_LOCATION, type PendingBySku } from './hold.js';

/**
 * Shopify location id → Sentos warehouse id, from the resolved map (warehouse id → location id). A location several
 * warehouses feed (their stock summed there) takes `preferred` (orders.warehouseId) when it is one of them, else the
 * first in map order: Sentos's stock for that location is their sum either way.
 */
export function warehouseByLocation(byWarehouse: ReadonlyMap<string, string>, preferred?: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [warehouseId, locationId] of byWarehouse) {
    const id = Number(warehouseId);
    if (!Number.isInteger(id) || id <= 0) continue; // warehouse_id is a number on the wire
    if (!out.has(locationId) || id === preferred) out.set(locationId, id);
  }
  return out;
}

/** Order line item id → the location of the fulfilment order that holds it (the one with units left first). */
export function lineLocationsOf(fulfilment: ShopifyOrderFulfilment): Map<string, string> {
  const out = new Map<string, string>();
  const live = fulfilment.fulfillmentOrders.filter((fo) => fo.locationId && fo.status.toUpperCase() !== 'CANCELLED');
  for (const pass of [true, false])
    for (const fo of live)
      for (const line of fo.lines)
        if (!out.has(line.lineItemId) && line.remainingQuantity > 0 === pass) out.set(line.lineItemId, fo.locationId!);
  return out;
}

/** Line item id → warehouse id, for the lines whose location the map knows. */
export function lineWarehousesOf(
  lineLocations: ReadonlyMap<string, string>,
  byLocation: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [lineId, locationId] of lineLocations) {
    const warehouse = byLocation.get(locationId);
    if (warehouse !== undefined) out.set(lineId, warehouse);
  }
  return out;
}

/**
 * The hold (docs/decisions/hold-at-every-location.md) at the location that ships each line when it is known, else at
 * every location. `counted`: the orders whose units Sentos's stock does not include (pendingQuantities decides).
 */
export function holdByLineLocation(
  counted: readonly ShopifyOrder[],
  lineLocations: ReadonlyMap<string, ReadonlyMap<string, string>>,
): PendingBySku {
  const out: PendingBySku = new Map();
  for (const order of counted) {
    const where = lineLocations.get(order.id);
    for (const line of order.lineItems) {
      const sku = line.sku?.trim() ?? '';
      if (sku === '' || line.currentQuantity <= 0) continue;
      const location = where?.get(line.id) ?? EVERY_LOCATION;
      const bySku = out.get(sku) ?? new Map<string, number>();
      bySku.set(location, (bySku.get(location) ?? 0) + line.currentQuantity);
      out.set(sku, bySku);
    }
  }
  return out;
}
