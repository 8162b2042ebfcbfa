import { createHash } from 'node:crypto';
import { AuthError, errorMessage } from '../../core/errors.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { InventoryWrite } from '../../shopify/types.js';
import { INVENTORY_BATCH_SIZE, chunk, type ProductPlan } from '../products/index.js';

/**
 * Writes the plan's stock rows with compare-and-set (docs/architecture.md#no-oversell). Each row carries the quantity
 * read at plan time as changeFromQuantity; when Shopify says it is stale (a sale or another app changed it since), the
 * item is re-read, the difference is carried over (it is a sale Sentos has not seen either) and the row is written
 * again — bounded, and never as a blind absolute set.
 *
 * Only a DROP is carried over: units that left Shopify since the plan are sales (or another app's removals)
 * Sentos has not seen. A rise (a cancellation's restock, a count in the Shopify admin) is not added: Sentos is
 * the source of truth for stock, and promising units it may not have is the oversell this writer exists to
 * prevent; at worst a restocked unit waits for the next run.
 */
export interface StockOutcome {
  failures: Map<string, { message: string; hint?: string }>;
  /** Plan item keys all of whose stock rows were written. */
  writtenKeys: Set<string>;
  interrupted: boolean;
  /** Rows re-read and rewritten after a stale compare (sales landed mid-run). */
  rewrites: number;
  /** Rows that still failed the compare after MAX_STALE_ROUNDS and were left as they are (reported as failures). */
  gaveUp: number;
  /** `inventoryItemId|locationId` → what was finally written, for rows whose sales mid-run were carried over. */
  carried: Map<string, { quantity: number; soldDuringRun: number }>;
}

export interface StockWriterInput {
  plan: ProductPlan;
  /** SKU → inventory item id of variants productSet just created. */
  createdItems: Map<string, string>;
  shopify: ShopifyClient;
  runId: string;
  signal: AbortSignal;
}

interface Row extends InventoryWrite {
  itemKey: string;
  /** Units that left Shopify between the plan and the write, already taken off `quantity`. */
  soldDuringRun?: number;
  staleRounds?: number;
}

/** Attempts per batch; a row found stale this many times is given up on alone (reported, rewritten next run). */
const MAX_STALE_ROUNDS = 4;
const HOT_AFTER_STALE_ROUNDS = 3;

export async function writeStock(input: StockWriterInput): Promise<StockOutcome> {
  const outcome: StockOutcome = {
    failures: new Map(),
    writtenKeys: new Set(),
    interrupted: false,
    rewrites: 0,
    gaveUp: 0,
    carried: new Map(),
  };
  const rows = collectRows(input, outcome);
  const pendingByKey = countByKey(rows);
  if (needsExplicitActivation(input.shopify.apiVersion)) await activate(input, rows, outcome);
  for (const batch of chunk(
    rows.filter((r) => !outcome.failures.has(r.itemKey)),
    INVENTORY_BATCH_SIZE,
  )) {
    if (input.signal.aborted) {
      outcome.interrupted = true;
      break;
    }
    const written = await writeBatch(input, batch, outcome);
    for (const row of written) {
      pendingByKey.set(row.itemKey, (pendingByKey.get(row.itemKey) ?? 1) - 1);
      if (row.soldDuringRun !== undefined)
        outcome.carried.set(`${row.inventoryItemId}|${row.locationId}`, {
          quantity: row.quantity,
          soldDuringRun: row.soldDuringRun,
        });
    }
  }
  // Rows that rode in the item's productSet were written with it (the plan holds only written products here).
  for (const item of input.plan.items) {
    if (item.stock.length > 0 && (pendingByKey.get(item.key) ?? 0) === 0 && !outcome.failures.has(item.key))
      outcome.writtenKeys.add(item.key);
  }
  return outcome;
}

function collectRows(input: StockWriterInput, outcome: StockOutcome): Row[] {
  const rows: Row[] = [];
  for (const item of input.plan.items) {
    for (const change of item.stock) {
      if (change.inProductSet) continue;
      const inventoryItemId = change.inventoryItemId ?? input.createdItems.get(change.sku);
      if (!inventoryItemId) {
        outcome.failures.set(item.key, {
          message: `variant ${change.sku} has no inventory item in Shopify yet, so its stock was not written`,
        });
        continue;
      }
      // A level that does not exist yet reads as 0 (activation creates it at 0).
      rows.push({
        itemKey: item.key,
        inventoryItemId,
        locationId: change.locationId,
        quantity: change.target,
        changeFromQuantity: change.current ?? 0,
      });
    }
  }
  return rows;
}

function countByKey(rows: Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.itemKey, (counts.get(row.itemKey) ?? 0) + 1);
  return counts;
}

/**
 * Up to 2026-07 a location must be activated before its first set; 2026-10 sets at any location
 * (docs/shopify-api.md#inventory).
 */
function needsExplicitActivation(apiVersion: string): boolean {
  return apiVersion !== 'unstable' && apiVersion < '2026-10';
}

