import type { RequestContext, ResolverMap } from '../context.js';
import {
  displayFulfillmentStatusOf,
  fulfillmentOrderStatus,
  remainingOf,
  shipFromLocation,
} from '../state/fulfillment-orders.js';
import type { FulfillmentOrderRecord, FulfillmentRecord, OrderRecord } from '../state/types.js';

/**
 * fulfillmentCreate (2026-10 shape, docs/shopify-api.md#fulfilment-orders): `FulfillmentInput` with
 * lineItemsByFulfillmentOrder, trackingInfo and notifyCustomer. Strict where Shopify's rules are only described: every
 * fulfilment order must exist, belong to one order and one assigned location, and be OPEN; quantities must be between
 * 1 and what remains; a tracking url needs a number, and `number`/`numbers` (`url`/`urls`) exclude each other
 * (FulfillmentTrackingInput description). Problems are userErrors and nothing is applied. The message for a closed
 * fulfilment order is the one Shopify returns [I: from third-party reports].
 */
interface LineInput {
  id: string;
  quantity: number;
}
interface ByFulfillmentOrder {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems?: LineInput[] | null;
}
interface TrackingInput {
  company?: string | null;
  number?: string | null;
  numbers?: string[] | null;
  url?: string | null;
  urls?: string[] | null;
}
interface FulfillmentInput {
  lineItemsByFulfillmentOrder: ByFulfillmentOrder[];
  notifyCustomer?: boolean | null;
  trackingInfo?: TrackingInput | null;
}
interface UserErrorOut {
  field: string[] | null;
  message: string;
}
interface Planned {
  order: OrderRecord;
  fo: FulfillmentOrderRecord;
  rows: Array<{ lineId: string; quantity: number }>;
}

const field = (...path: Array<string | number>) => ['fulfillment', ...path.map(String)];

function findFulfillmentOrder(
  ctx: RequestContext,
  id: string,
): { order: OrderRecord; fo: FulfillmentOrderRecord } | null {
  for (const order of ctx.store.orders) {
    const fo = order.fulfillmentOrders?.find((candidate) => candidate.id === id);
    if (fo) return { order, fo };
  }
  return null;
}

function planGroup(ctx: RequestContext, group: ByFulfillmentOrder, index: number): Planned | UserErrorOut {
  const found = findFulfillmentOrder(ctx, group.fulfillmentOrderId);
  if (!found)
    return {
      field: field('lineItemsByFulfillmentOrder', index, 'fulfillmentOrderId'),
      message: 'Fulfillment order does not exist.',
    };
  const { order, fo } = found;
  const status = fulfillmentOrderStatus(order, fo);
  if (status !== 'OPEN')
    return {
      field: null,
      message: `Fulfillment order ${fo.legacyId} has an unfulfillable status= ${status.toLowerCase()}.`,
    };
  const wanted = group.fulfillmentOrderLineItems?.length
    ? group.fulfillmentOrderLineItems
    : fo.lines.map((line) => ({ id: line.id, quantity: remainingOf(order, line) })).filter((row) => row.quantity > 0);
  const rows: Planned['rows'] = [];
  for (const [rowIndex, row] of wanted.entries()) {
    const line = fo.lines.find((candidate) => candidate.id === row.id);
    const at = field('lineItemsByFulfillmentOrder', index, 'fulfillmentOrderLineItems', rowIndex);
    if (!line) return { field: [...at, 'id'], message: 'Fulfillment order line item does not exist.' };
    if (row.quantity < 1 || row.quantity > remainingOf(order, line))
      return { field: [...at, 'quantity'], message: 'Invalid fulfillment order line item quantity requested.' };
    rows.push({ lineId: line.id, quantity: row.quantity });
  }
  return { order, fo, rows };
}

function trackingProblem(tracking: TrackingInput | null | undefined): UserErrorOut | undefined {
  if (!tracking) return undefined;
  const at = (name: string) => field('trackingInfo', name);
  if (tracking.number && tracking.numbers?.length)
    return { field: at('numbers'), message: 'Provide either number or numbers, not both.' };
  if (tracking.url && tracking.urls?.length)
    return { field: at('urls'), message: 'Provide either url or urls, not both.' };
  if (tracking.url && !tracking.number)
    return { field: at('number'), message: 'A tracking url needs a tracking number.' };
  const urls = [tracking.url, ...(tracking.urls ?? [])].filter((u): u is string => Boolean(u));
  const bad = urls.find((u) => !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(u));
  return bad ? { field: at('url'), message: `Tracking url ${bad} is not a valid URL.` } : undefined;
}

function plan(ctx: RequestContext, input: FulfillmentInput): Planned[] | UserErrorOut {
  if (input.lineItemsByFulfillmentOrder.length === 0)
    return { field: field('lineItemsByFulfillmentOrder'), message: 'At least one fulfillment order is required.' };
  const planned: Planned[] = [];
  for (const [index, group] of input.lineItemsByFulfillmentOrder.entries()) {
    const one = planGroup(ctx, group, index);
    if ('message' in one) return one;
    planned.push(one);
  }
  const first = planned[0] as Planned;
  if (planned.some((p) => p.order !== first.order))
    return {
      field: field('lineItemsByFulfillmentOrder'),
      message: 'All fulfillment orders must belong to the same order.',
    };
  if (planned.some((p) => p.fo.locationId !== first.fo.locationId))
    return {
      field: field('lineItemsByFulfillmentOrder'),
      message: 'All fulfillment orders must be assigned to the same location.',
    };
  return trackingProblem(input.trackingInfo) ?? planned;
}

function apply(ctx: RequestContext, input: FulfillmentInput, planned: Planned[]) {
  const { order, fo } = planned[0] as Planned;
  const now = ctx.store.now();
  const lines: NonNullable<FulfillmentRecord['lines']> = [];
  for (const { fo: target, rows } of planned) {
    for (const row of rows) {
      const line = target.lines.find((candidate) => candidate.id === row.lineId);
      if (!line) continue;
      line.fulfilled += row.quantity;
      lines.push({ lineIndex: line.lineIndex, quantity: row.quantity });
      shipFromLocation(ctx.store, order, target.locationId, line.lineIndex, row.quantity);
    }
    target.updatedAt = now;
  }
  const tracking = input.trackingInfo ?? {};
  const record: FulfillmentRecord = {
    ...ctx.store.newId('Fulfillment'),
    createdAt: now,
    trackingCompany: tracking.company ?? '',
    trackingNumber: tracking.number ?? tracking.numbers?.[0] ?? '',
    trackingUrl: tracking.url ?? tracking.urls?.[0] ?? '',
    locationName: ctx.store.location(fo.locationId)?.name,
    lines,
    fulfillmentOrderIds: planned.map((p) => p.fo.id),
    notifyCustomer: input.notifyCustomer ?? false,
  };
  order.fulfillments.push(record);
  order.updatedAt = now;
  const full = displayFulfillmentStatusOf(order) === 'FULFILLED';
  for (const topic of [full ? 'orders/fulfilled' : 'orders/partially_fulfilled', 'orders/updated'])
    ctx.webhooks.emit(topic, order);
  return { __typename: 'Fulfillment', ...record, _order: order, _index: order.fulfillments.length - 1 };
}

export const fulfillmentCreateResolvers: ResolverMap = {
  Mutation: {
    fulfillmentCreate: (_source, args, ctx) => {
      const input = args.fulfillment as FulfillmentInput;
      const planned = plan(ctx, input);
      if (!Array.isArray(planned)) return { fulfillment: null, userErrors: [planned] };
      return { fulfillment: apply(ctx, input, planned), userErrors: [] };
    },
  },
};
