/**
 * Which Shopify product a Sentos product is (docs/house-style.md#matching-key). The link (metafield
 * sentos_sync.product_id, or
 * the local link map) comes first; then the SKU, byte-equal after trim; the barcode only when opted in and no SKU is
 * found. Titles never decide: see suggestions in plan.ts. Every ambiguity is a conflict: reported, product not touched.
 */
import type { SentosProduct } from '../../sentos/types.js';
import type { ShopifyProduct, ShopifyVariant } from '../../shopify/types.js';
import type { MatchKind } from './types.js';
import { skuKey } from './text.js';
import { pushTo, valuesOf, type MultiMap, type ShopifyIndex } from './match-index.js';
import { summarizeMany } from './reasons.js';

export { indexShopify, indexSentos, reverseLinks, type ShopifyIndex } from './match-index.js';

export interface MatchContext {
  shopify: ShopifyIndex;
  /** Trimmed SKU → the Sentos product id of every occurrence (a repeat inside one product counts twice). */
  owners: MultiMap<string>;
  /** Local state: Sentos product id → Shopify product GID. */
  links: Map<string, string>;
  /** The reverse of `links`: GID → Sentos ids pointing at it. */
  linkedTo: Map<string, string[]>;
  matchByBarcode: boolean;
}

export type MatchResult =
  | { kind: 'none'; warnings: string[] }
  | { kind: 'conflict'; reasons: string[]; warnings: string[] }
  | {
      kind: 'matched';
      product: ShopifyProduct;
      by: MatchKind;
      /** Sentos variant SKU → its Shopify variant. */
      variants: Map<string, ShopifyVariant>;
      warnings: string[];
    };

/** The variant keys of a Sentos product: a simple product is one variant with its product SKU. */
export function sentosKeys(product: SentosProduct): Array<{ sku: string; barcode?: string }> {
  if (product.variants.length === 0) return [{ sku: skuKey(product.sku), barcode: product.barcode?.trim() }];
  return product.variants.map((v) => ({ sku: skuKey(v.sku), barcode: v.barcode?.trim() }));
}

export function matchProduct(product: SentosProduct, ctx: MatchContext): MatchResult {
  const keys = sentosKeys(product).filter((k) => k.sku !== '');
  const skus = keys.map((k) => k.sku);
  const warnings: string[] = [];
  // Grouped: a copied product with 300 variants is one line per kind, not 300.
  const reasons = [
    ...summarizeMany(sentosDuplicates(product.id, skus, ctx), (n) => `${n} SKUs appear more than once in Sentos`),
    ...summarizeMany(
      shopifyDuplicates(skus, ctx.shopify.bySku, 'SKU'),
      (n) => `${n} SKUs are on several Shopify variants`,
    ),
  ];
  const linked = findLinked(product.id, ctx, reasons, warnings);
  const { target, by } = locate(keys, linked, ctx, reasons);
  if (target) reasons.push(...foreignClaims(product.id, target, ctx));
  if (reasons.length > 0) return { kind: 'conflict', reasons: [...new Set(reasons)], warnings };
  if (!target) return { kind: 'none', warnings };
  const variants = matchVariants(keys, target, ctx.matchByBarcode);
  // Linked and single-variant on both sides: the link says which product, so the lone variant is the same one
  // even when its SKU was renamed in Sentos (else the old variant would be kept beside the new one).
  const [key] = keys;
  const [lone] = target.variants;
  if (by === 'link' && keys.length === 1 && target.variants.length === 1 && variants.size === 0 && key && lone) {
    variants.set(key.sku, lone);
  }
  return { kind: 'matched', product: target, by, variants, warnings };
}

/** The link first; else the one Shopify product holding the SKUs; else (opt-in) the barcodes. */
function locate(
  keys: Array<{ sku: string; barcode?: string }>,
  linked: ShopifyProduct | undefined,
  ctx: MatchContext,
  reasons: string[],
): { target?: ShopifyProduct; by: MatchKind } {
  const holders = holdersOf(
    keys.map((k) => k.sku),
    ctx.shopify.bySku,
  );
  if (linked) {
    for (const [id, held] of holders) {
      if (id !== linked.id)
        reasons.push(`SKU ${quote(held)} sits in Shopify product ${id}, not in the linked product ${linked.id}`);
    }
    return { target: linked, by: 'link' };
  }
  if (holders.size > 1) {
    reasons.push(`SKUs of this product sit in ${holders.size} Shopify products (${[...holders.keys()].join(', ')})`);
    return { by: 'sku' };
  }
  if (holders.size === 1) return { target: ctx.shopify.byId.get([...holders.keys()][0] as string), by: 'sku' };
  if (!ctx.matchByBarcode) return { by: 'sku' };
  const barcodes = keys.map((k) => k.barcode ?? '').filter((b) => b !== '');
  reasons.push(...shopifyDuplicates(barcodes, ctx.shopify.byBarcode, 'barcode'));
  const byBarcode = holdersOf(barcodes, ctx.shopify.byBarcode);
  if (byBarcode.size > 1) reasons.push(`barcodes of this product sit in ${byBarcode.size} Shopify products`);
  if (byBarcode.size !== 1) return { by: 'barcode' };
  return { target: ctx.shopify.byId.get([...byBarcode.keys()][0] as string), by: 'barcode' };
}

