/**
 * Which product writes go as one bulk import, how they are cut into files, and what each result line means
 * (docs/shopify-api.md#bulk-mutations, docs/architecture.md#bulk-import). Pure, table-tested.
 */
import type { BulkLineResult, LineKey } from '../../shopify/bulk/product-set-lines.js';
import type { PlanItem } from './types.js';

/** Shopify takes files up to 100 MB since 2026-01 [V: changelog "faster bulk operations"]; we stay well under. */
export const MAX_SHARD_BYTES = 90 * 1024 * 1024;

export interface BulkSplit {
  bulk: PlanItem[];
  perCall: PlanItem[];
}

/**
 * `writes`: items with a productWrite. At `threshold` or more eligible writes they go bulk; 0 means never. A write that
 * needs its new variants' ids back (stock too large to ride in the productSet) stays per call: the bulk result names
 * only the product.
 */
export function splitForBulk(writes: PlanItem[], threshold: number): BulkSplit {
  if (threshold <= 0) return { bulk: [], perCall: writes };
  const eligible = writes.filter((item) => item.productWrite && !item.productWrite.returnVariants);
  if (eligible.length < threshold) return { bulk: [], perCall: writes };
  const bulk = new Set(eligible);
  return { bulk: eligible, perCall: writes.filter((item) => !bulk.has(item)) };
}

