/**
 * How an accepted order moves Sentos stock in the sandbox: an order in a "taken" status (default approved through
 * delivered: 2, 3, 4, 5, 99; docs/sentos-api.md#order-shape-and-status-codes) takes its lines' quantities from
 * line.warehouse_id, and a cancellation (6) gives back exactly what was taken. This is OUR MODEL of Sentos, to be
 * confirmed on a real tenant ([I]: how Sentos books API orders is not documented;
 * docs/sentos-api.md#order-shape-and-status-codes only names the statuses). It is configurable
 * (`stockRule.decrementOnStatuses`, `sentos-sync sandbox --sentos-stock-statuses`) and it lets sync tests see an order
 * reflected in the next stock read (docs/architecture.md#no-oversell). Stock may go negative: an oversold SKU stays
 * visible instead of being silently clamped.
 */
import type { SentosState } from './state.js';
import type { WireOrder } from './wire-types.js';

const CANCELLED = 6;

function move(order: WireOrder, state: SentosState, sign: 1 | -1): void {
  for (const line of order.lines) {
    if (line.sku === null || !state.findSellable(line.sku)) continue;
    state.adjustStock(line.sku, line.warehouse_id, sign * line.quantity);
  }
}

export function applyStockRule(order: WireOrder, state: SentosState, takeOnStatuses: readonly number[]): void {
  const taken = state.stockTaken.has(order);
  if (!taken && takeOnStatuses.includes(order.status)) {
    move(order, state, -1);
    state.stockTaken.add(order);
  } else if (taken && order.status === CANCELLED) {
    move(order, state, 1);
    state.stockTaken.delete(order);
  }
}
