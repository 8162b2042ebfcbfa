/**
 * The engine reports what it does through events (docs/house-style.md#10-events-not-drawing); the CLI draws them with a
 * spinner and a bar on a TTY, plain lines or nothing otherwise. src/sync never imports ora or cli-progress.
 */
export type SyncEvent =
  | { type: 'phase'; phase: string; message: string }
  | { type: 'read-progress'; source: 'sentos' | 'shopify'; what: string; count: number; total?: number }
  | { type: 'planned'; total: number; toApply: number; /** What is written: 'products' or 'orders'. */ what?: string }
  | { type: 'item-done'; key: string; action: string }
  | { type: 'item-failed'; key: string; message: string }
  | { type: 'waiting'; service: 'sentos' | 'shopify'; waitMs: number; reason: string }
  | { type: 'warning'; message: string }
  /**
   * A bulk import (docs/architecture.md#bulk-import): the upload (bytes), Shopify's processing (lines done of the
   * file's, from objectCount) and the result read (lines).
   */
  | {
      type: 'bulk-progress';
      stage: 'upload' | 'processing' | 'results';
      operation: string;
      done: number;
      total: number;
    };

export type EventSink = (event: SyncEvent) => void;
