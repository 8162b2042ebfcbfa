/**
 * The products run's bulk step (docs/architecture.md#bulk-import): the bulk writes of a plan go through writeInBulk,
 * and their outcomes land where the per-call path puts its own (written keys, failures, links), so stock, publishing
 * and the report treat both paths alike.
 */
import { AuthError, errorMessage } from '../../core/errors.js';
import type { BulkImportApi, ShopifyClient } from '../../shopify/client.js';
import type { MetafieldWrite, ShopifyProduct } from '../../shopify/types.js';
import type { EventSink } from '../events.js';
import type { PlanItem } from '../products/types.js';
import type { BulkJournal } from '../state/bulk-journal.js';
import type { ProductLinks } from '../state/product-links.js';
import type { Clock } from '../../core/clock.js';
import { writeInBulk } from './bulk-write.js';

/** What the report says about the bulk path (text and --json). */
export interface BulkRunSummary {
  operations: string[];
  lines: number;
  written: number;
  failed: number;
  /** Left running at Shopify (Ctrl-C while it processed): the next run reads them first. */
  stillRunning: string[];
}

export interface BulkApplyInput {
  shopify: ShopifyClient & { bulkImport: BulkImportApi };
  journal: BulkJournal;
  links: ProductLinks;
  runId: string;
  clock: Clock;
  signal: AbortSignal;
  onEvent: EventSink;
}

export interface BulkApplied {
  written: Set<string>;
  failures: Map<string, { message: string; hint?: string }>;
  interrupted: boolean;
  summary: BulkRunSummary;
}

const RETRY_HINT = 'Fix the data in Sentos (or the conflicting product in Shopify); the next run tries again.';

export async function applyBulkWrites(
  items: PlanItem[],
  byId: Map<string, ShopifyProduct>,
  input: BulkApplyInput,
): Promise<BulkApplied> {
  const applied: BulkApplied = {
    written: new Set(),
    failures: new Map(),
    interrupted: false,
    summary: { operations: [], lines: items.length, written: 0, failed: 0, stillRunning: [] },
  };
  const result = await writeInBulk({
    items,
    bulk: input.shopify.bulkImport,
    journal: input.journal,
    runId: input.runId,
    clock: input.clock,
    signal: input.signal,
    onEvent: input.onEvent,
    onOutcomes: (outcomes) => {
      for (const [key, outcome] of outcomes) if (outcome.productId) input.links.set(key, outcome.productId);
      input.links.save();
    },
  });
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const [key, outcome] of result.outcomes) {
    const item = byKey.get(key)!;
    const failure = outcome.failure
      ? { message: outcome.failure, hint: RETRY_HINT }
      : await followUpMetafields(item, outcome.productId!, byId, input.shopify);
    if (failure) applied.failures.set(key, failure);
    else applied.written.add(key);
    input.onEvent(
      failure
        ? { type: 'item-failed', key: item.sku, message: failure.message }
        : { type: 'item-done', key: item.sku, action: item.action },
    );
  }
  applied.interrupted = result.stillRunning.length > 0 || result.notStarted.size > 0;
  applied.summary = {
    operations: result.operations,
    lines: items.length,
    written: applied.written.size,
    failed: applied.failures.size,
    stillRunning: result.stillRunning,
  };
  return applied;
}

/**
 * An update's productSet cannot carry metafields (it would replace the product's list): the link and the image list
 * follow per product, as on the per-call path. A create carried both in its line.
 */
async function followUpMetafields(
  item: PlanItem,
  productId: string,
  byId: Map<string, ShopifyProduct>,
  shopify: ShopifyClient,
): Promise<{ message: string; hint?: string } | undefined> {
  if (item.action === 'create') return undefined;
  const write = item.productWrite!;
  const rows: MetafieldWrite[] = [];
  if (byId.get(productId)?.sentosProductId !== item.key)
    rows.push({ ownerId: productId, key: 'product_id', value: item.key });
  if (write.imageSources)
    rows.push({ ownerId: productId, key: 'image_sources', value: JSON.stringify(write.imageSources) });
  if (rows.length === 0) return undefined;
  try {
    const set = await shopify.metafieldsSet(rows);
    if (set.ok) return undefined;
    return {
      message: `The product was written, but its sentos_sync metafields were not: ${set.userErrors
        .map((e) => e.message)
        .join('; ')}`,
    };
  } catch (error) {
    if (error instanceof AuthError) throw error;
    return { message: `The product was written, but its sentos_sync metafields were not: ${errorMessage(error)}` };
  }
}

/** Ctrl-C while Shopify processed stops the wait, not the import: say so, and what happens next. */
export function bulkWarnings(summary: BulkRunSummary | undefined): string[] {
  return (summary?.stillRunning ?? []).map(
    (id) =>
      `Bulk import ${id} is still running on Shopify (the stop ended the wait, not the import); the next run ` +
      'reads its results before planning anything.',
  );
}
