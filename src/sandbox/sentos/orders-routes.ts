/** GET/POST /orders, GET/PUT /orders/:id (docs/sentos-api.md#orders). */
import { formatIstanbul } from './istanbul-time.js';
import { buildOrder } from './order-build.js';
import { orderFilters, orderSorter } from './order-filters.js';
import { isRecord, ORDER_STATUSES, validateOrder } from './order-validation.js';
import { filtersFrom, isPaging, paginate, readPaging } from './paging.js';
import { json, message, type Route, type RouteContext } from './router.js';
import { applyStockRule } from './stock-rule.js';

function listOrders(ctx: RouteContext) {
  const filters = filtersFrom(ctx.query, ctx.body);
  const paging = readPaging(filters, { size: ctx.options.pageSizeDefault, max: ctx.options.pageSizeMax });
  if (!isPaging(paging)) return paging;
  const parsed = orderFilters(filters);
  if (!parsed.ok) return message(422, parsed.message);
  const matching = ctx.state.orders.filter((o) => parsed.predicates.every((p) => p(o)));
  return json(
    200,
    paginate(matching.sort(orderSorter(filters)), paging, (o) => o),
  );
}

function getOrder(ctx: RouteContext) {
  const order = ctx.state.findOrder(Number(ctx.params['id']));
  return order ? json(200, order) : message(404, 'Sipariş bulunamadı');
}

/**
 * Like the real API as far as anyone knows (docs/sentos-api.md#order-writes-and-duplicates,
 * docs/sentos-api.md#open-questions), a duplicate order_id is NOT rejected: a second copy is stored. Preventing that is
 * the client's job, and tests count the copies.
 */
function postOrder(ctx: RouteContext) {
  const verdict = validateOrder(ctx.body, ctx.state);
  if (!verdict.ok) return message(422, verdict.message, { errors: { [verdict.field]: [verdict.message] } });
  const order = buildOrder(ctx.body as Record<string, unknown>, ctx.state, ctx.now);
  ctx.state.orders.push(order);
  applyStockRule(order, ctx.state, ctx.options.decrementOnStatuses);
  return json(200, { message: 'Sipariş oluşturuldu', order });
}

/**
 * docs/sentos-api.md#order-writes-and-duplicates [V: SFB markShipped]: {status, data: {cargo_company, tracking_number,
 * tracking_url}}.
 */
function putOrder(ctx: RouteContext) {
  const order = ctx.state.findOrder(Number(ctx.params['id']));
  if (!order) return message(404, 'Sipariş bulunamadı');
  const body = ctx.body;
  if (!isRecord(body)) return message(422, 'Gövde bir JSON nesnesi olmalı');
  const { status, data } = body;
  if (status !== undefined && !(typeof status === 'number' && ORDER_STATUSES.includes(status))) {
    return message(422, `Geçersiz sipariş durumu: ${JSON.stringify(status)}`);
  }
  if (data !== undefined && !isRecord(data)) return message(422, 'data bir nesne olmalı');
  if (typeof status === 'number') order.status = status;
  if (data) {
    const pick = (key: string, fallback: string) => (typeof data[key] === 'string' ? data[key] : fallback);
    const info = order.tracking_info;
    order.tracking_info = {
      cargo_company: pick('cargo_company', info.cargo_company),
      tracking_number: pick('tracking_number', info.tracking_number),
      tracking_link: pick('tracking_url', info.tracking_link),
    };
    order.cargo_provider = order.tracking_info.cargo_company;
    order.cargo_number = order.tracking_info.tracking_number;
  }
  order.updated_at = formatIstanbul(ctx.now);
  applyStockRule(order, ctx.state, ctx.options.decrementOnStatuses);
  return json(200, { message: 'Sipariş güncellendi', order });
}

export const orderRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/orders', handle: listOrders },
  { method: 'POST', pattern: '/orders', handle: postOrder },
  { method: 'GET', pattern: '/orders/:id', handle: getOrder },
  { method: 'PUT', pattern: '/orders/:id', handle: putOrder },
];
