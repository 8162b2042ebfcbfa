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

  add(id: string): void {
    this.ids.add(id);
    this.save();
  }

  delete(id: string): void {
    if (this.ids.delete(id)) this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, `${JSON.stringify([...this.ids])}\n`);
  }
}
