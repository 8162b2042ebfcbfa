import type { ShopifyOrder } from '../shopify/types.js';
import type { ReportItem } from '../sync/report.js';
import type { JobOutcome } from '../sync/serve/queue.js';

/**
 * Which queued orders the orders engine reached, and how it ended for each (report items are keyed by the
 * order's name, jobs by its numeric id). An order Shopify did not return (deleted, or another shop's) is
 * done: nothing can be pushed for it. An order read but without an item was not reached (interrupted): its
 * job stays queued.
 */
export function outcomesOf(
  orderIds: readonly string[],
  orders: readonly ShopifyOrder[],
  items: readonly ReportItem[],
): Map<string, JobOutcome> {
  const byLegacyId = new Map(orders.map((order) => [order.legacyId, order]));
  const byName = new Map(items.map((item) => [item.key, item]));
  const outcomes = new Map<string, JobOutcome>();
  for (const id of orderIds) {
    const order = byLegacyId.get(id);
    if (!order) {
      outcomes.set(id, 'not-found');
      continue;
    }
    const item = byName.get(order.name);
    if (!item || item.status === 'planned') continue;
    outcomes.set(id, outcomeOf(item));
  }
  return outcomes;
}

function outcomeOf(item: ReportItem): JobOutcome {
  if (item.status === 'failed') return 'failed';
  if (item.status === 'done') return 'pushed';
  return item.action === 'unchanged' ? 'unchanged' : 'skipped';
}
