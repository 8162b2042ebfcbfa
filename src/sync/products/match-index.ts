/**
 * Map-based indexes built once per plan, so matching 10,000 products stays linear (no O(n²) scans). They hold one
 * entry per key and a list only where a key repeats (docs/architecture.md#memory): at 10,000 products a list and a
 * hit object per SKU, for Shopify and for Sentos, were 30 MB, most of it for keys that are on one variant.
 */
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct } from '../../shopify/types.js';
import { skuKey } from './text.js';

/** Key → its one value, or every value (repeats included) when there are several. V is never an array itself. */
export type MultiMap<V> = Map<string, V | V[]>;

export interface ShopifyIndex {
  byId: Map<string, ShopifyProduct>;
  /** Trimmed SKU → the product of every variant carrying it (more than one = a duplicate SKU in Shopify). */
  bySku: MultiMap<ShopifyProduct>;
  /** Built only when matching by barcode is on (nothing else reads it). */
  byBarcode: MultiMap<ShopifyProduct>;
  /** Metafield sentos_sync.product_id → products carrying it. */
  bySentosId: MultiMap<ShopifyProduct>;
  handles: Set<string>;
}

export function addTo<V>(map: MultiMap<V>, key: string, value: V): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, value);
  else if (Array.isArray(known)) known.push(value);
  else map.set(key, [known, value]);
}

const NONE: readonly never[] = Object.freeze([]);

/** Every value of `key`, repeats included (a list of one for a single value). */
export function valuesOf<V>(map: MultiMap<V>, key: string): readonly V[] {
  const known = map.get(key);
  if (known === undefined) return NONE;
  return Array.isArray(known) ? known : [known];
}

/** How many values `key` has, repeats included. */
export function countOf<V>(map: MultiMap<V>, key: string): number {
  const known = map.get(key);
  if (known === undefined) return 0;
  return Array.isArray(known) ? known.length : 1;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexShopify(products: ShopifyProduct[], options: { barcodes: boolean }): ShopifyIndex {
  const index: ShopifyIndex = {
    byId: new Map(),
    bySku: new Map(),
    byBarcode: new Map(),
    bySentosId: new Map(),
    handles: new Set(),
  };
  for (const product of products) {
    index.byId.set(product.id, product);
    index.handles.add(product.handle);
    if (product.sentosProductId !== undefined) addTo(index.bySentosId, product.sentosProductId, product);
    for (const variant of product.variants) {
      const sku = skuKey(variant.sku);
      if (sku !== '') addTo(index.bySku, sku, product);
      const barcode = options.barcodes ? variant.barcode?.trim() : undefined;
      if (barcode) addTo(index.byBarcode, barcode, product);
    }
  }
  return index;
}

/** Trimmed SKU → the Sentos product id of every occurrence, across and within products. */
export function indexSentos(products: SentosProduct[]): MultiMap<string> {
  const owners: MultiMap<string> = new Map();
  for (const product of products) {
    const skus = product.variants.length === 0 ? [product.sku] : product.variants.map((v) => v.sku);
    for (const raw of skus) {
      const sku = skuKey(raw);
      if (sku !== '') addTo(owners, sku, product.id);
    }
  }
  return owners;
}

/** GID → the Sentos ids the local link map points at it. */
export function reverseLinks(links: Map<string, string>): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  for (const [sentosId, gid] of links) pushTo(reverse, gid, sentosId);
  return reverse;
}