/** What the client knows of the shop's cost bucket: its last throttleStatus, restored to now. */
export interface BucketView {
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BulkChoice {
  bulk: boolean;
  /** Seconds one call per product would wait for the bucket beyond what it holds (known when it is per call). */
  quotaWaitS?: number;
}

/**
 * Bulk or one call per product, for writes that reached products.bulkThreshold (docs/architecture.md#bulk-import).
 * Per call is bound by the quota only beyond what the bucket holds: `costs` are the per-call requests' predicted costs
 * and, when their sum exceeds the points available now by more than `maxQuotaWaitS` seconds of restore, the writes go
 * bulk; otherwise per call, which then finishes within that wait plus its round trips, while a bulk operation's
 * processing time is unknown (Shopify publishes no rate) and has a fixed overhead (upload, start, polls, result read).
 * `maxQuotaWaitS` 0, or no bucket known yet, leaves the count alone to decide. Stops reading `costs` once the answer is
 * bulk, so a large catalog is not predicted in full.
 */
export function chooseBulk(costs: Iterable<number>, bucket: BucketView | undefined, maxQuotaWaitS: number): BulkChoice {
  if (maxQuotaWaitS <= 0 || !bucket || bucket.restoreRate <= 0) return { bulk: true };
  const budget = bucket.currentlyAvailable + maxQuotaWaitS * bucket.restoreRate;
  let total = 0;
  for (const cost of costs) {
    total += cost;
    if (total > budget) return { bulk: true };
  }
  return { bulk: false, quotaWaitS: Math.max(0, total - bucket.currentlyAvailable) / bucket.restoreRate };
}

export interface ShardLine {
  /** The plan item (Sentos product id). */
  itemKey: string;
  key: LineKey;
  text: string;
}

export interface Shard {
  index: number;
  /** The lines' keys; their text lives on only in the ShardSink. */
  lines: Array<Omit<ShardLine, 'text'>>;
  bytes: number;
}

/** Where each file's bytes go as the lines are made (bulk-files.ts: a temporary file, or Blob parts in memory). */
export interface ShardSink {
  /** Appends text (whole lines, each with its newline) to file `shard`. */
  write(shard: number, text: string): void;
}

/**
 * Lines per file from which a catalog is spread over several files run at once (up to the shop's five): Shopify works
 * through each operation's lines in turn [I: no public figure on parallel throughput], so five files of 2,000 finish
 * sooner than one of 10,000, and a smaller import stays one file (fewer requests, one result to read).
 */
export const LINES_PER_PARALLEL_FILE = 2000;
export const MAX_PARALLEL_FILES = 5;

/** Lines are handed to the sink in texts of about this many chars: one write per ~100 lines, not per line. */
const PART_CHARS = 256 * 1024;

/**
 * Consecutive lines, each file at most `maxBytes` (a line longer than that goes alone), and spread evenly over up to
 * MAX_PARALLEL_FILES files when `count` (the number of lines) is above LINES_PER_PARALLEL_FILE. Each line is encoded
 * as it comes and its text dropped: a 10k-product file is ~60 MB of UTF-8 but twice that as the (two-byte) strings, so
 * the lines are best made one at a time by a generator (docs/architecture.md#memory).
 */
export function shardLines(
  lines: Iterable<ShardLine>,
  sink: ShardSink,
  maxBytes = MAX_SHARD_BYTES,
  count = 0,
): Shard[] {
  const files = Math.min(MAX_PARALLEL_FILES, Math.ceil(count / LINES_PER_PARALLEL_FILE));
  const perFile = files > 1 ? Math.ceil(count / files) : Infinity;
  const shards: Shard[] = [];
  let current: Shard | undefined;
  let pending = '';
  const flush = () => {
    if (current && pending.length > 0) sink.write(current.index, pending);
    pending = '';
  };
  for (const line of lines) {
    const text = `${line.text}\n`;
    const size = Buffer.byteLength(text, 'utf8');
    const full = current !== undefined && (current.bytes + size > maxBytes || current.lines.length >= perFile);
    if (!current || (current.lines.length > 0 && full)) {
      flush();
      current = { index: shards.length, lines: [], bytes: 0 };
      shards.push(current);
    }
    current.lines.push({ itemKey: line.itemKey, key: line.key });
    current.bytes += size;
    pending += text;
    if (pending.length >= PART_CHARS) flush();
  }
  flush();
  return shards;
}

export interface LineOutcome {
  productId?: string;
  /** Shopify's message, or why the outcome is unknown; absent on success. */
  failure?: string;
  /** No result line answers it: the outcome is unknown (not a rejection). */
  unanswered?: boolean;
}

const keyText = (key: LineKey): string => ('id' in key ? `id:${key.id}` : `handle:${key.handle}`);

/**
 * Result lines → one outcome per input line, by item key. A written product is matched by its own id or handle, never
 * by position. A rejected line has no product: it is placed by `__lineNumber` (its base read off the matched lines, 0
 * when none), else by position when the file has exactly one line per input line. A line nothing answers is a failure
 * to retry; a create is a handle upsert, so the retry cannot duplicate it.
 */
export function matchResults(
  lines: Array<Omit<ShardLine, 'text'>>,
  results: BulkLineResult[],
): Map<string, LineOutcome> {
  const index = new Map<string, number>();
  lines.forEach((line, i) => index.set(keyText(line.key), i));
  const found = (r: BulkLineResult) =>
    r.product ? (index.get(`id:${r.product.id}`) ?? index.get(`handle:${r.product.handle}`)) : undefined;
  const base = lineNumberBase(results.map((r) => ({ lineNumber: r.lineNumber, at: found(r) })));
  const byLine = new Map<number, LineOutcome>();
  results.forEach((result, position) => {
    let at = found(result);
    if (at === undefined && result.lineNumber !== undefined) at = result.lineNumber - base;
    if (at === undefined && results.length === lines.length) at = position;
    if (at === undefined || at < 0 || at >= lines.length || byLine.has(at)) return;
    byLine.set(at, outcomeOf(result));
  });
  const outcomes = new Map<string, LineOutcome>();
  lines.forEach((line, i) =>
    outcomes.set(
      line.itemKey,
      byLine.get(i) ?? {
        unanswered: true,
        failure:
          'Shopify\u2019s bulk result has no line for this product, so its outcome is unknown; the next run checks ' +
          'and writes it again if needed.',
      },
    ),
  );
  return outcomes;
}

function lineNumberBase(pairs: Array<{ lineNumber?: number; at?: number }>): number {
  const votes = new Map<number, number>();
  for (const { lineNumber, at } of pairs)
    if (lineNumber !== undefined && at !== undefined) votes.set(lineNumber - at, (votes.get(lineNumber - at) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [base, count] of votes) if (count > most) [best, most] = [base, count];
  return best;
}

function outcomeOf(result: BulkLineResult): LineOutcome {
  if (result.errors.length === 0 && result.product) return { productId: result.product.id };
  const text =
    result.errors.map((e) => `${e.message}${e.field?.length ? ` (${e.field.join('.')})` : ''}`).join('; ') ||
    'no product returned';
  return { ...(result.product && { productId: result.product.id }), failure: `Shopify rejected the product: ${text}` };
}
