import { readJsonFile, writeFileAtomic } from '../../core/files.js';

/**
 * Sentos product id → Shopify product GID. The primary copy of the link lives on the Shopify product itself
 * (metafield sentos_sync.product_id, written at create), so it survives a lost state folder and a second
 * machine; this local copy is a cache that also covers products matched by SKU before the metafield is set.
 */
export class ProductLinks {
  private readonly links: Map<string, string>;

  constructor(private readonly file: string) {
    this.links = new Map(Object.entries(readJsonFile<Record<string, string>>(file) ?? {}));
  }

  asMap(): Map<string, string> {
    return new Map(this.links);
  }

  get(sentosId: string): string | undefined {
    return this.links.get(sentosId);
  }

  set(sentosId: string, shopifyId: string): void {
    this.links.set(sentosId, shopifyId);
  }

  save(): void {
    writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries(this.links), null, 1)}\n`);
  }
}
