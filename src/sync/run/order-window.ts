import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import type { OrdersCheckpoint } from '../state/checkpoint.js';

/** Windows overlap so an order updated while the last run was reading is not missed; the ledger dedupes. */
export const CHECKPOINT_OVERLAP_MS = 10 * 60_000;
/** With no checkpoint yet, the orders window is the last seven days. */
export const DEFAULT_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** Orders read by id per request: Shopify's `ids` search stays well under its query-length limits at 50. */
export const IDS_PER_READ = 50;

/** Where an orders window starts: the saved checkpoint minus the overlap, else the default look-back. */
export function orderWindowStart(saved: OrdersCheckpoint | undefined, nowMs: number): string {
  const startMs = saved ? Date.parse(saved.updatedAt) - CHECKPOINT_OVERLAP_MS : nowMs - DEFAULT_LOOKBACK_MS;
  return new Date(startMs).toISOString();
}

/** Reads the given orders by id, IDS_PER_READ per request, handing each one to `add`. */
export async function readOrdersByIds(
  shopify: ShopifyClient,
  ids: readonly string[],
  add: (order: ShopifyOrder) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    for await (const page of shopify.listOrders({ ids: ids.slice(i, i + IDS_PER_READ) })) page.forEach(add);
  }
}
