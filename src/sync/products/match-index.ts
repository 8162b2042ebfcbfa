/** Map-based indexes built once per plan, so matching 10,000 products stays linear (no O(n²) scans). */
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct, ShopifyVariant } from '../../shopify/types.js';
import { skuKey } from './text.js';

export interface ShopifyHit {
  product: ShopifyProduct;
  variant: ShopifyVariant;
}

export interface ShopifyIndex {
  byId: Map<string, ShopifyProduct>;
  /** Trimmed SKU → every variant carrying it (more than one = a duplicate SKU in Shopify). */
  bySku: Map<string, ShopifyHit[]>;
  byBarcode: Map<string, ShopifyHit[]>;
  /** Metafield sentos_sync.product_id → products carrying it. */
  bySentosId: Map<string, ShopifyProduct[]>;
  handles: Set<string>;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexShopify(products: ShopifyProduct[]): ShopifyIndex {
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
    if (product.sentosProductId !== undefined) pushTo(index.bySentosId, product.sentosProductId, product);
    for (const variant of product.variants) {
      const sku = skuKey(variant.sku);
      if (sku !== '') pushTo(index.bySku, sku, { product, variant });
      const barcode = variant.barcode?.trim();
      if (barcode) pushTo(index.byBarcode, barcode, { product, variant });
    }
  }
  return index;
}

/** Trimmed SKU → the Sentos product id of every occurrence, across and within products. */
export function indexSentos(products: SentosProduct[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const product of products) {
    const skus = product.variants.length === 0 ? [product.sku] : product.variants.map((v) => v.sku);
    for (const raw of skus) {
      const sku = skuKey(raw);
      if (sku !== '') pushTo(owners, sku, product.id);
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
