import { RemoteError, throwIfAborted } from '../../core/errors.js';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosProduct, SentosWarehouse } from '../../sentos/types.js';
import type { EventSink } from '../events.js';
import type { KnownSkus } from '../orders/index.js';

/**
 * One complete read of the Sentos catalog. Any page that fails aborts the read (an incomplete catalog must
 * never drive writes: it would look like deletions and zero stock). Products that fail their schema alone
 * are kept aside and reported, not dropped silently.
 */
export interface SentosSnapshot {
  products: SentosProduct[];
  invalid: Array<{ id?: string; sku?: string; name?: string; reason: string }>;
  warehouses: SentosWarehouse[];
  /** categoryId → names from the root down. */
  categories: Map<string, string[]>;
  /**
   * When the stock was read (ms): orders Sentos accepted after this are not in these numbers
   * (docs/architecture.md#no-oversell).
   */
  readAtMs: number;
}

export async function readSentosSnapshot(
  sentos: SentosClient,
  now: () => number,
  onEvent: EventSink,
  signal?: AbortSignal,
): Promise<SentosSnapshot> {
  onEvent({ type: 'phase', phase: 'read-sentos', message: 'Reading the Sentos catalog…' });
  const readAtMs = now();
  const [warehouses, categoryRows] = [await sentos.listWarehouses(), await sentos.listCategories()];
  const products: SentosProduct[] = [];
  const invalid: SentosSnapshot['invalid'] = [];
  for await (const page of sentos.listProducts()) {
    throwIfAborted(signal); // reads write nothing: Ctrl-C stops them at once
    products.push(...page.products);
    invalid.push(...page.invalid);
    onEvent({
      type: 'read-progress',
      source: 'sentos',
      what: 'products',
      count: products.length + invalid.length,
      total: page.totalElements,
    });
  }
  if (products.length === 0 && invalid.length > 0) throw unreadableCatalog(invalid);
  return { products, invalid, warehouses, categories: categoryPaths(categoryRows), readAtMs };
}

/**
 * Products came, none could be read: a schema change or a different API behind the URL, not an empty catalog.
 * Said as such (with the first distinct reasons), before anything is planned or written.
 */
export function unreadableCatalog(invalid: SentosSnapshot['invalid']): RemoteError {
  const reasons = [...new Set(invalid.map((i) => i.reason))];
  const first = reasons
    .slice(0, 3)
    .map((reason) => {
      const example = invalid.find((i) => i.reason === reason);
      const name = example?.sku ?? example?.id;
      return name ? `${reason} (e.g. ${name})` : reason;
    })
    .join('; ');
  const more = reasons.length > 3 ? `; and ${reasons.length - 3} more kinds` : '';
  return new RemoteError(
    `Sentos sent ${invalid.length} products, none readable: ${first}${more}. Nothing was written.`,
    { service: 'sentos', code: 'UNREADABLE_CATALOG' },
    {
      hint:
        'Check that SENTOS_API_URL is your Sentos API and look at one product in the Sentos panel; ' +
        'run with --verbose to see the requests, and report the reasons above if the data looks right.',
    },
  );
}

function categoryPaths(rows: Array<{ id: string; name: string; parentId?: string }>): Map<string, string[]> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const paths = new Map<string, string[]>();
  for (const row of rows) {
    const path: string[] = [];
    const seen = new Set<string>();
    for (
      let node: typeof row | undefined = row;
      node && !seen.has(node.id);
      node = node.parentId ? byId.get(node.parentId) : undefined
    ) {
      seen.add(node.id);
      path.unshift(node.name);
    }
    paths.set(row.id, path);
  }
  return paths;
}

/** Every sellable SKU (variant SKUs, or the product SKU of a simple product) with its Sentos product id. */
export function knownSkusOf(snapshot: SentosSnapshot): KnownSkus {
  const skus = new Map<string, { productId?: string }>();
  for (const product of snapshot.products) {
    if (product.variants.length === 0) skus.set(product.sku, { productId: product.id });
    for (const variant of product.variants) skus.set(variant.sku, { productId: product.id });
  }
  return skus;
}
