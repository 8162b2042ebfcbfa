/**
 * What to do in Shopify for an order Sentos marked shipped (docs/architecture.md#fulfilment-back-to-shopify). Pure:
 * decided from the order's fulfilment state as Shopify reports it now, so a rerun, or a run after a lost answer,
 * decides again from what really happened. Sentos ships whole orders (its read side has no per-line shipped quantity,
 * docs/sentos-api.md#shipped-orders), so everything still open is shipped with Sentos's tracking: one fulfilment per
 * location, since a fulfilment has one location (docs/shopify-api.md#fulfilment-orders).
 */
import type { FulfillmentInput, ShopifyOrderFulfilment } from '../../shopify/fulfillments.js';
import { shopifyCarrier } from './fulfil-carriers.js';

/** Sentos's side of a shipped order: what the panel or its cargo integration entered. */
export interface SentosShipment {
  sentosId: string;
  trackingNumber?: string;
  cargoCompany?: string;
  trackingUrl?: string;
}

export interface FulfilmentRequest {
  locationId?: string;
  locationName?: string;
  input: FulfillmentInput;
}

export type FulfilmentPlan =
  | { kind: 'create'; requests: FulfilmentRequest[]; resumed: boolean }
  /** Nothing is left open and one of its fulfilments carries our tracking number: this shipment is in Shopify. */
  | { kind: 'done'; detail: string }
  /** Not ours to ship (cancelled, shipped by someone else, on hold): reported, never retried. */
  | { kind: 'skip'; detail: string }
  /** Cannot be shipped safely as it is; reported as a failure and retried on the next run. */
  | { kind: 'fail'; message: string; hint: string };

/** Statuses fulfillmentCreate accepts [V: FulfillmentOrderStatus descriptions, 2026-10]. */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);
const DEAD_FULFILMENT = new Set(['CANCELLED', 'ERROR', 'FAILURE']);

export function hasTrackingNumber(order: ShopifyOrderFulfilment, trackingNumber: string): boolean {
  return order.fulfillments.some(
    (f) => !DEAD_FULFILMENT.has(f.status.toUpperCase()) && f.tracking.some((t) => t.number?.trim() === trackingNumber),
  );
}

export function planFulfilment(
  order: ShopifyOrderFulfilment,
  shipment: SentosShipment,
  options: { notifyCustomer: boolean },
): FulfilmentPlan {
  const number = shipment.trackingNumber?.trim() ?? '';
  if (order.cancelled) return { kind: 'skip', detail: `${order.name} is cancelled in Shopify; not fulfilled` };
  if (order.truncated)
    return {
      kind: 'fail',
      message: `${order.name} has more than 3 fulfilment orders or 30 lines in one; not fulfilled from Sentos`,
      hint: `Fulfil ${order.name} in the Shopify admin with tracking ${number || '(none)'}.`,
    };
  const ours = number !== '' && hasTrackingNumber(order, number);
  const open = order.fulfillmentOrders.filter(
    (fo) => FULFILLABLE.has(fo.status.toUpperCase()) && fo.lines.some((l) => l.remainingQuantity > 0),
  );
  if (open.length === 0) {
    if (ours) return { kind: 'done', detail: `${order.name} is fulfilled in Shopify with tracking ${number}` };
    const held = order.fulfillmentOrders.filter((fo) => ['ON_HOLD', 'SCHEDULED'].includes(fo.status.toUpperCase()));
    if (held.length > 0)
      return {
        kind: 'fail',
        message: `${order.name}: its fulfilment orders are ${held.map((fo) => fo.status).join(', ')} in Shopify`,
        hint: `Release the hold on ${order.name} in the Shopify admin; the next run fulfils it.`,
      };
    return { kind: 'skip', detail: `${order.name} was already fulfilled in Shopify (not with tracking ${number})` };
  }
  const byLocation = new Map<string, typeof open>();
  for (const fo of open) byLocation.set(fo.locationId ?? '', [...(byLocation.get(fo.locationId ?? '') ?? []), fo]);
  const trackingInfo = trackingInfoOf(shipment);
  const requests = [...byLocation.values()].map((group): FulfilmentRequest => {
    const first = group[0] as (typeof group)[number];
    return {
      ...(first.locationId ? { locationId: first.locationId } : {}),
      ...(first.locationName ? { locationName: first.locationName } : {}),
      input: {
        lineItemsByFulfillmentOrder: group.map((fo) => ({
          fulfillmentOrderId: fo.id,
          fulfillmentOrderLineItems: fo.lines
            .filter((l) => l.remainingQuantity > 0)
            .map((l) => ({ id: l.id, quantity: l.remainingQuantity })),
        })),
        notifyCustomer: options.notifyCustomer,
        ...(trackingInfo ? { trackingInfo } : {}),
      },
    };
  });
  return { kind: 'create', requests, resumed: ours };
}

/**
 * Company under Shopify's spelling when it is on Shopify's list (fulfil-carriers.ts), the number, and Sentos's link
 * when it is a web address: Shopify refuses a URL that is not one, and a url needs a number
 * (docs/shopify-api.md#fulfilment-orders).
 */
export function trackingInfoOf(shipment: SentosShipment): FulfillmentInput['trackingInfo'] {
  const number = shipment.trackingNumber?.trim();
  const carrier = shopifyCarrier(shipment.cargoCompany);
  const url = shipment.trackingUrl?.trim();
  const info: NonNullable<FulfillmentInput['trackingInfo']> = {};
  if (carrier) info.company = carrier.company;
  if (number) info.number = number;
  if (number && url && /^https?:\/\/\S+$/i.test(url)) info.url = url;
  return Object.keys(info).length > 0 ? info : undefined;
}
