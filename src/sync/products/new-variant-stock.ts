/**
 * Puts the initial stock of variants that a productSet CREATES into that productSet's `inventoryQuantities`,
 * so a create is one call: the product goes out complete, with its status, and needs no separate stock write
 * or publish (docs/shopify-api.md#productset). Pure, table-tested.
 *
 * Only new variants: for an existing variant `inventoryQuantities` is a blind absolute set (no compare-and-set,
 * no idempotency key), which would overwrite a sale landed since the plan; those rows stay on
 * inventorySetQuantities. A new variant has nothing sold yet, so setting its stock blindly is exact.
 */
import type { ProductWrite } from '../../shopify/types.js';
import type { StockChange } from './types.js';

/** "The total number of inventory quantities across all variants in the mutation can't exceed 50000" (schema). */
export const PRODUCT_SET_QUANTITY_LIMIT = 50_000;

export interface FoldedStock {
  write: ProductWrite;
  stock: StockChange[];
  /** Every new variant's stock rides in the write; false: some stay for the stock writer (ids needed back). */
  complete: boolean;
}

/**
 * locationId → quantity → one frozen `{ locationId, quantity }`: a 10k first sync has 240,000 initial quantities but
 * only a few hundred distinct ones, so the plan holds each once (docs/architecture.md#memory).
 */
type Quantity = Readonly<{ locationId: string; quantity: number }>;
export type QuantityCache = Map<string, Map<number, Quantity>>;

function sharedQuantity(cache: QuantityCache, locationId: string, quantity: number) {
  let byQuantity = cache.get(locationId);
  if (!byQuantity) cache.set(locationId, (byQuantity = new Map<number, Quantity>()));
  let shared = byQuantity.get(quantity);
  if (!shared) byQuantity.set(quantity, (shared = Object.freeze({ locationId, quantity })));
  return shared;
}

// Copies that add a field are written out (or Object.assign), never `{ ...row, field }`: in V8 such a copy gets a
// hidden class of its own, ~350 bytes per stock row or variant (docs/architecture.md#memory).
/** `quantities`: shared across the plan's items (plan.ts); a fresh one shares within this write only. */
export function foldNewVariantStock(
  write: ProductWrite,
  stock: StockChange[],
  quantities: QuantityCache = new Map(),
): FoldedStock {
  const newSkus = new Set(write.variants.filter((v) => v.id === undefined).map((v) => v.sku));
  const unknown = stock.filter((row) => row.inventoryItemId === undefined);
  const rows = unknown.filter((row) => newSkus.has(row.sku));
  if (rows.length === 0 && unknown.length === 0) return { write, stock, complete: true };
  // Too many for one call (or rows of variants this write does not create): the ids come back for the writer.
  if (rows.length > PRODUCT_SET_QUANTITY_LIMIT || rows.length < unknown.length)
    return { write: Object.assign({}, write, { returnVariants: true }), stock, complete: false };
  const bySku = new Map<string, Array<{ locationId: string; quantity: number }>>();
  for (const row of rows) {
    const list = bySku.get(row.sku) ?? [];
    list.push(sharedQuantity(quantities, row.locationId, row.target));
    bySku.set(row.sku, list);
  }
  const variants = write.variants.map((v) => {
    const quantities = v.id === undefined ? bySku.get(v.sku) : undefined;
    return quantities ? Object.assign({}, v, { inventoryQuantities: quantities }) : v;
  });
  const folded = new Set(rows);
  return {
    write: { ...write, variants },
    stock: stock.map((row) => (folded.has(row) ? inProductSet(row) : row)),
    complete: true,
  };
}

/** The row, marked as written by the productSet: every field in one literal (docs/architecture.md#memory). */
function inProductSet(row: StockChange): StockChange {
  const copy: StockChange = {
    sku: row.sku,
    inventoryItemId: row.inventoryItemId,
    locationId: row.locationId,
    sentos: row.sentos,
    pending: row.pending,
    target: row.target,
    current: row.current,
    needsActivation: row.needsActivation,
    inProductSet: true,
  };
  if (row.reason !== undefined) copy.reason = row.reason;
  return copy;
}
