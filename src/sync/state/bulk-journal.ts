import { readJsonFile, writeFileAtomic } from '../../core/files.js';
import type { LineKey } from '../../shopify/bulk/product-set-lines.js';

/**
 * Bulk imports whose results are not yet in state (docs/architecture.md#bulk-import). An entry is written BEFORE its
 * file is uploaded, gets its operation id as soon as Shopify answers, and goes only after its results are saved; so
 * a run killed at any point leaves the next run what it needs to find the operation and read it before planning.
 * Written whole and atomically at each step: a handful of entries, each a line key per product.
 */
export interface BulkJournalEntry {
  /** Our run id and shard: the bulkOperationRunMutation clientIdentifier and the marker in its mutation. */
  clientIdentifier: string;
  /** ISO time just before the upload: the operation, if any, was created after it. */
  createdAt: string;
  operationId?: string;
  /** In file order: the plan item (Sentos product id) and the key its result line is matched by. */
  lines: Array<{ itemKey: string; key: LineKey }>;
}

export class BulkJournal {
  private entries: BulkJournalEntry[];

  constructor(private readonly file: string) {
    const stored = readJsonFile<BulkJournalEntry[]>(file);
    this.entries = Array.isArray(stored) ? stored.filter((e) => typeof e?.clientIdentifier === 'string') : [];
  }

  list(): BulkJournalEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  add(entry: BulkJournalEntry): void {
    this.entries = [...this.entries.filter((e) => e.clientIdentifier !== entry.clientIdentifier), entry];
    this.save();
  }

  setOperation(clientIdentifier: string, operationId: string): void {
    this.entries = this.entries.map((e) => (e.clientIdentifier === clientIdentifier ? { ...e, operationId } : e));
    this.save();
  }

  remove(clientIdentifier: string): void {
    this.entries = this.entries.filter((e) => e.clientIdentifier !== clientIdentifier);
    this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.entries)}\n`);
  }
}
