/**
 * Stored wire objects → response bodies, with the quirks real clients have met switched on by flags
 * (docs/sentos-api.md#product-shape-and-quirks). Money is sent exactly as stored: Turkish strings stay Turkish, numbers
 * stay numbers. The result is meant to be JSON-encoded at once: it may share leaves with the store.
 */
import type { SentosSimQuirks } from './options.js';
import type { WireProduct, WireStock, WireVariant, WireWarehouse } from './wire-types.js';

export interface SerialiseContext {
  quirks: SentosSimQuirks;
  warehouses: readonly WireWarehouse[];
}

/**
 * PHP's json_encode turns an empty associative array into [] (docs/sentos-api.md#base-url-auth-and-transport,
 * docs/sentos-api.md#product-shape-and-quirks quirk 3).
 */
export function emptyObject<T extends object>(value: T, quirks: SentosSimQuirks): T | [] {
  return quirks.emptyObjectsAsArrays && Object.keys(value).length === 0 ? [] : value;
}

function stock(entry: WireStock, ctx: SerialiseContext): unknown {
  const { quirks } = ctx;
  const warehouse = quirks.warehouseAsObject
    ? { id: entry.warehouse, name: ctx.warehouses.find((w) => w.id === entry.warehouse)?.name ?? '' }
    : entry.warehouse;
  return { warehouse, stock: quirks.stockAsString ? String(entry.stock) : entry.stock };
}

function variant(value: WireVariant, ctx: SerialiseContext): unknown {
  return {
    ...value,
    model: ctx.quirks.modelAsString ? value.model.value : { ...value.model },
    stocks: value.stocks.map((s) => stock(s, ctx)),
    images: value.images.map((i) => ({ ...i })),
  };
}

export function serialiseProduct(product: WireProduct, ctx: SerialiseContext): unknown {
  return {
    ...product,
    stocks: product.stocks.map((s) => stock(s, ctx)),
    prices: emptyObject(product.prices, ctx.quirks),
    images: product.images.map((i) => ({ ...i })),
    variants: product.variants.map((v) => variant(v, ctx)),
  };
}
