/**
 * What a verified delivery asks for (docs/decisions/webhooks-wake-never-carry-state.md): an order topic wakes
 * "pull this order now"; the payload gives only the order's id and its updated_at (the business dedupe key),
 * never the state that is sent to Sentos. Every other topic is acknowledged and ignored.
 */
export const ORDER_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/paid',
  'orders/partially_fulfilled',
  'orders/edited',
] as const;

/** The topics `webhooks register` subscribes to, in the GraphQL enum's spelling. */
export const SUBSCRIBED_TOPICS = [
  'ORDERS_CREATE',
  'ORDERS_UPDATED',
  'ORDERS_CANCELLED',
  'ORDERS_FULFILLED',
  'ORDERS_PAID',
] as const;

export type Wake =
  { kind: 'order'; orderId: string; updatedAt?: string; topic: string } | { kind: 'ignore'; reason: string };

export function wakeFor(topic: string, rawBody: Buffer): Wake {
  if (!(ORDER_TOPICS as readonly string[]).includes(topic)) {
    // Our own writes (productSet, inventorySetQuantities) fire products/update and inventory_levels/update: we
    // never subscribe to them, and one that arrives anyway is an echo of our own write (docs/shopify-api.md#webhooks).
    return { kind: 'ignore', reason: `topic ${topic} is not one serve acts on` };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { kind: 'ignore', reason: `${topic}: the body is not JSON` };
  }
  const orderId = orderIdOf(payload);
  if (!orderId) return { kind: 'ignore', reason: `${topic}: the payload has no order id` };
  const updatedAt = (payload as { updated_at?: unknown }).updated_at;
  return { kind: 'order', orderId, topic, updatedAt: typeof updatedAt === 'string' ? updatedAt : undefined };
}

/** The REST `id` (a number, or a string when the subscription's includeFields kept it); else the gid's tail. */
function orderIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as { id?: unknown; admin_graphql_api_id?: unknown };
  if (typeof record.id === 'number' && Number.isSafeInteger(record.id)) return String(record.id);
  if (typeof record.id === 'string' && /^\d+$/.test(record.id)) return record.id;
  const gid =
    typeof record.admin_graphql_api_id === 'string' ? /\/Order\/(\d+)/.exec(record.admin_graphql_api_id) : null;
  return gid?.[1];
}
