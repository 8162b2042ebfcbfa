import { z } from 'zod';
import type { SentosOrder } from '../types.js';
import type { MoneyResult } from '../../core/money.js';
import {
  isPlainObject,
  wireCount,
  wireId,
  wireList,
  wireMoney,
  wireObjectOrEmpty,
  wireOptionalInt,
  wireText,
} from './fields.js';

/**
 * The read side of an order (docs/sentos-api.md#order-shape-and-status-codes), narrowed to what dedupe and status
 * updates need.
 * `order_id` / `order_code` arrive as numbers or strings [V: MSO fixture]: they become strings here so
 * callers compare them as strings (docs/sentos-api.md#order-writes-and-duplicates).
 */

const wireLine = z.object({
  sku: wireText, // may be null [V: MSO fixture]
  quantity: wireCount.nullish().transform((q) => q ?? 0),
  // Read for the edit check (docs/sentos-api.md#order-money): an unreadable value is "unknown", never a failure.
  price: wireMoney,
  vat_rate: wireOptionalInt,
});

const wireAddress = wireObjectOrEmpty(
  z.object({ address: wireText, city: wireText, district: wireText, zipCode: wireText }).partial().nullish(),
).catch(undefined);

const wireTracking = wireObjectOrEmpty(
  z.object({ tracking_number: wireText, cargo_company: wireText, tracking_link: wireText }).nullish(),
);

export const wireOrderSchema = z.preprocess(
  // SA2 also accepts `items` for `lines` [V: SA2].
  (v) => (isPlainObject(v) && v.lines === undefined && v.items !== undefined ? { ...v, lines: v.items } : v),
  z.object({
    id: wireId,
    order_id: wireText,
    order_code: wireText,
    // The channel name ("N11", "Trendyol", "Shopify"): names another channel's order in a warning [V: MSO].
    source: wireText,
    // MSO tolerates "1" as well as 1 [V: MSO].
    status: wireCount.pipe(z.number().int()),
    tracking_info: wireTracking,
    cargo_number: wireText,
    cargo_provider: wireText,
    updated_at: wireText,
    shipping_total: wireMoney,
    shipment_address: wireAddress,
    lines: wireList(wireLine),
  }),
);

export type WireOrder = z.output<typeof wireOrderSchema>;

export function toSentosOrder(w: WireOrder): SentosOrder {
  const order: SentosOrder = {
    id: w.id,
    orderId: w.order_id ?? '',
    orderCode: w.order_code ?? '',
    status: w.status,
    lines: w.lines.map(toLine),
  };
  const shipping = minorOf(w.shipping_total);
  if (shipping !== undefined) order.shippingTotal = shipping;
  if (w.shipment_address && Object.keys(w.shipment_address).length > 0) {
    const { address, city, district, zipCode } = w.shipment_address;
    order.shipmentAddress = dropUndefined({ address, city, district, zipCode });
  }
  // MSO prefers tracking_info over cargo_number [V: MSO].
  const tracking = w.tracking_info?.tracking_number ?? w.cargo_number;
  if (tracking !== undefined) order.trackingNumber = tracking;
  // The same preference for the carrier and the link (docs/sentos-api.md#shipped-orders).
  const company = w.tracking_info?.cargo_company || w.cargo_provider;
  if (company) order.cargoCompany = company;
  if (w.tracking_info?.tracking_link) order.trackingUrl = w.tracking_info.tracking_link;
  if (w.updated_at) order.updatedAt = w.updated_at;
  if (w.source !== undefined && w.source !== '') order.source = w.source;
  return order;
}

const minorOf = (money: MoneyResult | undefined) => (money?.ok ? money.minor : undefined);

function dropUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toLine(l: z.output<typeof wireLine>): SentosOrder['lines'][number] {
  const line: SentosOrder['lines'][number] = { quantity: l.quantity };
  if (l.sku !== undefined) line.sku = l.sku;
  const price = minorOf(l.price);
  if (price !== undefined) line.price = price;
  if (l.vat_rate !== undefined && l.vat_rate !== null) line.vatRate = l.vat_rate;
  return line;
}

/** Parses one order; the reason names the first problems, for a RemoteError the caller raises. */
export function parseSentosOrder(raw: unknown): { ok: true; order: SentosOrder } | { ok: false; reason: string } {
  const result = wireOrderSchema.safeParse(raw);
  if (result.success) return { ok: true, order: toSentosOrder(result.data) };
  const reason = result.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, reason };
}

/**
 * The body of a write response: `{ message?, errors?, order? | product? }`, where `errors` is an object of lists, or
 * `[]` when there are none (docs/sentos-api.md#product-writes, docs/sentos-api.md#errors-and-limits [V: SAL]). Returns
 * the error texts, flattened.
 */
export function writeErrors(body: unknown): string[] {
  if (!isPlainObject(body)) return [];
  return flattenErrors(body.errors);
}

function flattenErrors(errors: unknown, prefix = ''): string[] {
  if (errors === null || errors === undefined || errors === '' || errors === false) return [];
  if (typeof errors === 'string' || typeof errors === 'number')
    return [prefix ? `${prefix}: ${errors}` : String(errors)];
  if (Array.isArray(errors)) return errors.flatMap((e) => flattenErrors(e, prefix));
  if (isPlainObject(errors)) {
    if (typeof errors.message === 'string' && Object.keys(errors).length === 1)
      return flattenErrors(errors.message, prefix);
    return Object.entries(errors).flatMap(([k, v]) => flattenErrors(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/** Where the created order sits in a POST /orders answer: `order`, else the top level [V: SFB parsing]. */
export function createdOrderOf(body: unknown): unknown {
  if (!isPlainObject(body)) return undefined;
  if (isPlainObject(body.order)) return body.order;
  if (isPlainObject(body.data) && 'id' in body.data) return body.data;
  return 'id' in body ? body : undefined;
}
