import { throwIfAborted } from '../../core/errors.js';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosProduct } from '../../sentos/types.js';
import type { EventSink } from '../events.js';
import type { KnownSkus } from '../orders/index.js';
import type { SkuIndex } from '../state/sku-index.js';

/**
 * Resolves the SKUs of the orders a run pushes, cheapest first (docs/sentos-api.md#rate-limits):
 * 1. the SKU index the last catalog read wrote (no request);
 * 2. one `GET /products?sku=` per SKU still unknown, when there are few of them;
 * 3. one full catalog read, only when an SKU is still unknown after that (or too many are unknown), and not
 *    again for a SKU that read did not have (for MISSING_RECHECK_MS).
 * `sku=` is documented as a product-SKU filter; whether it matches variant SKUs is open, so the client takes
 * only exact SKU hits from its answer and falls back to the catalog read (the forgiving reading).
 */
export interface SkuResolverInput {
  sentos: SentosClient;
  index: SkuIndex;
  now: () => number;
  onEvent: EventSink;
  signal?: AbortSignal;
}

export type SkuResolver = (skus: Iterable<string>) => Promise<KnownSkus>;

/** More unknown SKUs than this: one catalog read (pages of 100) is cheaper than a GET per SKU. */
export const MAX_TARGETED_READS = 20;
/**
 * A SKU a catalog read did not have is not read for again within this time: an order that keeps failing on
 * it must not cost a catalog read every run. The targeted read still finds it as soon as Sentos has it.
 */
export const MISSING_RECHECK_MS = 24 * 60 * 60_000;

export function skuResolver(input: SkuResolverInput): SkuResolver {
  let catalogRead = false; // at most one per run
  return async (wanted) => {
    const known = input.index.load();
    const missing = new Set([...wanted].filter((sku) => sku !== '' && !known.has(sku)));
    if (missing.size === 0) return known;
    const learnt = new Map<string, { productId?: string }>();
    if (missing.size <= MAX_TARGETED_READS) {
      for (const sku of missing) {
        throwIfAborted(input.signal);
        for await (const page of input.sentos.listProducts({ sku }))
          for (const product of page.products) addSellable(product, learnt, sku);
      }
    }
    const stillMissing = [...missing].filter((sku) => !learnt.has(sku));
    const recent = (sku: string) => input.now() - (input.index.missingSince(sku) ?? -Infinity) < MISSING_RECHECK_MS;
    if (stillMissing.some((sku) => !recent(sku)) && !catalogRead) {
      catalogRead = true;
      const catalog = await readCatalogSkus(input);
      input.index.save(
        catalog,
        input.now(),
        stillMissing.filter((sku) => !catalog.has(sku)),
      );
      return catalog;
    }
    if (learnt.size > 0) input.index.save(learnt);
    return new Map([...known, ...learnt]);
  };
}

async function readCatalogSkus(input: SkuResolverInput): Promise<Map<string, { productId?: string }>> {
  input.onEvent({ type: 'phase', phase: 'read-sentos', message: 'Reading the Sentos catalog for unknown SKUs…' });
  const skus = new Map<string, { productId?: string }>();
  for await (const page of input.sentos.listProducts()) {
    throwIfAborted(input.signal);
    for (const product of page.products) addSellable(product, skus);
  }
  return skus;
}

/** The sellable SKUs of a product: its variants, or the product itself when it has none. */
export function addSellable(product: SentosProduct, into: Map<string, { productId?: string }>, only?: string): void {
  const skus = product.variants.length === 0 ? [product.sku] : product.variants.map((v) => v.sku);
  for (const sku of skus) if (only === undefined || sku === only) into.set(sku, { productId: product.id });
}