function quote(skus: string[]): string {
  return skus.map((s) => `"${s}"`).join(', ');
}

// The duplicate and claim checks run for every variant of every product: plain loops, and a reason's text is
// built only when there is one (planning 100k variants stays well under a second, `npm run bench:plan`).
function sentosDuplicates(id: string, skus: string[], ctx: MatchContext): string[] {
  const reasons: string[] = [];
  for (const sku of skus) {
    const owners = valuesOf(ctx.owners, sku);
    if (owners.length > 1)
      reasons.push(
        `SKU "${sku}" appears ${owners.length} times in Sentos (products ${[...new Set(owners)].join(', ')})`,
      );
  }
  return reasons;
}

function shopifyDuplicates(keys: string[], index: MultiMap<ShopifyProduct>, what: string): string[] {
  const reasons: string[] = [];
  for (const key of keys) {
    const hits = valuesOf(index, key);
    if (hits.length < 2) continue;
    const products = [...new Set(hits.map((product) => product.id))].join(', ');
    reasons.push(`${what} "${key}" is on ${hits.length} Shopify variants (products ${products})`);
  }
  return reasons;
}

/** Shopify product id → the keys of this Sentos product it holds. */
function holdersOf(keys: string[], index: MultiMap<ShopifyProduct>): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const key of keys) for (const product of valuesOf(index, key)) pushTo(holders, product.id, key);
  return holders;
}

function findLinked(id: string, ctx: MatchContext, reasons: string[], warnings: string[]): ShopifyProduct | undefined {
  const viaMetafield = valuesOf(ctx.shopify.bySentosId, id);
  if (viaMetafield.length > 1) {
    reasons.push(`Shopify products ${viaMetafield.map((p) => p.id).join(', ')} all carry the link to this product`);
    return undefined;
  }
  const gid = ctx.links.get(id);
  const viaMap = gid === undefined ? undefined : ctx.shopify.byId.get(gid);
  if (gid !== undefined && viaMap === undefined && viaMetafield.length === 0) {
    warnings.push(`linked Shopify product ${gid} no longer exists`);
  }
  const [meta] = viaMetafield;
  if (meta && viaMap && meta.id !== viaMap.id) {
    reasons.push(`the saved link points to ${viaMap.id} but Shopify product ${meta.id} carries the link`);
    return undefined;
  }
  return meta ?? viaMap;
}

/** The target must not belong to another Sentos product, by link or by holding its SKUs. */
function foreignClaims(id: string, target: ShopifyProduct, ctx: MatchContext): string[] {
  const reasons: string[] = [];
  if (target.sentosProductId !== undefined && target.sentosProductId !== id) {
    reasons.push(`Shopify product ${target.id} is linked to Sentos product ${target.sentosProductId}`);
  }
  const others = (ctx.linkedTo.get(target.id) ?? []).filter((other) => other !== id);
  if (others.length > 0) reasons.push(`Shopify product ${target.id} is linked to Sentos product ${others.join(', ')}`);
  const claims: string[] = [];
  for (const variant of target.variants) {
    const sku = skuKey(variant.sku);
    const owners = valuesOf(ctx.owners, sku);
    if (sku === '' || owners.every((owner) => owner === id)) continue;
    const foreign = [...new Set(owners)].filter((owner) => owner !== id);
    claims.push(`Shopify product ${target.id} also holds SKU "${sku}" of Sentos product ${foreign.join(', ')}`);
  }
  return [
    ...reasons,
    ...summarizeMany(claims, (n) => `Shopify product ${target.id} holds ${n} SKUs of other Sentos products`),
  ];
}

/** SKU first; with the barcode fallback on, an unclaimed variant with the same barcode (a renamed SKU). */
function matchVariants(
  keys: Array<{ sku: string; barcode?: string }>,
  target: ShopifyProduct,
  byBarcode: boolean,
): Map<string, ShopifyVariant> {
  const bySku = new Map(target.variants.map((v) => [skuKey(v.sku), v] as const));
  const matched = new Map<string, ShopifyVariant>();
  const claimed = new Set<string>();
  const claim = (sku: string, variant: ShopifyVariant): void => {
    matched.set(sku, variant);
    claimed.add(variant.id);
  };
  for (const key of keys) {
    const variant = bySku.get(key.sku);
    if (variant) claim(key.sku, variant);
  }
  if (!byBarcode) return matched;
  const ours = new Set(keys.map((k) => k.sku));
  for (const key of keys) {
    if (matched.has(key.sku) || !key.barcode) continue;
    const variant = target.variants.find(
      (v) => !claimed.has(v.id) && !ours.has(skuKey(v.sku)) && v.barcode?.trim() === key.barcode,
    );
    if (variant) claim(key.sku, variant);
  }
  return matched;
}
