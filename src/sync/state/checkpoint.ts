import { readJsonFile, writeFileAtomic } from '../../core/files.js';

/**
 * The orders checkpoint: the last fully processed (updatedAt, id). Saved atomically after each order so an
 * interrupted run resumes where it stopped; the next window starts a little before it (overlap) and the
 * ledger plus the remote lookup dedupe what is seen twice.
 */
export interface OrdersCheckpoint {
  updatedAt: string;
  orderId: string;
  savedAtMs: number;
}

export class CheckpointStore {
  constructor(private readonly file: string) {}

  load(): OrdersCheckpoint | undefined {
    return readJsonFile<OrdersCheckpoint>(this.file);
  }

  save(checkpoint: OrdersCheckpoint): void {
    writeFileAtomic(this.file, `${JSON.stringify(checkpoint)}\n`);
  }
}
