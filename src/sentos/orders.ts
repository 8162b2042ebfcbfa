import { OutcomeUnknownError, RemoteError } from '../core/errors.js';
import type { HttpResponse } from '../core/http/client.js';
import { sentosInvalidResponse, sentosValidationError } from './errors.js';
import { fetchPages, isLastPage } from './pages.js';
import type { SentosCall, SentosTransport } from './transport.js';
import type { SentosOrder, SentosOrderPayload, SentosOrderQuery, SentosOrderUpdatePayload } from './types.js';
import { isPlainObject } from './wire/fields.js';
import { createdOrderOf, parseSentosOrder, writeErrors } from './wire/order.js';

const ORDER_PAGE_SIZE = 100;

/**
 * GET /orders with exact filters (docs/sentos-api.md#order-lists-and-filters [V: ERPD, ERPiS, MSO]), all pages. Filters
 * go in the query string: MSO also puts them in a GET body, which fetch cannot send
 * (docs/sentos-api.md#order-lists-and-filters quirk). A 404 on an exact order_id/order_code lookup is read as "no such
 * order" [I]; on a date listing it points at the base URL. An order we cannot read throws: skipping it could let a
 * duplicate through (docs/sentos-api.md#order-writes-and-duplicates).
 */
export async function findOrders(transport: SentosTransport, query: SentosOrderQuery): Promise<SentosOrder[]> {
  const wireQuery = {
    status: query.status,
    order_id: query.orderId,
    order_code: query.orderCode,
    updated_start_date: query.updatedStart,
    updated_end_date: query.updatedEnd,
  };
  const exact = query.orderId !== undefined || query.orderCode !== undefined;
  const orders: SentosOrder[] = [];
  const pages = fetchPages(transport, {
    path: '/orders',
    query: wireQuery,
    pageSize: ORDER_PAGE_SIZE,
    operation: 'findOrders',
    listKeys: ['data', 'content', 'orders'],
    notFoundIsEmpty: exact,
  });
  for await (const { envelope } of pages) orders.push(...envelope.items.map(readOrder(transport, 'findOrders')));
  return orders;
}

/**
 * GET /orders created since `createdStart` ("YYYY-MM-DD HH:mm:ss" Turkey time), oldest id first so that orders
 * created while we page land on later pages instead of shifting earlier ones
 * (docs/sentos-api.md#order-lists-and-filters). At most `maxPages` pages: `complete` is false when there were
 * more, and the caller must not read absence from it.
 */
export async function listOrdersCreatedSince(
  transport: SentosTransport,
  createdStart: string,
  maxPages: number,
): Promise<{ orders: SentosOrder[]; complete: boolean }> {
  const orders: SentosOrder[] = [];
  const pages = fetchPages(transport, {
    path: '/orders',
    query: { created_start_date: createdStart, orderby_field: 'id', orderby_direction: 'ASC' },
    pageSize: ORDER_PAGE_SIZE,
    operation: 'listOrders',
    listKeys: ['data', 'content', 'orders'],
  });
  let read = 0;
  for await (const { envelope } of pages) {
    orders.push(...envelope.items.map(readOrder(transport, 'listOrders')));
    read += 1;
    if (read >= maxPages && !isLastPage(envelope, read, ORDER_PAGE_SIZE)) return { orders, complete: false };
  }
  return { orders, complete: true };
}

function readOrder(transport: SentosTransport, operation: string): (raw: unknown) => SentosOrder {
  return (raw) => {
    const parsed = parseSentosOrder(raw);
    if (parsed.ok) return parsed.order;
    throw new RemoteError(
      transport.secrets.redact(`Sentos ${operation} returned an order sentos-sync cannot read: ${parsed.reason}`),
      { service: 'sentos', code: 'INVALID_RESPONSE' },
    );
  };
}

