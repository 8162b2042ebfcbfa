/**
 * Before anything is read or planned: bulk imports an earlier run left unread (killed, Ctrl-C while Shopify processed,
 * an answer lost) are found and read into state (docs/architecture.md#bulk-import). Waiting for one still running is
 * what keeps a rerun from planning the same creates again while the first file is still being processed.
 *
 * - Journaled with its operation id: bulkOperation(id:).
 * - Journaled before its start was answered: the app's bulk mutations since the entry are searched for the marker in
 *   their document; none means no operation started, and the entry goes (the products are planned afresh; a create is
 *   a handle upsert, so even an operation we could not see cannot make a second copy).
 */
import { CliError, throwIfAborted } from '../../core/errors.js';
import type { BulkImportApi } from '../../shopify/client.js';
import type { EventSink } from '../events.js';
import type { BulkJournal } from '../state/bulk-journal.js';
import type { ProductLinks } from '../state/product-links.js';
import { importMarker } from './bulk-write.js';
import { readImport } from './bulk-read.js';

export interface RecoverInput {
  bulk: BulkImportApi;
  journal: BulkJournal;
  links: ProductLinks;
  signal: AbortSignal;
  onEvent: EventSink;
}

/** Notes for the report: one per import found. */
export async function recoverBulkImports(input: RecoverInput): Promise<string[]> {
  const notes: string[] = [];
  for (const entry of input.journal.list()) {
    throwIfAborted(input.signal);
    const id = entry.operationId ?? (await input.bulk.find(importMarker(entry.clientIdentifier), entry.createdAt))?.id;
    if (!id) {
      input.journal.remove(entry.clientIdentifier);
      continue;
    }
    input.onEvent({
      type: 'phase',
      phase: 'bulk-recover',
      message: `Reading bulk import ${id}, left by an earlier run (waiting while Shopify processes it)…`,
    });
    const read = await readImport(input.bulk, { ...entry, operationId: id }, input.onEvent, input.signal);
    if (read.kind === 'running') {
      throwIfAborted(input.signal);
      // The wait limit passed: planning now could write these products a second time alongside it.
      throw new CliError(`Bulk import ${id} of an earlier run is not finished: ${read.reason}. Nothing was planned.`, {
        hint: 'Run again later: the next run reads its results first, then plans.',
      });
    }
    let written = 0;
    let failed = 0;
    for (const [itemKey, outcome] of read.outcomes) {
      if (outcome.productId) input.links.set(itemKey, outcome.productId);
      if (outcome.failure) failed += 1;
      else written += 1;
    }
    input.links.save();
    input.journal.remove(entry.clientIdentifier);
    notes.push(
      `Bulk import ${id} of an earlier run ended ${read.status}: ${written} products written, ${failed} not ` +
        `(those are planned again now).`,
    );
  }
  return notes;
}
