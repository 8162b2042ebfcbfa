/**
 * Units sold on Shopify that Sentos has not received (docs/architecture.md#no-oversell). Shopify's available count
 * drops at checkout; Sentos's stock drops only when it receives the order. A stock sync that copies Sentos's number
 * into Shopify must subtract these units or it puts sold units back on sale.
 *
 * An order counts when Sentos's stock as read cannot include it: never pushed, failed to push, pushed at or after the
 * moment the Sentos stock read began (ties count: holding a unit back a run longer is the safe side), or last pushed in
 * a status that does not take stock (1, awaiting approval: unpaid bank transfer, cash on delivery). Which statuses take
 * stock is our model of Sentos ([I]: docs/sentos-api.md#order-shape-and-status-codes names the statuses, no source says
 * when stock moves); assuming fewer is the safe side: a unit held back twice is a late sale, a unit not held back is an
 * oversell. The caller passes `sentAtMs` = the time the order last entered a taking status (for `sync`: "now" for every
 * order pushed in this run, since its Sentos read came first). Cancelled, fully refunded and voided orders owe nothing;
 * test orders never reach Sentos (unless included), so holding their units back would hide stock forever.
 *
 * All `currentQuantity` counts, fulfilled or not: fulfilling in Shopify does not tell Sentos (the domain type has
 * no per-line fulfilled quantity, and the units left the shelf either way).
 *
 * Per SKU, not per location: an order does not say which Sentos warehouse will ship it. The products planner
 * decides where to subtract (e.g. at the location mapped to the order's warehouse, or spread over locations).
 */
import type { ShopifyOrder } from '../../shopify/types.js';

export interface PendingOptions {
  includeTestOrders?: boolean;
  /** Sentos statuses whose orders Sentos's stock already includes (default: approved through delivered). */
  stockTakingStatuses?: readonly number[];
}

/**
 * 2 approved, 3 supply, 4 preparing, 5 shipped, 99 delivered (docs/sentos-api.md#order-shape-and-status-codes); the
 * sandbox models the same.
 */
export const DEFAULT_STOCK_TAKING_STATUSES: readonly number[] = [2, 3, 4, 5, 99];

/** What the order ledger knows of one pushed order. `status` absent: taken as a stock-taking status. */
export interface SentRecord {
  sentAtMs: number;
  status?: number;
}

const SETTLED_FINANCIAL = new Set(['REFUNDED', 'VOIDED']);

export function pendingQuantities(
  orders: readonly ShopifyOrder[],
  sentAt: ReadonlyMap<string, SentRecord>,
  sentosReadAtMs: number,
  options: PendingOptions = {},
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const order of orders) {
    if (!owesStock(order, options)) continue;
    if (reflected(sentAt.get(order.legacyId), sentosReadAtMs, options)) continue;
    for (const line of order.lineItems) {
      const sku = line.sku?.trim() ?? '';
      if (sku === '' || line.currentQuantity <= 0) continue;
      totals.set(sku, (totals.get(sku) ?? 0) + line.currentQuantity);
    }
  }
  return totals;
}

function owesStock(order: ShopifyOrder, options: PendingOptions): boolean {
  if (order.cancelledAt) return false;
  if (order.test && !options.includeTestOrders) return false;
  return !SETTLED_FINANCIAL.has(order.displayFinancialStatus?.toUpperCase() ?? '');
}

/** Sentos's stock as read includes the order: it was there, in a status that takes stock, before the read. */
function reflected(sent: SentRecord | undefined, sentosReadAtMs: number, options: PendingOptions): boolean {
  if (!sent || sent.sentAtMs >= sentosReadAtMs) return false;
  return (
    sent.status === undefined || (options.stockTakingStatuses ?? DEFAULT_STOCK_TAKING_STATUSES).includes(sent.status)
  );
}
