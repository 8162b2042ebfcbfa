/**
 * Wire product/variant/level → domain types (design.md style 3: map at the client boundary). Money is
 * parsed once, here, into minor units.
 */
import { parseDotDecimal, type Minor } from '../core/money.js';
import { RemoteError } from '../core/errors.js';
import type { WireLevels, WireProduct, WireVariant } from './operations/wire.js';
import type { ShopifyInventoryLevel, ShopifyProduct, ShopifyVariant } from './types.js';

/** `variants`: the complete list (first page plus any ProductVariantsPage pages), with levels complete. */
export function toShopifyProduct(wire: WireProduct, variants: ShopifyVariant[]): ShopifyProduct {
  const product: ShopifyProduct = {
    id: wire.id,
    handle: wire.handle,
    title: wire.title,
    descriptionHtml: wire.descriptionHtml,
    vendor: wire.vendor,
    productType: wire.productType,
    tags: wire.tags,
    status: wire.status,
    options: [...wire.options].sort((a, b) => a.position - b.position).map((o) => ({ name: o.name, values: o.values })),
    variants,
  };
  if (wire.sentosProductId) product.sentosProductId = wire.sentosProductId.value;
  const images = wire.imageSources ? parseImageSources(wire.imageSources.value) : undefined;
  if (images) product.imageSources = images;
  return product;
}

/** `levels` overrides the inline page when the item had more levels than the page held. */
export function toShopifyVariant(wire: WireVariant, levels?: ShopifyInventoryLevel[]): ShopifyVariant {
  const variant: ShopifyVariant = {
    id: wire.id,
    sku: wire.sku ?? '',
    price: money(wire.price, `variant ${wire.id} price`),
    selectedOptions: wire.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    inventoryItemId: wire.inventoryItem.id,
    tracked: wire.inventoryItem.tracked,
    levels: levels ?? toLevels(wire.inventoryItem.inventoryLevels),
  };
  if (wire.barcode) variant.barcode = wire.barcode;
  if (wire.compareAtPrice !== null) variant.compareAtPrice = money(wire.compareAtPrice, `variant ${wire.id} compareAtPrice`);
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
  throw new RemoteError(`Shopify sent an unreadable amount for ${what}: ${result.reason}`, { service: 'shopify', code: 'UNEXPECTED_RESPONSE' });
}
