import { readJsonFile, writeFileAtomic } from '../../core/files.js';

/**
 * Where each order's lines ship, as first read from Shopify (state/line-locations.json,
 * docs/architecture.md#location-to-warehouse): read once per order, so later runs, whose windows overlap, push the
 * same warehouses (the ledger hash stays the same) and hold at the same locations without asking Shopify again. The
 * newest `MAX_ORDERS` orders are kept. Losing the file costs reads, never correctness.
 */
type Stored = Record<string, Record<string, string>>;

const MAX_ORDERS = 5_000;

export class LineLocationCache {
  private readonly orders: Map<string, Map<string, string>>;

  constructor(private readonly file: string) {
    this.orders = new Map(Object.entries(readStored(file)).map(([id, lines]) => [id, new Map(Object.entries(lines))]));
  }

  get(orderId: string): Map<string, string> | undefined {
    return this.orders.get(orderId);
  }

  set(orderId: string, lines: Map<string, string>): void {
    this.orders.delete(orderId);
    this.orders.set(orderId, lines);
    while (this.orders.size > MAX_ORDERS) this.orders.delete(this.orders.keys().next().value as string);
  }

  save(): void {
    const out: Stored = {};
    for (const [id, lines] of this.orders) out[id] = Object.fromEntries(lines);
    writeFileAtomic(this.file, `${JSON.stringify(out)}\n`);
  }
}

/** A cache nobody edits: a damaged file is read as empty and rebuilt (docs/local-files.md). */
function readStored(file: string): Stored {
  try {
    const stored = readJsonFile<Stored>(file);
    return stored && typeof stored === 'object' ? stored : {};
  } catch {
    return {};
  }
}
