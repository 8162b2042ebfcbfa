import fs from 'node:fs';
import { appendLine, readJsonFile, readJsonLines, writeFileAtomic } from '../../core/files.js';

/**
 * A persisted set of ids, e.g. Sentos products created as drafts and not yet published: a run that stopped between the
 * create and the publish finishes the job on the next run.
 *
 * Stored as a compacted snapshot (`file`) plus an append-only journal (`file` + ".journal", JSON Lines of
 * `["+", id]`): an add appends and fsyncs one short line instead of rewriting the whole set, which at 10,000
 * creates had cost seconds; save() compacts (snapshot written atomically, then the journal removed). Replaying
 * a journal onto a snapshot that already holds its effects gives the same set, so a crash between the two
 * steps loses nothing.
 */
export class IdSet {
  private readonly ids: Set<string>;
  private readonly journal: string;

  constructor(private readonly file: string) {
    this.journal = `${file}.journal`;
    this.ids = new Set(readJsonFile<string[]>(file) ?? []);
    for (const [op, id] of readJsonLines<[string, string]>(this.journal)) {
      if (typeof id !== 'string') continue;
      if (op === '+') this.ids.add(id);
      else if (op === '-') this.ids.delete(id);
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  asSet(): Set<string> {
    return new Set(this.ids);
  }

  /** Journaled at once: the id must survive a crash right after (a create whose publish never ran). */
  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    appendLine(this.journal, JSON.stringify(['+', id]));
  }

  /**
   * In memory only; call save() after a batch. A removal lost to a crash is harmless: the planner only
   * publishes a product that is still a DRAFT.
   */
  delete(id: string): void {
    this.ids.delete(id);
  }

  /** Compacts: the whole set to the snapshot, then the journal goes. */
  save(): void {
    writeFileAtomic(this.file, `${JSON.stringify([...this.ids])}\n`);
    fs.rmSync(this.journal, { force: true });
  }
}