async function activate(input: StockWriterInput, rows: Row[], outcome: StockOutcome): Promise<void> {
  const needed = new Set(
    input.plan.items.flatMap((i) => i.stock.filter((s) => s.needsActivation).map((s) => `${s.sku}|${s.locationId}`)),
  );
  const skuOf = new Map(
    input.plan.items.flatMap((i) =>
      i.stock.map((s) => [`${s.inventoryItemId ?? input.createdItems.get(s.sku)}|${s.locationId}`, s.sku] as const),
    ),
  );
  for (const row of rows) {
    const sku = skuOf.get(`${row.inventoryItemId}|${row.locationId}`);
    if (!sku || !needed.has(`${sku}|${row.locationId}`)) continue;
    const key = keyFor(input.runId, ['activate', row.inventoryItemId, row.locationId]);
    const result = await input.shopify.activateInventory(row.inventoryItemId, row.locationId, key);
    if (!result.ok)
      outcome.failures.set(row.itemKey, {
        message: `could not stock ${sku} at ${row.locationId}: ${result.userErrors.map((e) => e.message).join('; ')}`,
      });
  }
}

/** Writes one batch, following stale compares with re-reads; returns the rows that were written. */
async function writeBatch(input: StockWriterInput, batch: Row[], outcome: StockOutcome): Promise<Row[]> {
  let rows = batch;
  for (let round = 1; round <= MAX_STALE_ROUNDS && rows.length > 0; round += 1) {
    let result;
    try {
      result = await input.shopify.setInventoryQuantities(rows.map(toWrite), {
        idempotencyKey: keyFor(input.runId, rows.map(toWrite)),
        referenceDocumentUri: `gid://sentos-sync/SyncRun/${input.runId}`,
      });
    } catch (error) {
      if (error instanceof AuthError) throw error;
      for (const row of rows)
        outcome.failures.set(row.itemKey, {
          message: `stock write failed: ${errorMessage(error)}`,
          hint: 'The next run writes it again.',
        });
      return [];
    }
    if (result.ok) return rows;
    if (result.stale.length === 0) {
      // Not a compare failure: name the rows Shopify pointed at, drop them, and write the rest again.
      const bad = badRows(rows, result.userErrors);
      for (const row of bad.length > 0 ? bad : rows)
        outcome.failures.set(row.itemKey, {
          message: `Shopify rejected the stock write: ${result.userErrors.map((e) => e.message).join('; ')}`,
        });
      if (bad.length === 0) return [];
      rows = rows.filter((r) => !bad.includes(r));
      continue;
    }
    rows = await carryOverSales(input, rows, result.stale, outcome);
    // Shopify applies a batch all or nothing: a row that keeps selling is set aside so it cannot hold back the rest.
    const hot = rows.filter((r) => (r.staleRounds ?? 0) >= HOT_AFTER_STALE_ROUNDS);
    giveUp(hot, outcome);
    rows = rows.filter((r) => !hot.includes(r));
  }
  giveUp(rows, outcome);
  return [];
}

function giveUp(rows: Row[], outcome: StockOutcome): void {
  outcome.gaveUp += rows.length;
  for (const row of rows) {
    outcome.failures.set(row.itemKey, {
      message: 'stock kept changing on Shopify while we wrote it (sales in progress); left as it is',
      hint: 'The next run writes it again from fresh numbers.',
    });
  }
}

/** Re-reads stale rows: units that left Shopify since the plan are subtracted from what we write. */
async function carryOverSales(
  input: StockWriterInput,
  rows: Row[],
  stale: Array<{ inventoryItemId: string; locationId: string }>,
  outcome: StockOutcome,
): Promise<Row[]> {
  const levels = await input.shopify.getInventoryLevels([...new Set(stale.map((s) => s.inventoryItemId))]);
  const isStale = (row: Row) =>
    stale.some((s) => s.inventoryItemId === row.inventoryItemId && s.locationId === row.locationId);
  return rows.map((row) => {
    if (!isStale(row)) return row;
    outcome.rewrites += 1;
    const now = levels.get(row.inventoryItemId)?.find((l) => l.locationId === row.locationId)?.available ?? 0;
    const sold = Math.max(0, (row.changeFromQuantity ?? 0) - now);
    return {
      ...row,
      quantity: Math.max(0, row.quantity - sold),
      changeFromQuantity: now,
      soldDuringRun: (row.soldDuringRun ?? 0) + sold,
      staleRounds: (row.staleRounds ?? 0) + 1,
    };
  });
}

function badRows(rows: Row[], userErrors: Array<{ field?: string[] }>): Row[] {
  return userErrors.flatMap((e) => {
    const at = e.field?.indexOf('quantities') ?? -1;
    const row = at >= 0 ? rows[Number(e.field?.[at + 1])] : undefined;
    return row ? [row] : [];
  });
}

function toWrite(row: Row): InventoryWrite {
  return {
    inventoryItemId: row.inventoryItemId,
    locationId: row.locationId,
    quantity: row.quantity,
    changeFromQuantity: row.changeFromQuantity,
  };
}

function keyFor(runId: string, parts: unknown): string {
  return createHash('sha256').update(runId).update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}
