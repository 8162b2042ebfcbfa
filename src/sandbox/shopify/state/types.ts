import type { SeedAddress, SeedFulfillment, SeedOrder, SeedRefund, SeedShippingLine } from '../../seed/orders.js';

/**
 * Records of the simulator's in-memory store. Every record carries `__typename` so the executor can resolve
 * interfaces (Node, Media, HasMetafields) from the stored object itself. Money is integer minor units here
 * (variant prices as the Money string Shopify returns).
 */
export interface LocationRecord {
  __typename: 'Location';
  id: string;
  legacyId: number;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  address: {
    address1: string;
    city: string;
    province: string;
    provinceCode: string;
    zip: string;
    country: string;
    countryCode: string;
  };
  createdAt: string;
  updatedAt: string;
}

export interface OptionValueRecord {
  __typename: 'ProductOptionValue';
  id: string;
  name: string;
}

export interface OptionRecord {
  __typename: 'ProductOption';
  id: string;
  name: string;
  position: number;
  values: OptionValueRecord[];
}

export interface MediaRecord {
  __typename: 'MediaImage';
  id: string;
  alt: string | null;
  /** The originalSource it was created from (the oracle's view; no GraphQL field returns it). */
  source: string;
  /** Shopify CDN URL of the processed image. */
  url: string;
  status: 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';
  createdAt: string;
}

export interface MetafieldRecord {
  __typename: 'Metafield';
  id: string;
  legacyId: number;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface VariantRecord {
  __typename: 'ProductVariant';
  id: string;
  legacyId: number;
  productId: string;
  sku: string | null;
  barcode: string | null;
  /** Money string with two decimals, "1299.90". */
  price: string;
  compareAtPrice: string | null;
  position: number;
  optionValues: Array<{ optionName: string; name: string }>;
  inventoryItemId: string;
  inventoryPolicy: 'DENY' | 'CONTINUE';
  taxable: boolean;
  metafields: MetafieldRecord[];
  /** Ids of the product's media attached to this variant (productSet variants[].file). */
  mediaIds?: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ProductRecord {
  __typename: 'Product';
  id: string;
  legacyId: number;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED';
  options: OptionRecord[];
  /** In position order. */
  variants: VariantRecord[];
  media: MediaRecord[];
  metafields: MetafieldRecord[];
  createdAt: string;
  updatedAt: string;
}

/** Named quantities of one level; on_hand is derived (available + committed + unavailable states). */
export interface LevelQuantities {
  available: number;
  committed: number;
  incoming: number;
  reserved: number;
  damaged: number;
  safety_stock: number;
  quality_control: number;
}

export interface InventoryLevelRecord {
  __typename: 'InventoryLevel';
  id: string;
  itemId: string;
  locationId: string;
  isActive: boolean;
  quantities: LevelQuantities;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryItemRecord {
  __typename: 'InventoryItem';
  id: string;
  legacyId: number;
  variantId: string;
  tracked: boolean;
  requiresShipping: boolean;
  /** Decimal string or null. */
  cost: string | null;
  levels: InventoryLevelRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface OrderLineRecord {
  id: string;
  sku: string | null;
  productId?: string;
  /** Set for orders placed through the state helper; seeded lines link to a variant by SKU at read time. */
  variantId?: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountPerUnitMinor: number;
  vatRate: number;
  /** See SeedOrderLine: order-level discount share, units removed by an edit or exchange, gift card, tip. */
  orderDiscountMinor?: number;
  removedQuantity?: number;
  giftCard?: boolean;
  tip?: boolean;
  /** The location that ships this line when it differs from the order's (a split order). */
  locationId?: string;
}

export interface FulfillmentRecord extends SeedFulfillment {
  id: string;
  legacyId: number;
  /** What fulfillmentCreate fulfilled, by order line; absent for a whole-order fulfilment (seeded, fulfillOrder). */
  lines?: Array<{ lineIndex: number; quantity: number }>;
  fulfillmentOrderIds?: string[];
  notifyCustomer?: boolean;
}

/** One fulfilment order line: `fulfilled` grows with each fulfilment (state/fulfillment-orders.ts). */
export interface FulfillmentOrderLineRecord {
  id: string;
  lineIndex: number;
  totalQuantity: number;
  fulfilled: number;
}

/** A fulfilment order: the lines of an order one location is to ship (state/fulfillment-orders.ts). */
export interface FulfillmentOrderRecord {
  __typename: 'FulfillmentOrder';
  id: string;
  legacyId: number;
  orderId: string;
  locationId: string;
  lines: FulfillmentOrderLineRecord[];
  createdAt: string;
  updatedAt: string;
}
export interface RefundRecord extends SeedRefund {
  id: string;
  legacyId: number;
}
export interface ShippingLineRecord extends SeedShippingLine {
  id: string;
}
export interface AddressRecord extends SeedAddress {
  id: string;
}
export interface CustomerRecord {
  __typename: 'Customer';
  id: string;
  legacyId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

type ReplacedOrderFields =
  'lines' | 'fulfillments' | 'refunds' | 'shippingLines' | 'customer' | 'billingAddress' | 'shippingAddress' | 'number';

export interface OrderRecord extends Omit<SeedOrder, ReplacedOrderFields> {
  __typename: 'Order';
  id: string;
  legacyId: number;
  number: number;
  name: string;
  lines: OrderLineRecord[];
  fulfillments: FulfillmentRecord[];
  refunds: RefundRecord[];
  shippingLines: ShippingLineRecord[];
  customer: CustomerRecord;
  billingAddress: AddressRecord;
  shippingAddress: AddressRecord;
  /** Location whose stock the order committed (orders placed through the state helper). */
  locationId?: string;
  /** Built on first read from the lines' locations (state/fulfillment-orders.ts). */
  fulfillmentOrders?: FulfillmentOrderRecord[];
}
