/**
 * Product writes as bulk imports (docs/architecture.md#bulk-import): the lines built by the per-call path's own
 * productSet input builder, cut into files, each journaled BEFORE its upload, then staged, uploaded, started (the
 * operation id journaled at once), watched and read. Up to five files run at once (the shop's limit since 2026-01,
 * docs/shopify-api.md#bulk-mutations). Ctrl-C while Shopify processes leaves the operation running: the journal keeps
 * it and the next run reads its results before planning (bulk-recover.ts).
 */
import Bottleneck from 'bottleneck';
import type { Clock } from '../../core/clock.js';
import { collectGarbage } from '../../core/collect-garbage.js';
import { errorMessage } from '../../core/errors.js';
import type { BulkImportApi } from '../../shopify/client.js';
import { BulkProductSet } from '../../shopify/operations/index.js';
import { productSetLine } from '../../shopify/bulk/product-set-lines.js';
import type { EventSink } from '../events.js';
import { shardLines, type LineOutcome, type Shard, type ShardLine } from '../products/bulk-plan.js';
import type { PlanItem } from '../products/types.js';
import type { BulkJournal, BulkJournalEntry } from '../state/bulk-journal.js';
import { diskFiles, memoryFiles, type ShardFiles } from './bulk-files.js';
import { readImport } from './bulk-read.js';

export const MAX_CONCURRENT_IMPORTS = 5;

export interface BulkWriteInput {
  items: PlanItem[];
  bulk: BulkImportApi;
  journal: BulkJournal;
  runId: string;
  clock: Clock;
  signal: AbortSignal;
  onEvent: EventSink;
  /** Called with each finished file's outcomes, before its journal entry goes (save the links there). */
  onOutcomes: (outcomes: Map<string, LineOutcome>) => void;
  maxShardBytes?: number;
}

export interface BulkWriteResult {
  outcomes: Map<string, LineOutcome>;
  /** Operations Shopify is still processing (Ctrl-C, or the wait limit): their items are not reached yet. */
  stillRunning: string[];
  /** Every operation started, in file order. */
  operations: string[];
  /** Items whose file was never started (Ctrl-C before its start). */
  notStarted: Set<string>;
}

/** The marker rides in the mutation as a comment: 2026-10 has no way to read a clientIdentifier back. */
export const importMarker = (clientIdentifier: string): string => `# sentos-sync bulk import ${clientIdentifier}`;
export const importMutation = (clientIdentifier: string): string =>
  `${importMarker(clientIdentifier)}\n${BulkProductSet.document.trim()}\n`;

export async function writeInBulk(input: BulkWriteInput): Promise<BulkWriteResult> {
  const { shards, files } = shardInto(input);
  // The lines' texts are garbage now, and each file's Blob is released after its upload: collected once here and
  // once when every file is up, so neither piles onto the wait and the report (docs/architecture.md#memory).
  collectGarbage(input.items.length);
  let uploading = shards.length;
  const uploaded = () => {
    if (--uploading === 0) collectGarbage(input.items.length);
  };
  const result: BulkWriteResult = { outcomes: new Map(), stillRunning: [], operations: [], notStarted: new Set() };
  // The shop runs at most five bulk mutations at once: bottleneck holds the other files, in file order, until a slot
  // frees. Ctrl-C, or an error nothing else can get past (auth), stops the files not yet started; those in flight
  // finish. (Per-item writes overlap through runPool instead: bottleneck's bookkeeping, ~0.5 ms of CPU and a few timer
  // turns a job, is nothing for five long imports but caps a burst of hundreds of productSets,
  // docs/decisions/cost-pacer-slots.md.)
  const limiter = new Bottleneck({ maxConcurrent: MAX_CONCURRENT_IMPORTS });
  let failure: { error: unknown } | undefined;
  const runOne = async (shard: Shard): Promise<void> => {
    if (input.signal.aborted || failure) {
      for (const l of shard.lines) result.notStarted.add(l.itemKey);
      return;
    }
    try {
      await runShard(input, shard, files, result, uploaded);
    } catch (error) {
      failure ??= { error };
    }
  };
  await Promise.all(shards.map((shard) => limiter.schedule(() => runOne(shard)))).finally(() => files.close());
  if (failure) throw failure.error;
  return result;
}

