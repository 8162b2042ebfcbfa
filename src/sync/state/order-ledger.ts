import { appendLine, readJsonLines, writeFileAtomic } from '../../core/files.js';

/**
 * Shopify order id → Sentos order id and content hash. It spares requests for unchanged orders; it is NOT
 * the exactly-once guarantee (the remote lookup is), so losing it costs requests, never duplicates.
 * Stored as JSON Lines (append one line per order, fsync'd); the last line for an id wins.
 */
export interface LedgerEntry {
  shopifyId: string;
  sentosId: string;
  hash: string;
  status: number;
  /**
   * When Sentos accepted the order (ms): docs/architecture.md#no-oversell compares it with when Sentos stock was read.
   */
  sentAtMs: number;
  orderName?: string;
}

export interface FailedEntry {
  shopifyId: string;
  orderName?: string;
  reason: string;
  atMs: number;
}

type Line =
  ({ type: 'sent' } & LedgerEntry) | ({ type: 'failed' } & FailedEntry) | { type: 'resolved'; shopifyId: string };

export class OrderLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly failures = new Map<string, FailedEntry>();
  private lines = 0;

  constructor(private readonly file: string) {
    for (const line of readJsonLines<Line>(file)) this.apply(line);
  }

  get(shopifyId: string): LedgerEntry | undefined {
    return this.entries.get(shopifyId);
  }

  /**
   * Orders that failed to push and have not been pushed since: their stock stays held back
   * (docs/architecture.md#no-oversell).
   */
  pendingFailures(): FailedEntry[] {
    return [...this.failures.values()];
  }

  all(): LedgerEntry[] {
    return [...this.entries.values()];
  }

  recordSent(entry: LedgerEntry): void {
    this.write({ type: 'sent', ...entry });
  }

  recordFailed(entry: FailedEntry): void {
    this.write({ type: 'failed', ...entry });
  }

  /** The order will not be pushed and that is fine (e.g. a test order): stop retrying it and holding its stock. */
  resolveFailure(shopifyId: string): void {
    if (this.failures.has(shopifyId)) this.write({ type: 'resolved', shopifyId });
  }

  private write(line: Line): void {
    appendLine(this.file, JSON.stringify(line));
    this.apply(line);
    if (this.lines > 1000 && this.lines > 4 * (this.entries.size + this.failures.size)) this.compact();
  }

  private apply(line: Line): void {
    this.lines += 1;
    if (line.type === 'sent') {
      const { type: _type, ...entry } = line;
      this.entries.set(entry.shopifyId, entry);
      this.failures.delete(entry.shopifyId);
    } else if (line.type === 'failed') {
      const { type: _type, ...entry } = line;
      if (!this.entries.has(entry.shopifyId)) this.failures.set(entry.shopifyId, entry);
    } else {
      this.failures.delete(line.shopifyId);
    }
  }

  /** Rewrites the log with one line per order (atomic), so it does not grow without bound. */
  private compact(): void {
    const lines = [
      ...[...this.entries.values()].map((e) => JSON.stringify({ type: 'sent', ...e })),
      ...[...this.failures.values()].map((e) => JSON.stringify({ type: 'failed', ...e })),
    ];
    writeFileAtomic(this.file, lines.length ? `${lines.join('\n')}\n` : '');
    this.lines = lines.length;
  }
}
