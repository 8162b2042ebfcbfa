import fs from 'node:fs';
import { writeFileAtomic } from '../../core/files.js';
import type { KnownSkus } from '../orders/index.js';

/**
 * The Sentos SKU index: every sellable SKU with its Sentos product id, as the last full catalog read saw it
 * (a `products` or `sync` run), plus what `orders` learnt since by targeted reads. `orders` resolves the SKUs
 * of the orders it pushes from here instead of reading the whole catalog (docs/sentos-api.md#rate-limits).
 *
 * A cache, not a record: a missing, unreadable or foreign-shaped file is treated as empty (the next read
 * rebuilds it), never as an error — nothing is lost by forgetting it.
 */
interface SkuIndexFile {
  version: 1;
  /** When a full catalog read last wrote the index (ms). */
  catalogReadAtMs: number;
  /** sku → Sentos product id ('' when the catalog did not say). */
  skus: Record<string, string>;
  /** SKUs a full catalog read looked for and did not find → when (ms): not read for again for a while. */
  missing?: Record<string, number>;
}

export class SkuIndex {
  constructor(private readonly file: string) {}

  load(): Map<string, { productId?: string }> {
    const parsed = this.read();
    const skus = new Map<string, { productId?: string }>();
    for (const [sku, productId] of Object.entries(parsed?.skus ?? {}))
      skus.set(sku, productId === '' ? {} : { productId });
    return skus;
  }

  catalogReadAtMs(): number | undefined {
    return this.read()?.catalogReadAtMs;
  }

  /** When a catalog read last looked for this SKU in vain. */
  missingSince(sku: string): number | undefined {
    return this.read()?.missing?.[sku];
  }

  /**
   * `catalogReadAtMs` set: `skus` is the whole catalog and replaces the index, and `missing` lists what that read
   * was asked for and did not have; else `skus` is merged in.
   */
  save(skus: KnownSkus, catalogReadAtMs?: number, missing: readonly string[] = []): void {
    const previous = this.read();
    const full = catalogReadAtMs !== undefined;
    const out: SkuIndexFile = {
      version: 1,
      catalogReadAtMs: catalogReadAtMs ?? previous?.catalogReadAtMs ?? 0,
      skus: full ? {} : { ...previous?.skus },
      missing: full ? {} : { ...previous?.missing },
    };
    for (const sku of missing) out.missing![sku] = catalogReadAtMs ?? 0;
    for (const [sku, { productId }] of skus) out.skus[sku] = productId ?? '';
    writeFileAtomic(this.file, `${JSON.stringify(out)}\n`);
  }

  private read(): SkuIndexFile | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return undefined;
    }
    const candidate = parsed as Partial<SkuIndexFile> | null;
    if (!candidate || candidate.version !== 1 || typeof candidate.skus !== 'object' || candidate.skus === null)
      return undefined;
    return candidate as SkuIndexFile;
  }
}