/** The files on disk; in memory when no temporary file can be written (bulk-files.ts). */
function shardInto(input: BulkWriteInput): { shards: Shard[]; files: ShardFiles } {
  const disk = diskFiles();
  if (disk)
    try {
      return { shards: shardLines(linesOf(input.items), disk, input.maxShardBytes, input.items.length), files: disk };
    } catch {
      disk.close(); // a full disk, say: the same lines again, in memory
    }
  const memory = memoryFiles();
  return { shards: shardLines(linesOf(input.items), memory, input.maxShardBytes, input.items.length), files: memory };
}

/** One line at a time, so only one line's text exists at once (docs/architecture.md#memory). */
function* linesOf(items: PlanItem[]): Generator<ShardLine> {
  for (const item of items) yield { itemKey: item.key, ...productSetLine(item.productWrite!) };
}

async function runShard(
  input: BulkWriteInput,
  shard: Shard,
  files: ShardFiles,
  result: BulkWriteResult,
  uploaded: () => void,
): Promise<void> {
  const clientIdentifier = `sentos-sync-${input.runId}-${shard.index + 1}`;
  const filename = `${clientIdentifier}.jsonl`;
  const size = shard.bytes;
  const entry: BulkJournalEntry = {
    clientIdentifier,
    createdAt: new Date(input.clock.now() - 60_000).toISOString(),
    lines: shard.lines.map((l) => ({ itemKey: l.itemKey, key: l.key })),
  };
  const fail = (message: string) => {
    for (const l of shard.lines) result.outcomes.set(l.itemKey, { failure: message });
  };
  // Journaled before anything leaves: a kill from here on leaves the next run something to look for.
  input.journal.add(entry);
  let id: string;
  try {
    input.onEvent({ type: 'bulk-progress', stage: 'upload', operation: clientIdentifier, done: 0, total: size });
    const target = await input.bulk.stage(filename, size);
    await input.bulk.upload(target, filename, await files.body(shard.index), input.signal);
    files.release(shard.index); // not held while Shopify processes the file
    uploaded();
    input.onEvent({
      type: 'bulk-progress',
      stage: 'upload',
      operation: clientIdentifier,
      done: size,
      total: size,
    });
    if (input.signal.aborted) throw input.signal.reason;
    id = await startOrFind(input, entry, target.stagedUploadPath);
  } catch (error) {
    // Nothing was started (or nothing can be found): the items are planned afresh next time.
    files.release(shard.index);
    input.journal.remove(clientIdentifier);
    if (input.signal.aborted) for (const l of shard.lines) result.notStarted.add(l.itemKey);
    else fail(`The bulk import could not start: ${errorMessage(error)}`);
    return;
  }
  input.journal.setOperation(clientIdentifier, id);
  result.operations.push(id);
  const read = await readImport(input.bulk, { ...entry, operationId: id }, input.onEvent, input.signal);
  if (read.kind === 'running') {
    result.stillRunning.push(id);
    return;
  }
  input.onOutcomes(read.outcomes);
  for (const [key, outcome] of read.outcomes) result.outcomes.set(key, outcome);
  input.journal.remove(clientIdentifier);
}

/** An error on the start may hide an operation that did start (the answer was lost): look before giving up. */
async function startOrFind(input: BulkWriteInput, entry: BulkJournalEntry, stagedUploadPath: string): Promise<string> {
  const { clientIdentifier } = entry;
  try {
    return await input.bulk.start({ mutation: importMutation(clientIdentifier), stagedUploadPath, clientIdentifier });
  } catch (error) {
    const found = await input.bulk.find(importMarker(clientIdentifier), entry.createdAt).catch(() => undefined);
    if (found) return found.id;
    throw error;
  }
}
