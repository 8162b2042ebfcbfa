/**
 * What a person does in the Sentos panel, for tests and the demo: mark an order shipped ("Kargoya Verildi", status 5)
 * with the cargo company and tracking number, the way the panel (or Sentos's own cargo integration) would. The order
 * then reads like one shipped through `PUT /orders/{id}` (docs/sentos-api.md#order-shape-and-status-codes): status 5,
 * `tracking_info` and the `cargo_*` fields filled, `updated_at` moved, so an updated-since listing finds it. Sentos
 * ships whole orders: the read side has no per-line shipped quantity (docs/sentos-api.md#shipped-orders).
 */
import { formatIstanbul } from './istanbul-time.js';
import type { ResolvedSentosOptions } from './options.js';
import type { SentosState } from './state.js';
import { applyStockRule } from './stock-rule.js';
import type { WireOrder } from './wire-types.js';

const SHIPPED = 5;

export interface ShipInput {
  /** The external order id (for a pushed order: the Shopify order id); or `sentosId`. */
  orderId?: string | number;
  sentosId?: number;
  cargoCompany: string;
  trackingNumber: string;
  trackingLink?: string;
  nowMs?: number;
}

export function findForShipping(state: SentosState, input: Pick<ShipInput, 'orderId' | 'sentosId'>): WireOrder {
  const found =
    input.sentosId !== undefined
      ? state.findOrder(input.sentosId)
      : state.orders.find((o) => input.orderId !== undefined && String(o.order_id) === String(input.orderId));
  if (!found) throw new Error(`sentos simulator: no order ${input.sentosId ?? input.orderId} to ship`);
  return found;
}

export function markShipped(
  state: SentosState,
  options: Pick<ResolvedSentosOptions, 'decrementOnStatuses'>,
  input: ShipInput,
): WireOrder {
  const order = findForShipping(state, input);
  order.status = SHIPPED;
  order.tracking_info = {
    cargo_company: input.cargoCompany,
    tracking_number: input.trackingNumber,
    tracking_link: input.trackingLink ?? '',
  };
  order.cargo_provider = input.cargoCompany;
  order.cargo_number = input.trackingNumber;
  order.updated_at = formatIstanbul(input.nowMs ?? Date.now());
  applyStockRule(order, state, options.decrementOnStatuses);
  return order;
}

/** The body of the control route `POST /__sandbox/ship` (wire casing, like the panel's fields). */
export function shipInputFromBody(body: unknown): ShipInput | string {
  if (!body || typeof body !== 'object') return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' || typeof b[key] === 'number' ? String(b[key]) : '');
  if (!text('order_id') && !text('id')) return 'order_id (the Shopify order id) or id (the Sentos id) is required';
  if (!text('cargo_company') || !text('tracking_number')) return 'cargo_company and tracking_number are required';
  return {
    ...(text('id') ? { sentosId: Number(text('id')) } : { orderId: text('order_id') }),
    cargoCompany: text('cargo_company'),
    trackingNumber: text('tracking_number'),
    ...(text('tracking_link') ? { trackingLink: text('tracking_link') } : {}),
  };
}
