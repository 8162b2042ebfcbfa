/**
 * Units sold on Shopify that Sentos has not received (issue 6 §2). Shopify's available count drops at checkout;
 * Sentos's stock drops only when it receives the order. A stock sync that copies Sentos's number into Shopify
 * must subtract these units or it puts sold units back on sale.
 *
 * An order counts when Sentos's stock as read cannot include it: never pushed, failed to push, or pushed at or
 * after the moment the Sentos stock read began (ties count: holding a unit back a run longer is the safe side).
 * Cancelled, fully refunded and voided orders owe nothing; test orders never reach Sentos (unless included), so
 * holding their units back would hide stock forever.
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
}

const SETTLED_FINANCIAL = new Set(['REFUNDED', 'VOIDED']);

export function pendingQuantities(
  orders: readonly ShopifyOrder[],
  sentAt: ReadonlyMap<string, { sentAtMs: number }>,
  sentosReadAtMs: number,
  options: PendingOptions = {},
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const order of orders) {
    if (!owesStock(order, options)) continue;
    const sent = sentAt.get(order.legacyId);
    if (sent && sent.sentAtMs < sentosReadAtMs) continue;
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
