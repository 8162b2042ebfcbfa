/**
 * Sentos WIRE shapes, in the wire's own snake_case (docs/sentos-api.md#product-shape-and-quirks,
 * docs/sentos-api.md#warehouses-categories-and-sales-channels, docs/sentos-api.md#order-shape-and-status-codes). These
 * are what the simulator stores and serves; they are deliberately independent of src/sentos/ (the client's own types),
 * so a misreading in the client is caught rather than mirrored.
 */

/**
 * Money as Sentos sends it: Turkish strings ("1.299,90", "220,00"), dot decimals ("220.50") or numbers
 * (docs/sentos-api.md#product-shape-and-quirks).
 */
export type WireMoney = string | number;

export interface WireStock {
  warehouse: number;
  stock: number;
}

export interface WireImage {
  id: number;
  url: string;
}

export interface WireChannelPrice {
  list_price: WireMoney;
  sale_price: WireMoney;
}

export interface WireModel {
  name: string;
  value: string;
}

export interface WireVariant {
  sku: string;
  barcode: string;
  color: string;
  model: WireModel;
  stocks: WireStock[];
  images: WireImage[];
  /** Optional: readers fall back to the parent's price (docs/sentos-api.md#product-shape-and-quirks). */
  sale_price?: WireMoney;
  purchase_price?: WireMoney;
}

export interface WireProduct {
  id: number;
  category_id: number;
  sku: string;
  name: string;
  invoice_name: string;
  brand: string | null;
  barcode: string;
  description: string;
  description_detail: string;
  currency: string;
  purchase_price: WireMoney;
  sale_price: WireMoney;
  vat_rate: number;
  volumetric_weight: number;
  /**
   * Product-level stock: used by simple products; empty on variant products
   * (docs/sentos-api.md#product-shape-and-quirks).
   */
  stocks: WireStock[];
  /** Sales-channel price lists keyed by a lower-case slug (docs/sentos-api.md#prices). */
  prices: Record<string, WireChannelPrice>;
  images: WireImage[];
  /** Empty for a simple product. */
  variants: WireVariant[];
}

export interface WireWarehouse {
  id: number;
  name: string;
}

export interface WireCategory {
  id: number;
  name: string;
  parent_id: number;
  sub_categories: WireCategory[];
}

export interface WireSalesChannel {
  id: number;
  name: string;
}

export interface WireAddress {
  id?: number;
  name?: string;
  phone?: string;
  address?: string;
  district?: string;
  city?: string;
  country?: string;
  zipCode?: string | number;
  [extra: string]: unknown;
}

export interface WireOrderLine {
  id: number;
  orderlineid: number;
  sku: string | null;
  barcode: string;
  status: string;
  name: string;
  quantity: number;
  list_price: string;
  price: string;
  discount: string;
  amount: string;
  currency: string;
  vat_rate: number;
  warehouse_id: number;
  product_id: number | null;
  color: string;
  model: WireModel;
  images: WireImage | [];
}

export interface WireTrackingInfo {
  cargo_company: string;
  tracking_number: string;
  tracking_link: string;
}

/**
 * A stored order: what POST /orders echoes and GET /orders lists (docs/sentos-api.md#order-shape-and-status-codes,
 * docs/sentos-api.md#order-lists-and-filters).
 */
export interface WireOrder {
  id: number;
  order_id: string | number;
  order_code: string | number;
  package_code: string;
  status: number;
  source: string;
  shop: string;
  channel_id: number | null;
  order_type: string;
  order_date: string;
  created_at: string;
  updated_at: string;
  total: string;
  shipping_total: string;
  currency: string;
  cargo_provider: string;
  cargo_number: string;
  tracking_info: WireTrackingInfo;
  has_invoice: string;
  invoice_number: string;
  invoice_url: string;
  payment_method: string;
  payment_status: string;
  note: string;
  customer: { id: number; name: string; phone: string; mail_address: string };
  invoice_address: WireAddress | [];
  shipment_address: WireAddress | [];
  lines: WireOrderLine[];
}
