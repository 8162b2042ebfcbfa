/**
 * Shopify order state → Sentos status code, through the `statusMap` keys documented in settings.ts. GraphQL exposes
 * only the display* enums (docs/shopify-api.md#orders); values added later fall to `pending`.
 */
import type { SentosOrderUpdatePayload } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import type { OrderStateKey, SentosOrderStatus, SentosPaymentMethod } from './settings.js';

export type OrderTracking = NonNullable<SentosOrderUpdatePayload['data']>;

const PAID_STATES = new Set(['PAID', 'PARTIALLY_PAID', 'AUTHORIZED', 'PARTIALLY_REFUNDED']);

/**
 * The cargo data of the first live fulfillment that has a tracking number: what PUT /orders/{id} carries with status 5
 * (docs/sentos-api.md#order-writes-and-duplicates [V: SFB markShipped]). Cancelled or failed fulfillments never count.
 */
export function trackingOf(order: ShopifyOrder): OrderTracking | undefined {
  const dead = new Set(['CANCELLED', 'ERROR', 'FAILURE']);
  const found = order.fulfillments.find((f) => !dead.has(f.status.toUpperCase()) && f.trackingNumber?.trim());
  if (!found) return undefined;
  const data: OrderTracking = { tracking_number: found.trackingNumber!.trim() };
  if (found.trackingCompany?.trim()) data.cargo_company = found.trackingCompany.trim();
  if (found.trackingUrl?.trim()) data.tracking_url = found.trackingUrl.trim();
  return data;
}

/** Precedence: cancel and refund first (a returned order is 6 even if it shipped), then shipping, then payment. */
export function orderStateKey(
  order: ShopifyOrder,
  paymentMethod: SentosPaymentMethod,
  tracking: OrderTracking | undefined = trackingOf(order),
): OrderStateKey {
  const financial = order.displayFinancialStatus?.toUpperCase();
  const fulfillment = order.displayFulfillmentStatus.toUpperCase();
  if (order.cancelledAt) return 'cancelled';
  if (financial === 'REFUNDED') return 'refunded';
  if (financial === 'VOIDED') return 'voided';
  if (fulfillment === 'FULFILLED') return tracking ? 'fulfilled' : 'fulfilledWithoutTracking';
  if (fulfillment === 'PARTIALLY_FULFILLED') return 'partiallyFulfilled';
  if (financial !== undefined && PAID_STATES.has(financial)) return 'paid';
  return paymentMethod.startsWith('KAPIDAODEME/') ? 'pendingCashOnDelivery' : 'pending';
}

export function mapOrderStatus(
  order: ShopifyOrder,
  paymentMethod: SentosPaymentMethod,
  statusMap: Record<OrderStateKey, SentosOrderStatus>,
): { key: OrderStateKey; status: SentosOrderStatus } {
  const key = orderStateKey(order, paymentMethod);
  return { key, status: statusMap[key] };
}

/** States whose order no longer sells anything: kept at original quantities when no line remains. */
export const CLOSED_STATES: ReadonlySet<OrderStateKey> = new Set(['cancelled', 'refunded', 'voided']);
