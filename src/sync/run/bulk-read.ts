/**
 * Waiting for one bulk import and reading its result file into per-product outcomes (docs/architecture.md#bulk-import).
 * Shared by the run that started the import and by the next run that recovers it.
 */
import { errorMessage } from '../../core/errors.js';
import type { BulkImportApi } from '../../shopify/client.js';
import { parseResultLine } from '../../shopify/bulk/product-set-lines.js';
import type { EventSink } from '../events.js';
import { matchResults, type LineOutcome, type ShardLine } from '../products/bulk-plan.js';
import type { BulkJournalEntry } from '../state/bulk-journal.js';

export type ImportRead =
  /** Still processing (Ctrl-C, the wait limit) or its results could not be read yet: the journal keeps it. */
  { kind: 'running'; reason: string } | { kind: 'done'; status: string; outcomes: Map<string, LineOutcome> };

export async function readImport(
  bulk: BulkImportApi,
  entry: BulkJournalEntry & { operationId: string },
  onEvent: EventSink,
  signal: AbortSignal,
): Promise<ImportRead> {
  const id = entry.operationId;
  const total = entry.lines.length;
  const state = await bulk.wait(
    id,
    (s) => onEvent({ type: 'bulk-progress', stage: 'processing', operation: id, done: s.objectCount, total }),
    signal,
    total,
  );
  if (state.status !== 'COMPLETED' && state.status !== 'FAILED' && state.status !== 'CANCELED')
    return state.status === 'EXPIRED'
      ? { kind: 'done', status: state.status, outcomes: allFailed(entry, `its result file expired (${id})`) }
      : { kind: 'running', reason: `Shopify is still processing it (${state.objectCount} of ${total} lines done)` };
  const url = state.url ?? state.partialDataUrl;
  let raw: unknown[] = [];
  if (url) {
    onEvent({ type: 'bulk-progress', stage: 'results', operation: id, done: 0, total });
    try {
      raw = await bulk.results(id, url, state.url ? state.fileSize : undefined, signal);
    } catch (error) {
      if (signal.aborted) return { kind: 'running', reason: 'its results were not read yet' };
      return { kind: 'running', reason: `its results could not be read (${errorMessage(error)})` };
    }
    onEvent({ type: 'bulk-progress', stage: 'results', operation: id, done: raw.length, total });
  }
  const lines: ShardLine[] = entry.lines.map((l) => ({ ...l, text: '' }));
  const outcomes = matchResults(lines, raw.map(parseResultLine));
  if (state.status !== 'COMPLETED') {
    // Lines the partial file does not answer did not run (or we cannot tell): failures the next run retries.
    const why = `the bulk import ${id} ended ${state.status}${state.errorCode ? ` (${state.errorCode})` : ''}`;
    for (const [key, outcome] of outcomes)
      if (outcome.unanswered)
        outcomes.set(key, { unanswered: true, failure: `Not written: ${why}; the next run writes it again.` });
  }
  return { kind: 'done', status: state.status, outcomes };
}

function allFailed(entry: BulkJournalEntry, why: string): Map<string, LineOutcome> {
  return new Map(
    entry.lines.map((l) => [l.itemKey, { unanswered: true, failure: `Outcome unknown: ${why}; the next run checks.` }]),
  );
}
