/**
 * Wire product/variant/level → domain types (docs/house-style.md#3-wire-types-at-the-boundary: map at the client
 * boundary). Money is
 * parsed once, here, into minor units.
 */
import { parseDotDecimal, type Minor } from '../core/money.js';
import { RemoteError } from '../core/errors.js';
import type { CatalogInterner } from './intern.js';
import type { WireLevels, WireProduct, WireVariant } from './operations/wire.js';
import type { ShopifyInventoryLevel, ShopifyProduct, ShopifyVariant } from './types.js';

/** A product's own fields, as ProductsPage and the bulk export's product lines carry them. */
export type WireProductFields = Omit<WireProduct, 'variants'>;

/** A variant; the bulk export carries no levels inline (they come from a second export). */
export type WireVariantFields = Omit<WireVariant, 'inventoryItem'> & {
  inventoryItem: { id: string; tracked: boolean; inventoryLevels?: WireLevels };
};

/**
 * `variants`: the complete list (first page plus any ProductVariantsPage pages), with levels complete. `intern`: one
 * copy of the strings that repeat across products (a whole-catalog read, docs/architecture.md#memory).
 */
export function toShopifyProduct(
  wire: WireProductFields,
  variants: ShopifyVariant[],
  intern?: CatalogInterner,
): ShopifyProduct {
  const same = intern ? (value: string) => intern.string(value) : (value: string) => value;
  const product: ShopifyProduct = {
    id: wire.id,
    handle: wire.handle,
    title: wire.title,
    descriptionHtml: wire.descriptionHtml,
    vendor: same(wire.vendor),
    productType: same(wire.productType),
    tags: intern ? wire.tags.map(same) : wire.tags,
    status: same(wire.status),
    options: [...wire.options]
      .sort((a, b) => a.position - b.position)
      .map((o) => ({ name: same(o.name), values: intern ? o.values.map(same) : o.values })),
    variants,
  };
  if (wire.sentosProductId) product.sentosProductId = wire.sentosProductId.value;
  const images = wire.imageSources ? parseImageSources(wire.imageSources.value) : undefined;
  if (images) product.imageSources = images;
  return product;
}

/**
 * `levels` overrides the inline page (more levels than the page held, or levels read by bulk export); `intern` shares
 * the option list with every variant of the same combination.
 */
export function toShopifyVariant(
  wire: WireVariantFields,
  levels?: readonly ShopifyInventoryLevel[],
  intern?: CatalogInterner,
): ShopifyVariant {
  const inline = wire.inventoryItem.inventoryLevels;
  if (!levels && !inline)
    throw new RemoteError(`Shopify sent variant ${wire.id} without its inventory levels`, {
      service: 'shopify',
      code: 'UNEXPECTED_RESPONSE',
    });
  const variant: ShopifyVariant = {
    id: wire.id,
    sku: wire.sku ?? '',
    price: money(wire.price, `variant ${wire.id} price`),
    selectedOptions: intern
      ? intern.selectedOptions(wire.selectedOptions)
      : wire.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    inventoryItemId: wire.inventoryItem.id,
    tracked: wire.inventoryItem.tracked,
    levels: levels ?? toLevels(inline as WireLevels),
  };
  if (wire.barcode) variant.barcode = wire.barcode;
  if (wire.compareAtPrice !== null)
    variant.compareAtPrice = money(wire.compareAtPrice, `variant ${wire.id} compareAtPrice`);
  return variant;
}

export function toLevels(levels: WireLevels): ShopifyInventoryLevel[] {
  return levels.nodes.map((node) => ({
    locationId: node.location.id,
    available: node.quantities.find((q) => q.name === 'available')?.quantity ?? 0,
  }));
}

/** The metafield holds a JSON array of URLs (written by metafieldsSet as type json); anything else is ignored. */
export function parseImageSources(value: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function money(amount: string, what: string): Minor {
  const result = parseDotDecimal(amount);
  if (result.ok) return result.minor;
  throw new RemoteError(`Shopify sent an unreadable amount for ${what}: ${result.reason}`, {
    service: 'shopify',
    code: 'UNEXPECTED_RESPONSE',
  });
}
