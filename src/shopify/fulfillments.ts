/**
 * Fulfilment back to Shopify (docs/shopify-api.md#fulfilment-orders): an order's fulfilment orders and fulfilments,
 * and fulfillmentCreate. Wire → domain here (docs/house-style.md#3-wire-types-at-the-boundary).
 */
import { RemoteError } from '../core/errors.js';
import type { GraphqlTransport } from './graphql.js';
import { FulfillmentCreate, OrderFulfillmentOrders } from './operations/index.js';
import type { FulfillmentCreateVariables } from './operations/fulfillment-create.js';
import { toUserErrors, type UserError } from './user-errors.js';

export interface ShopifyTrackingInfo {
  company?: string;
  number?: string;
  url?: string;
}

export interface ShopifyFulfillmentOrderLine {
  id: string;
  lineItemId: string;
  sku?: string;
  remainingQuantity: number;
  totalQuantity: number;
}

export interface ShopifyFulfillmentOrder {
  id: string;
  /** OPEN, IN_PROGRESS, SCHEDULED, ON_HOLD, INCOMPLETE, CLOSED, CANCELLED; others may come (read leniently). */
  status: string;
  locationId?: string;
  locationName?: string;
  lines: ShopifyFulfillmentOrderLine[];
}

export interface ShopifyOrderFulfilment {
  orderId: string;
  name: string;
  displayFulfillmentStatus: string;
  cancelled: boolean;
  fulfillments: Array<{ id: string; status: string; tracking: ShopifyTrackingInfo[] }>;
  fulfillmentOrders: ShopifyFulfillmentOrder[];
  /** More fulfilment orders or lines than one read holds (3 and 30): the caller must not ship it in part. */
  truncated: boolean;
}

export type FulfillmentInput = FulfillmentCreateVariables['fulfillment'];

export interface FulfillmentCreateResult {
  fulfillment?: { id: string; tracking: ShopifyTrackingInfo[] };
  userErrors: UserError[];
}

const tracking = (rows: Array<{ company: string | null; number: string | null; url: string | null }>) =>
  rows.map((row) => {
    const out: ShopifyTrackingInfo = {};
    if (row.company) out.company = row.company;
    if (row.number) out.number = row.number;
    if (row.url) out.url = row.url;
    return out;
  });

/** OrderFulfillmentOrders; undefined when the order does not exist (deleted, or another shop). */
export async function getOrderFulfilment(
  gql: GraphqlTransport,
  orderId: string,
): Promise<ShopifyOrderFulfilment | undefined> {
  const { data } = await gql.execute(OrderFulfillmentOrders, { id: orderId });
  const order = data.order;
  if (!order) return undefined;
  const orders = order.fulfillmentOrders;
  return {
    orderId: order.id,
    name: order.name,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    cancelled: order.cancelledAt !== null,
    fulfillments: order.fulfillments.map((f) => ({ id: f.id, status: f.status, tracking: tracking(f.trackingInfo) })),
    fulfillmentOrders: orders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      ...(fo.assignedLocation.location
        ? { locationId: fo.assignedLocation.location.id, locationName: fo.assignedLocation.location.name }
        : {}),
      lines: fo.lineItems.nodes.map((line) => ({
        id: line.id,
        lineItemId: line.lineItem.id,
        ...(line.lineItem.sku ? { sku: line.lineItem.sku } : {}),
        remainingQuantity: line.remainingQuantity,
        totalQuantity: line.totalQuantity,
      })),
    })),
    truncated: orders.pageInfo.hasNextPage || orders.nodes.some((fo) => fo.lineItems.pageInfo.hasNextPage),
  };
}

/**
 * FulfillmentCreate. Never sent again blindly: a lost answer is an OutcomeUnknownError (not idempotent), and the caller
 * re-reads the order before anything else (docs/shopify-api.md#fulfilment-orders). userErrors are returned.
 */
export async function createFulfillment(
  gql: GraphqlTransport,
  input: FulfillmentInput,
): Promise<FulfillmentCreateResult> {
  const { data } = await gql.execute(FulfillmentCreate, { fulfillment: input }, { idempotent: false });
  const payload = data.fulfillmentCreate;
  if (!payload)
    throw new RemoteError('Shopify fulfillmentCreate returned no payload', {
      service: 'shopify',
      code: 'UNEXPECTED_RESPONSE',
    });
  const userErrors = toUserErrors(payload.userErrors);
  return payload.fulfillment
    ? { fulfillment: { id: payload.fulfillment.id, tracking: tracking(payload.fulfillment.trackingInfo) }, userErrors }
    : { userErrors };
}
