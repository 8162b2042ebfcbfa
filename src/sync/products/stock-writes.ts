/**
 * Stock rows of a plan → inventorySetQuantities rows (docs/shopify-api.md#inventory). changeFromQuantity is the
 * quantity read at plan time: Shopify rejects the row as stale when a sale landed in between, and apply re-reads
 * instead of overwriting the sale (docs/architecture.md#no-oversell). Never null: sync never does a blind absolute set.
 */
import type { InventoryWrite } from '../../shopify/types.js';
import type { ProductPlan } from './types.js';

/** The general input-array limit of the Admin API (docs/shopify-api.md#pitfalls). */
export const INVENTORY_BATCH_SIZE = 250;

/** Item/location pairs to activate before their first write (docs/shopify-api.md#pitfalls). */
export interface Activation {
  inventoryItemId: string;
  locationId: string;
}

/**
 * `createdItems` (SKU → inventory item id) resolves variants that productSet created after the plan was made;
 * rows whose item id is still unknown are left out.
 */
export function planToStockWrites(plan: ProductPlan, createdItems?: Map<string, string>): InventoryWrite[][] {
  const rows: InventoryWrite[] = [];
  for (const item of plan.items) {
    for (const row of item.stock) {
      const inventoryItemId = row.inventoryItemId ?? createdItems?.get(row.sku);
      if (inventoryItemId === undefined || row.inProductSet) continue;
      // A level created by activation starts at 0, so 0 is also the compare value of an unstocked location.
      rows.push({
        inventoryItemId,
        locationId: row.locationId,
        quantity: row.target,
        changeFromQuantity: row.current ?? 0,
      });
    }
  }
  return chunk(rows, INVENTORY_BATCH_SIZE);
}

export function planActivations(plan: ProductPlan, createdItems?: Map<string, string>): Activation[] {
  return plan.items.flatMap((item) =>
    item.stock.flatMap((row) => {
      const inventoryItemId = row.inventoryItemId ?? createdItems?.get(row.sku);
      return row.needsActivation && inventoryItemId !== undefined && !row.inProductSet
        ? [{ inventoryItemId, locationId: row.locationId }]
        : [];
    }),
  );
}

export function chunk<T>(rows: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}
