import { readJsonFile, writeFileAtomic } from '../../core/files.js';

/**
 * A persisted set of ids, e.g. Sentos products created as drafts and not yet published: a run that stopped
 * between the create and the publish finishes the job on the next run (issue 3 §5).
 */
export class IdSet {
  private readonly ids: Set<string>;

  constructor(private readonly file: string) {
    this.ids = new Set(readJsonFile<string[]>(file) ?? []);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  asSet(): Set<string> {
    return new Set(this.ids);
  }

  /** Saved at once: the id must survive a crash right after (a create whose publish never ran). */
  add(id: string): void {
    this.ids.add(id);
    this.save();
  }

  /**
   * In memory only; call save() after a batch. A removal lost to a crash is harmless: the planner only
   * publishes a product that is still a DRAFT.
   */
  delete(id: string): void {
    this.ids.delete(id);
  }

  save(): void {
    writeFileAtomic(this.file, `${JSON.stringify([...this.ids])}\n`);
  }
}