/**
 * POST /orders (docs/sentos-api.md#order-writes-and-duplicates). Not idempotent: a timeout, reset or 5xx after sending
 * is an OutcomeUnknownError (the caller looks the order up before any resend,
 * docs/sentos-api.md#order-writes-and-duplicates); a 429 is retried because it was not processed.
 * 400/405/422, or a 2xx that lists `errors` (docs/sentos-api.md#errors-and-limits [V: SAL, SFB]), is a VALIDATION
 * RemoteError naming the order.
 */
export async function createOrder(transport: SentosTransport, payload: SentosOrderPayload): Promise<SentosOrder> {
  const call: SentosCall = {
    method: 'POST',
    path: '/orders',
    body: payload,
    kind: 'write',
    idempotent: false,
    operation: 'createOrder',
  };
  const subject = `order ${payload.order_code}`;
  const response = await transport.send(call).catch((error: unknown) => {
    throw error instanceof OutcomeUnknownError ? nameOrder(error, subject) : error;
  });
  if (response.status < 200 || response.status >= 300) throw transport.errorFor(call, response, { subject });
  const errors = writeErrors(response.body);
  if (errors.length > 0) throw sentosValidationError(response, errors, transport.context(call, { subject }));
  const created = readCreated(response.body, payload);
  if (created) return created;
  // A 2xx that does not say which order it made: find it by our key rather than guess
  // (docs/sentos-api.md#order-writes-and-duplicates).
  const found = (await findOrders(transport, { orderId: payload.order_id })).find(
    (o) => o.orderId === String(payload.order_id),
  );
  if (found) return found;
  throw sentosInvalidResponse(
    response,
    `no order id in the answer for ${subject}, and no order with order_id ${payload.order_id} was found`,
    transport.context(call, { subject }),
  );
}

/**
 * PUT /orders/{id} (docs/sentos-api.md#order-writes-and-duplicates [V: SFB markShipped]). The same body twice leaves
 * the same state: idempotent.
 */
export async function updateOrder(
  transport: SentosTransport,
  id: string,
  payload: SentosOrderUpdatePayload,
): Promise<void> {
  const call: SentosCall = {
    method: 'PUT',
    path: `/orders/${encodeURIComponent(id)}`,
    body: payload,
    kind: 'write',
    idempotent: true,
    operation: 'updateOrder',
  };
  const subject = `Sentos order ${id}`;
  const response = await transport.sendOk(call, { subject });
  const errors = writeErrors(response.body);
  if (errors.length > 0) throw sentosValidationError(response, errors, transport.context(call, { subject }));
}

/**
 * SFB reads `order.id` (else a top-level id), `order.order_code`, `order.status` [V: SFB]; the answer's exact
 * shape is [I]. What the answer leaves out is filled from what we sent.
 */
function readCreated(body: unknown, payload: SentosOrderPayload): SentosOrder | undefined {
  const answer = createdOrderOf(body);
  if (!isPlainObject(answer) || answer.id === undefined || answer.id === null) return undefined;
  const sent = {
    order_id: payload.order_id,
    order_code: payload.order_code,
    status: payload.status,
    lines: payload.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  };
  const merged: Record<string, unknown> = { ...sent };
  for (const [key, value] of Object.entries(answer))
    if (value !== null && value !== undefined && value !== '') merged[key] = value;
  const parsed = parseSentosOrder(merged);
  return parsed.ok ? parsed.order : undefined;
}

function nameOrder(error: OutcomeUnknownError, subject: string): OutcomeUnknownError {
  const response: Partial<HttpResponse> = { status: error.status, requestId: error.requestId };
  const message = error.message.replace(/ \(request id [^)]*\)$/, '');
  return new OutcomeUnknownError(
    `${message} (${subject})`,
    { service: 'sentos', status: response.status, requestId: response.requestId, code: 'OUTCOME_UNKNOWN' },
    {
      hint: `Do not resend ${subject} blindly: sentos-sync looks it up by order_id first on the next run.`,
      cause: error,
    },
  );
}
