/**
 * Which orders hold stock back, decided from what the order ledger knows (pure). `pendingQuantities` counts the
 * units; this file says which orders to count and where the units are held. Both `sync` and `products` use it:
 * no command may put a held unit back on sale.
 */
import { DEFAULT_STOCK_TAKING_STATUSES, type SentRecord } from './pending.js';

/** Sentos's cancelled / returned status: such an order owes no stock and is never re-read for a hold. */
export const SENTOS_CANCELLED = 6;

/** The location key that means "every location that stocks the SKU". */
export const EVERY_LOCATION = '*';

/** sku → location id (or EVERY_LOCATION) → units to hold back. */
export type PendingBySku = Map<string, Map<string, number>>;

/** What the ledger holds of one order: enough to decide whether Sentos's stock includes it. */
export interface LedgerView {
  shopifyId: string;
  status: number;
  sentAtMs: number;
}

/**
 * Sentos has the order but has taken no stock for it: pushed in a status that takes none (1, awaiting
 * approval), and not cancelled. Assuming fewer taking statuses is the safe side (a late sale, never an oversell).
 */
export function awaitsStock(status: number, stockTaking: readonly number[] = DEFAULT_STOCK_TAKING_STATUSES): boolean {
  return !stockTaking.includes(status) && status !== SENTOS_CANCELLED;
}

/**
 * The Shopify order ids whose units the ledger knows Sentos does not include: every push that failed and has
 * not gone through since, and every pushed order still waiting in a status that takes no stock. Ids in
 * `alreadyRead` are left out (the caller has those orders). First failures, then waiting orders; no duplicates.
 */
export function ledgerHoldIds(
  entries: readonly LedgerView[],
  failures: ReadonlyArray<{ shopifyId: string }>,
  alreadyRead: ReadonlySet<string> = new Set(),
): string[] {
  const waiting = entries.filter((e) => awaitsStock(e.status)).map((e) => e.shopifyId);
  return [...new Set([...failures.map((f) => f.shopifyId), ...waiting])].filter((id) => !alreadyRead.has(id));
}

/**
 * The ledger's view for `pendingQuantities`, except that an order pushed in THIS run counts as received after
 * the Sentos read whatever its first-sent time: `sync` reads Sentos before it pushes, so a status change made
 * now (1 → 2 takes stock) is not in the numbers it read.
 */
export function sentRecords(
  entries: readonly LedgerView[],
  pushedThisRun: ReadonlySet<string>,
  sentosReadAtMs: number,
): Map<string, SentRecord> {
  return new Map(
    entries.map((e) => [
      e.shopifyId,
      {
        sentAtMs: pushedThisRun.has(e.shopifyId) ? Math.max(e.sentAtMs, sentosReadAtMs) : e.sentAtMs,
        status: e.status,
      },
    ]),
  );
}

/**
 * Shopify orders do not say which Sentos warehouse will book them (orders.warehouseId or Sentos's default), so
 * the hold applies at every location that stocks the SKU: too much for a run, never too little.
 */
export function holdAtEveryLocation(totals: ReadonlyMap<string, number>): PendingBySku {
  return new Map([...totals].map(([sku, quantity]) => [sku, new Map([[EVERY_LOCATION, quantity]])]));
}
