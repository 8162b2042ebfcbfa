/**
 * Sentos domain types: what the client hands to the rest of the tool after parsing the wire
 * (docs/house-style.md#3-wire-types-at-the-boundary). camelCase, ids as strings (Sentos sends numbers or strings),
 * money in minor units.
 */
import type { Minor, MoneyResult } from '../core/money.js';

export type SentosAuthMethod = 'basic' | 'headers' | 'bearer' | 'token';
export const SENTOS_AUTH_METHODS: readonly SentosAuthMethod[] = ['basic', 'headers', 'bearer', 'token'];

export interface SentosStock {
  warehouseId: string;
  quantity: number;
}

export interface SentosChannelPrice {
  sale?: MoneyResult;
  list?: MoneyResult;
}

/** The second variant axis: name is the attribute ("Beden"), value the size ("M"). */
export interface SentosModel {
  readonly name: string;
  readonly value: string;
}

/*
 * Stock rows and lists, models, prices and image lists of a catalog read are shared between the variants that hold
 * equal ones, frozen (docs/architecture.md#memory): readonly here.
 */
export interface SentosVariant {
  sku: string;
  barcode?: string;
  color?: string;
  model?: SentosModel;
  stocks: readonly SentosStock[];
  /** Image URLs in Sentos order. */
  images: readonly string[];
  salePrice?: MoneyResult;
  purchasePrice?: MoneyResult;
}

export interface SentosProduct {
  id: string;
  sku: string;
  name: string;
  brand?: string;
  barcode?: string;
  description?: string;
  descriptionDetail?: string;
  categoryId?: string;
  currency?: string;
  vatRate?: number;
  salePrice?: MoneyResult;
  purchasePrice?: MoneyResult;
  /** Sales-channel price lists keyed as Sentos keys them (e.g. "b2c", "trendyol"). */
  prices: Record<string, SentosChannelPrice>;
  stocks: readonly SentosStock[];
  images: readonly string[];
  /** Empty for a simple product: it is then its own single variant. */
  variants: SentosVariant[];
}

export interface SentosWarehouse {
  id: string;
  name: string;
}

export interface SentosCategory {
  id: string;
  name: string;
  parentId?: string;
}

export interface SentosSalesChannel {
  id: string;
  name: string;
}

/** The read side of an order, as far as the tool needs it (dedupe, status updates). */
export interface SentosOrder {
  id: string;
  orderId: string;
  orderCode: string;
  status: number;
  trackingNumber?: string;
  /** tracking_info.cargo_company, else cargo_provider (docs/sentos-api.md#shipped-orders). */
  cargoCompany?: string;
  /** tracking_info.tracking_link (docs/sentos-api.md#shipped-orders). */
  trackingUrl?: string;
  /** "YYYY-MM-DD HH:mm:ss" Turkey time, as Sentos sends it. */
  updatedAt?: string;
  /** The channel the order came from, e.g. "N11" (docs/sentos-api.md#orders). */
  source?: string;
  /** Unit price and vat_rate when readable: the edit check compares them (docs/sentos-api.md#order-money). */
  lines: Array<{ sku?: string; quantity: number; price?: Minor; vatRate?: number }>;
  shippingTotal?: Minor;
  shipmentAddress?: { address?: string; city?: string; district?: string; zipCode?: string };
}

export interface SentosAddressPayload {
  name: string;
  phone?: string;
  address: string;
  country?: string;
  city?: string;
  district?: string;
  zipCode?: string;
  turkishIdentityNumber?: string;
  taxOffice?: string;
  taxNumber?: string;
}

export interface SentosOrderLinePayload {
  warehouse_id?: number;
  product_id?: number;
  sku: string;
  name: string;
  quantity: number;
  /**
   * Unit price after line discounts, VAT included, as a JSON number (docs/sentos-api.md#order-writes-and-duplicates).
   */
  price: number;
  vat_rate: number;
}

/** The body of POST /orders, in the wire's own casing (docs/sentos-api.md#order-writes-and-duplicates). */
export interface SentosOrderPayload {
  order_id: string;
  order_code: string;
  status: number;
  channel_id?: number;
  order_date: string;
  currency: string;
  payment_method: string;
  shipping_total?: number;
  note?: string;
  customer: { name: string; phone?: string; mail_address?: string };
  invoice_address?: SentosAddressPayload;
  shipment_address?: SentosAddressPayload;
  lines: SentosOrderLinePayload[];
}

/** The body of PUT /orders/{id} (docs/sentos-api.md#order-writes-and-duplicates). */
export interface SentosOrderUpdatePayload {
  status: number;
  data?: { cargo_company?: string; tracking_number?: string; tracking_url?: string };
}

export interface SentosOrderQuery {
  /** One status code (docs/sentos-api.md#order-lists-and-filters), e.g. 5 for shipped orders. */
  status?: number;
  orderId?: string;
  orderCode?: string;
  updatedStart?: string;
  updatedEnd?: string;
}
