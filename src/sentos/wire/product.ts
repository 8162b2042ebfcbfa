import { z } from 'zod';
import type { SentosChannelPrice, SentosProduct, SentosVariant } from '../types.js';
import {
  isPlainObject,
  wireId,
  wireImages,
  wireList,
  wireModel,
  wireMoney,
  wireObjectOrEmpty,
  wireOptionalId,
  wireOptionalInt,
  wireSku,
  wireStock,
  wireText,
} from './fields.js';
import { SentosInterner } from './intern.js';

/**
 * The product as GET /products and GET /products/{id} send it (docs/sentos-api.md#product-shape-and-quirks), narrowed
 * to the fields the tool reads, in the wire's own casing. Quirk handling lives in ./fields.ts.
 */

const wirePriceEntry = wireObjectOrEmpty(z.object({ list_price: wireMoney, sale_price: wireMoney }).nullish());

/** `prices` keyed by sales channel; `[]` when empty (docs/sentos-api.md#prices [V: SAL]; the `[]` form [I]). */
const wirePrices = wireObjectOrEmpty(z.record(z.string(), wirePriceEntry).nullish());

/** `name` is a string; ERPD guards against an array (multi-language?) [V: ERPD; I]: take the first text. */
const wireName = z
  .union([z.string(), z.number(), z.array(z.unknown())])
  .nullish()
  .transform((v) => {
    if (Array.isArray(v)) return (v.find((x): x is string => typeof x === 'string' && x.trim() !== '') ?? '').trim();
    return v === null || v === undefined ? '' : String(v).trim();
  });

export const wireVariantSchema = z.object({
  sku: wireSku,
  barcode: wireText,
  color: wireText,
  model: wireModel,
  stocks: wireList(wireStock),
  images: wireImages,
  sale_price: wireMoney,
  purchase_price: wireMoney,
});

export const wireProductSchema = z
  .object({
    id: wireId,
    sku: wireText,
    name: wireName,
    brand: wireText,
    barcode: wireText,
    description: wireText,
    description_detail: wireText,
    category_id: wireOptionalId,
    currency: wireText,
    vat_rate: wireOptionalInt,
    sale_price: wireMoney,
    purchase_price: wireMoney,
    prices: wirePrices,
    stocks: wireList(wireStock),
    images: wireImages,
    variants: wireList(wireVariantSchema),
  })
  // A simple product is its own single variant (docs/sentos-api.md#product-shape-and-quirks [V: MSO]): without a SKU it
  // cannot be matched.
  .refine((p) => p.sku !== undefined || p.variants.length > 0, {
    message: 'product has no SKU and no variants',
    path: ['sku'],
  });

type WireProduct = z.output<typeof wireProductSchema>;

export interface InvalidProduct {
  id?: string;
  sku?: string;
  /** The product's name when it is readable, so the report names what failed. */
  name?: string;
  reason: string;
}

export type ProductParse = { ok: true; product: SentosProduct } | { ok: false; invalid: InvalidProduct };

/**
 * Parses one product; a product that does not fit is reported, never thrown
 * (docs/house-style.md#8-per-item-failures-are-data).
 */
export function parseSentosProduct(raw: unknown, interner = new SentosInterner()): ProductParse {
  const result = wireProductSchema.safeParse(raw);
  if (result.success) return { ok: true, product: toSentosProduct(result.data, interner) };
  const reason = result.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, invalid: { ...identify(raw), reason } };
}

/**
 * Parses a page of products: the good ones, and the ones to report. A catalog read passes one interner for all its
 * pages, so what repeats is one value across the catalog (docs/architecture.md#memory).
 */
export function parseSentosProducts(
  items: readonly unknown[],
  interner = new SentosInterner(),
): {
  products: SentosProduct[];
  invalid: InvalidProduct[];
} {
  const products: SentosProduct[] = [];
  const invalid: InvalidProduct[] = [];
  for (const item of items) {
    const parsed = parseSentosProduct(item, interner);
    if (parsed.ok) products.push(parsed.product);
    else invalid.push(parsed.invalid);
  }
  return { products, invalid };
}

function identify(raw: unknown): { id?: string; sku?: string; name?: string } {
  if (!isPlainObject(raw)) return {};
  const pick = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined;
  const name = wireName.safeParse(raw.name);
  return compact({ id: pick(raw.id), sku: pick(raw.sku), name: name.success ? name.data || undefined : undefined });
}

export function toSentosProduct(w: WireProduct, interner = new SentosInterner()): SentosProduct {
  const prices: Record<string, SentosChannelPrice> = {};
  for (const [key, entry] of Object.entries(w.prices ?? {})) {
    prices[key] = interner.channelPrice(entry?.list_price, entry?.sale_price);
  }
  // Variants of one colour often list the same images: one list for them (keys live only while this product parses).
  const imageLists = new Map<string, readonly string[]>();
  const images = (urls: readonly string[]): readonly string[] => {
    const shared = interner.images(urls);
    const key = shared.join('\u0000');
    const known = imageLists.get(key);
    if (known) return known;
    imageLists.set(key, shared);
    return shared;
  };
  return compact({
    id: w.id,
    sku: w.sku ?? '',
    name: w.name,
    brand: interner.string(w.brand),
    barcode: w.barcode,
    description: w.description,
    descriptionDetail: w.description_detail,
    categoryId: interner.string(w.category_id),
    currency: interner.string(w.currency),
    vatRate: w.vat_rate,
    salePrice: interner.money(w.sale_price),
    purchasePrice: interner.money(w.purchase_price),
    prices,
    stocks: interner.stocks(w.stocks),
    images: images(w.images),
    variants: w.variants.map((v): SentosVariant =>
      compact({
        sku: v.sku,
        barcode: v.barcode,
        color: interner.string(v.color),
        model: interner.model(v.model),
        stocks: interner.stocks(v.stocks),
        images: images(v.images),
        salePrice: interner.money(v.sale_price),
        purchasePrice: interner.money(v.purchase_price),
      }),
    ),
  });
}

/** Drops undefined fields so domain objects only carry what Sentos sent. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
