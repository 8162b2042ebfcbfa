import { gid, IdAllocator, parseGid } from '../gid.js';
import type {
  CustomerRecord,
  InventoryItemRecord,
  InventoryLevelRecord,
  LocationRecord,
  MediaRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  VariantRecord,
} from './types.js';

export interface ShopRecord {
  __typename: 'Shop';
  id: string;
  name: string;
  myshopifyDomain: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
}

/** A productSet run with synchronous: false; finished at once in the sandbox (see resolvers/product-set.ts). */
export interface ProductOperationRecord {
  __typename: 'ProductSetOperation';
  id: string;
  status: 'COMPLETE';
  productId: string | null;
  userErrors: unknown[];
}

/**
 * The simulator's in-memory store: plain records plus the indexes the resolvers need. Mutations go through
 * the resolvers or the state helpers; both keep the indexes in step via `indexProduct` / `forgetVariant`.
 */
export class ShopifyStore {
  readonly ids = new IdAllocator();
  readonly locations: LocationRecord[] = [];
  readonly orders: OrderRecord[] = [];
  readonly customers = new Map<string, CustomerRecord>();
  readonly inventoryItems = new Map<string, InventoryItemRecord>();
  readonly productOperations = new Map<string, ProductOperationRecord>();
  /** Media created by the current request, READY once it is answered (resolvers/product-media.ts). */
  readonly pendingMedia: MediaRecord[] = [];
  private readonly productMap = new Map<string, ProductRecord>();
  private readonly variantMap = new Map<string, VariantRecord>();

  constructor(
    readonly shop: ShopRecord,
    private readonly clockMs: () => number,
  ) {}

  nowMs(): number {
    return this.clockMs();
  }

  /** ISO timestamp from the injected clock (sorting breaks ties by id). */
  now(): string {
    return new Date(this.clockMs()).toISOString();
  }

  newId(type: string, query?: string): { id: string; legacyId: number } {
    const legacyId = this.ids.allocate(type);
    return { id: gid(type, legacyId, query), legacyId };
  }

  get products(): ProductRecord[] {
    return [...this.productMap.values()].sort((a, b) => a.legacyId - b.legacyId);
  }

  productById(id: string): ProductRecord | undefined {
    return this.productMap.get(id);
  }

  /**
   * One pass, no copy or sort: a productSet asks this up to three times (target, uniqueness, a generated handle),
   * and `products` sorts the whole catalog. Handles are unique; should two match, the older wins, as before.
   */
  productByHandle(handle: string): ProductRecord | undefined {
    let found: ProductRecord | undefined;
    for (const product of this.productMap.values())
      if (product.handle === handle && (!found || product.legacyId < found.legacyId)) found = product;
    return found;
  }

  variantById(id: string): VariantRecord | undefined {
    return this.variantMap.get(id);
  }

  /** SKUs are case-sensitive and not unique in Shopify (docs/shopify-api.md#pitfalls). */
  variantsBySku(sku: string): VariantRecord[] {
    return [...this.variantMap.values()]
      .filter((variant) => variant.sku === sku)
      .sort((a, b) => a.legacyId - b.legacyId);
  }

  get variants(): VariantRecord[] {
    return [...this.variantMap.values()].sort((a, b) => a.legacyId - b.legacyId);
  }

  indexProduct(product: ProductRecord): void {
    this.productMap.set(product.id, product);
    for (const variant of product.variants) this.variantMap.set(variant.id, variant);
  }

  forgetVariant(variant: VariantRecord): void {
    this.variantMap.delete(variant.id);
    this.inventoryItems.delete(variant.inventoryItemId);
  }

  itemOf(variant: VariantRecord): InventoryItemRecord {
    const item = this.inventoryItems.get(variant.inventoryItemId);
    if (!item) throw new Error(`sandbox bug: variant ${variant.id} has no inventory item`);
    return item;
  }

  variantOfItem(item: InventoryItemRecord): VariantRecord | undefined {
    return this.variantMap.get(item.variantId);
  }

  /** By gid or, for test convenience, by name. */
  location(idOrName: string): LocationRecord | undefined {
    return this.locations.find((location) => location.id === idOrName || location.name === idOrName);
  }

  orderById(id: string): OrderRecord | undefined {
    return this.orders.find((order) => order.id === id);
  }

  levelById(id: string): InventoryLevelRecord | undefined {
    const itemLegacy = parseGid(id)?.params.get('inventory_item_id');
    const item = itemLegacy ? this.inventoryItems.get(gid('InventoryItem', Number(itemLegacy))) : undefined;
    return item?.levels.find((level) => level.id === id);
  }

  metafieldById(id: string): MetafieldRecord | undefined {
    for (const product of this.productMap.values()) {
      const found =
        product.metafields.find((field) => field.id === id) ??
        product.variants.flatMap((variant) => variant.metafields).find((field) => field.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Node lookup for node/nodes: undefined when the id names nothing (or a type the sandbox does not store). */
  nodeById(id: string): object | undefined {
    const type = parseGid(id)?.type;
    switch (type) {
      case 'Product':
        return this.productById(id);
      case 'ProductVariant':
        return this.variantById(id);
      case 'InventoryItem':
        return this.inventoryItems.get(id);
      case 'InventoryLevel':
        return this.levelById(id);
      case 'Location':
        return this.location(id);
      case 'Order':
        return this.orderById(id);
      case 'Customer':
        return this.customers.get(id);
      case 'Metafield':
        return this.metafieldById(id);
      case 'MediaImage':
        return this.products.flatMap((product) => product.media).find((media) => media.id === id);
      case 'ProductSetOperation':
        return this.productOperations.get(id);
      case 'Shop':
        return id === this.shop.id ? this.shop : undefined;
      default:
        return undefined;
    }
  }
}
