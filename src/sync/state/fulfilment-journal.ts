import { appendLine, readJsonLines, writeFileAtomic } from '../../core/files.js';

/**
 * The fulfilment journal (state/fulfilments.jsonl, docs/architecture.md#fulfilment-back-to-shopify): for each Shopify
 * order Sentos shipped, the intent written BEFORE fulfillmentCreate is sent, then its outcome. An intent without an
 * outcome is a run that died or lost the answer: the next run retries it from here (Sentos need not list the order
 * again) after reading the order's fulfilments in Shopify, which is the exactly-once guarantee; the journal only
 * spares reads for shipments already done. It also keeps how far Sentos's shipped orders were listed.
 */
export interface ShipmentKey {
  shopifyId: string;
  trackingNumber: string;
}

export interface FulfilmentIntent extends ShipmentKey {
  orderName?: string;
  sentosId: string;
  cargoCompany?: string;
  trackingUrl?: string;
  atMs: number;
}

type Line =
  | ({ type: 'intent' } & FulfilmentIntent)
  | ({ type: 'failed'; reason: string } & FulfilmentIntent)
  | ({ type: 'done'; fulfillmentIds: string[]; how: 'created' | 'found' | 'not-ours'; atMs: number } & ShipmentKey)
  | { type: 'listed'; untilMs: number };

const keyOf = (k: ShipmentKey) => JSON.stringify([k.shopifyId, k.trackingNumber]);

export class FulfilmentJournal {
  private readonly open = new Map<string, FulfilmentIntent>();
  private readonly done = new Set<string>();
  private listedUntil: number | undefined;
  private lines = 0;

  constructor(private readonly file: string) {
    for (const line of readJsonLines<Line>(file)) this.apply(line);
  }

  /** When the last complete listing of shipped orders ended (ms), if any. */
  listedUntilMs(): number | undefined {
    return this.listedUntil;
  }

  isDone(key: ShipmentKey): boolean {
    return this.done.has(keyOf(key));
  }

  /** Intents with no outcome yet, and failures: retried on every run until they are done. */
  pending(): FulfilmentIntent[] {
    return [...this.open.values()];
  }

  recordIntent(intent: FulfilmentIntent): void {
    this.write({ type: 'intent', ...intent });
  }

  recordFailed(intent: FulfilmentIntent, reason: string): void {
    this.write({ type: 'failed', ...intent, reason });
  }

  recordDone(key: ShipmentKey, how: 'created' | 'found' | 'not-ours', fulfillmentIds: string[], atMs: number): void {
    this.write({
      type: 'done',
      shopifyId: key.shopifyId,
      trackingNumber: key.trackingNumber,
      how,
      fulfillmentIds,
      atMs,
    });
  }

  recordListed(untilMs: number): void {
    this.write({ type: 'listed', untilMs });
  }

  private write(line: Line): void {
    appendLine(this.file, JSON.stringify(line));
    this.apply(line);
    if (this.lines > 2000 && this.lines > 4 * (this.done.size + this.open.size + 1)) this.compact();
  }

  private apply(line: Line): void {
    this.lines += 1;
    if (line.type === 'listed') this.listedUntil = Math.max(this.listedUntil ?? 0, line.untilMs);
    else if (line.type === 'done') {
      this.done.add(keyOf(line));
      this.open.delete(keyOf(line));
    } else if (!this.done.has(keyOf(line))) {
      const { type: _type, ...intent } = line;
      if ('reason' in intent) delete (intent as { reason?: string }).reason;
      this.open.set(keyOf(line), intent);
    }
  }

  /** One line per shipment: done ones keep only their key (they are never acted on again). */
  private compact(): void {
    const lines: Line[] = [];
    for (const key of this.done) {
      const [shopifyId = '', trackingNumber = ''] = JSON.parse(key) as string[];
      lines.push({ type: 'done', shopifyId, trackingNumber, how: 'created', fulfillmentIds: [], atMs: 0 });
    }
    for (const intent of this.open.values()) lines.push({ type: 'intent', ...intent });
    if (this.listedUntil !== undefined) lines.push({ type: 'listed', untilMs: this.listedUntil });
    writeFileAtomic(this.file, lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : ''));
    this.lines = lines.length;
  }
}
