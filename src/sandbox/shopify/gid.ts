/**
 * Global ids (docs/shopify-api.md#shop-and-locations): `gid://shopify/<Type>/<number>`. Each type's counter starts in
 * its own number range, so an id of the wrong type (a variant id passed where an inventory item id belongs) can never
 * collide with a real object of the expected type: the simulator answers "not found" as Shopify would.
 */
export const ID_BASES: Readonly<Record<string, number>> = {
  Product: 8_100_000_000,
  ProductVariant: 44_100_000_000,
  InventoryItem: 46_100_000_000,
  InventoryLevel: 120_000_000_000,
  ProductOption: 10_100_000_000,
  ProductOptionValue: 2_100_000_000,
  MediaImage: 30_100_000_000,
  Metafield: 25_100_000_000,
  Location: 71_000_000,
  Order: 5_600_000_000,
  LineItem: 13_600_000_000,
  ShippingLine: 4_600_000_000,
  Customer: 7_200_000_000,
  MailingAddress: 9_300_000_000,
  Fulfillment: 5_900_000_000,
  Refund: 9_100_000_000,
  InventoryAdjustmentGroup: 31_000_000_000,
  ProductSetOperation: 19_700_000_000,
  BulkOperation: 7_600_000_000_000,
};

export interface ParsedGid {
  type: string;
  id: number;
  /** Query part, e.g. InventoryLevel ids carry `?inventory_item_id=…`. */
  params: URLSearchParams;
}

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/;

export function gid(type: string, id: number, query?: string): string {
  return `gid://shopify/${type}/${id}${query ? `?${query}` : ''}`;
}

export function parseGid(value: string): ParsedGid | undefined {
  const match = GID_PATTERN.exec(value);
  if (!match) return undefined;
  return { type: match[1] as string, id: Number(match[2]), params: new URLSearchParams((match[3] ?? '').slice(1)) };
}

/** Hands out sequential ids per type, deterministic for a given order of creation. */
export class IdAllocator {
  private readonly next = new Map<string, number>();

  allocate(type: string): number {
    const value = this.next.get(type) ?? (ID_BASES[type] ?? 1_000_000_000) + 1;
    this.next.set(type, value + 1);
    return value;
  }
}
