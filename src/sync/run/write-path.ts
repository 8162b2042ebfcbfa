/**
 * Which of a plan's product writes go as bulk imports and which one productSet each (docs/architecture.md#bulk-import):
 * products.bulkThreshold counts the writes, then, when they reach it, the shop's cost bucket decides whether one call
 * each would be held up by the quota for longer than products.bulkQuotaWait.
 */
import type { ShopifyClient } from '../../shopify/client.js';
import { chooseBulk, splitForBulk, type BulkSplit } from '../products/bulk-plan.js';
import type { PlanItem, ProductSyncSettings } from '../products/index.js';

export interface WritePathInput {
  shopify: ShopifyClient;
  settings: ProductSyncSettings;
  /** Without a journal (or a client without bulk imports) every write is per call. */
  bulkJournal?: unknown;
}

/** `writes`: the plan's items with a productWrite, in plan order. */
export function splitWrites(writes: PlanItem[], input: WritePathInput): BulkSplit {
  const { shopify } = input;
  const split = splitForBulk(writes, shopify.bulkImport && input.bulkJournal ? input.settings.bulkThreshold : 0);
  if (split.bulk.length === 0 || !shopify.costBucket || !shopify.predictProductSetCost) return split;
  // Predicted lazily: chooseBulk stops at the first write past the limit, so a large catalog is not priced in full.
  function* costs(): Generator<number> {
    for (const item of writes) yield shopify.predictProductSetCost!(item.productWrite!);
  }
  const choice = chooseBulk(costs(), shopify.costBucket(), input.settings.bulkQuotaWaitS);
  // Per call: the bucket pays for every write within products.bulkQuotaWait seconds of restore.
  return choice.bulk ? split : { bulk: [], perCall: writes };
}

/** Writes sampled to size the overlap: enough for a mean, few enough to cost nothing next to the writes. */
const LANE_SAMPLE = 50;

/**
 * How many per-call product writes to overlap: as many as the shop's full bucket pays for at once (the pacer holds
 * the rest until the restore covers them), at most shopify.maxInFlight; the client's own bound without a bucket.
 */
export function writeLanes(writes: PlanItem[], shopify: ShopifyClient): number {
  const max = shopify.maxInFlight ?? 1;
  if (writes.length === 0 || !shopify.inFlightFor || !shopify.predictProductSetCost) return max;
  const sample = writes.slice(0, LANE_SAMPLE);
  const mean =
    sample.reduce((sum, item) => sum + shopify.predictProductSetCost!(item.productWrite!), 0) / sample.length;
  return shopify.inFlightFor(mean);
}
