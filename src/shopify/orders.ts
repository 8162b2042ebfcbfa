/** Order pull (docs/shopify-api.md#orders): oldest change first, line items completed past the first 50. */
import { RemoteError, UsageError } from '../core/errors.js';
import type { GraphqlTransport } from './graphql.js';
import { toShopifyOrder } from './map-order.js';
import { OrderLineItemsPage, OrdersPage } from './operations/index.js';
import type { WireLineItem, WireOrder } from './operations/order-wire.js';
import { INITIAL_ORDERS_FIRST } from './page-size.js';
import { paginate } from './paginate.js';
import type { ShopifyOrder, ShopifyOrderQuery } from './types.js';

export type ListOrdersOptions = ShopifyOrderQuery & { pageSize?: number };

export async function* listOrders(
  gql: GraphqlTransport,
  options: ListOrdersOptions = {},
): AsyncGenerator<ShopifyOrder[]> {
  if (options.ids && options.ids.length === 0) return; // "these orders" with none listed: nothing to read
  const query = buildOrderSearch(options) ?? null;
  yield* paginate(
    async ({ first, after }) => {
      const { data, requestedCost } = await gql.execute(OrdersPage, { first, after, query });
      const items: ShopifyOrder[] = [];
      for (const order of data.orders.nodes) items.push(toShopifyOrder(order, await allLineItems(gql, order)));
      return { items, pageInfo: data.orders.pageInfo, requestedCost };
    },
    { first: options.pageSize ?? INITIAL_ORDERS_FIRST, adaptive: options.pageSize === undefined },
  );
}

/**
 * Search syntax (docs/shopify-api.md#orders): terms are ANDed by whitespace; `updated_at:>'ISO'` for the incremental
 * cursor, ids as numeric `id:` terms ORed together, then the caller's own search text.
 */
export function buildOrderSearch(query: ShopifyOrderQuery): string | undefined {
  const parts: string[] = [];
  if (query.updatedAfter !== undefined) {
    if (!/^[0-9TZ:.+-]+$/.test(query.updatedAfter) || Number.isNaN(Date.parse(query.updatedAfter))) {
      throw new UsageError(`"${query.updatedAfter}" is not an ISO date-time.`, {
        hint: 'Use e.g. 2026-11-20T00:00:00Z.',
      });
    }
    parts.push(`updated_at:>'${query.updatedAfter}'`);
  }
  if (query.ids && query.ids.length > 0) {
    const terms = query.ids.map((id) => `id:${legacyOrderId(id)}`);
    parts.push(terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`);
  }
  if (query.search?.trim()) parts.push(query.search.trim());
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function legacyOrderId(id: string): string {
  const match = /^(?:gid:\/\/shopify\/Order\/)?(\d+)$/.exec(id.trim());
  if (!match?.[1])
    throw new UsageError(`"${id}" is not a Shopify order id.`, {
      hint: 'Give the numeric id or gid://shopify/Order/<id>.',
    });
  return match[1];
}

async function allLineItems(gql: GraphqlTransport, order: WireOrder): Promise<WireLineItem[]> {
  const items = [...order.lineItems.nodes];
  let pageInfo = order.lineItems.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const { data } = await gql.execute(OrderLineItemsPage, { id: order.id, after: pageInfo.endCursor });
    if (!data.order) {
      throw new RemoteError(`Shopify order ${order.name} disappeared while its line items were read; run again.`, {
        service: 'shopify',
        code: 'NOT_FOUND',
      });
    }
    items.push(...data.order.lineItems.nodes);
    pageInfo = data.order.lineItems.pageInfo;
  }
  return items;
}
