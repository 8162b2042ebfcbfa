import { GraphQLError } from 'graphql';
import { paginate, type SortKey } from '../connection.js';
import { warnSearch, type ResolverMap } from '../context.js';
import { parseGid } from '../gid.js';
import {
  filterBySearch,
  matchAnyOf,
  matchLegacyId,
  matchTime,
  type SearchTerm,
  type TermMatcher,
} from '../search-query.js';
import { displayFulfillmentStatusOf } from '../state/fulfillment-orders.js';
import type { OrderRecord } from '../state/types.js';
import { orderTotals } from './order-money.js';

/**
 * orders / order (docs/shopify-api.md#orders). Filters: updated_at, created_at, processed_at (with comparators),
 * financial_status, fulfillment_status, status (open | closed | cancelled | not_closed; `any` = no filter, as in REST),
 * name, id, email, sku, tag, test. GraphQL returns every status by default (no implicit "open").
 */
export function displayFulfillmentStatus(order: OrderRecord): 'FULFILLED' | 'PARTIALLY_FULFILLED' | 'UNFULFILLED' {
  return displayFulfillmentStatusOf(order);
}

const FULFILLMENT_FILTER: Record<string, string> = {
  unshipped: 'UNFULFILLED',
  unfulfilled: 'UNFULFILLED',
  shipped: 'FULFILLED',
  fulfilled: 'FULFILLED',
  partial: 'PARTIALLY_FULFILLED',
};

function matchStatus(order: OrderRecord, term: SearchTerm): boolean {
  return term.value.split(',').some((value) => {
    switch (value.trim().toLowerCase()) {
      case 'any':
        return true;
      case 'open':
        return !order.closedAt && !order.cancelledAt;
      case 'closed':
        return Boolean(order.closedAt);
      case 'cancelled':
        return Boolean(order.cancelledAt);
      case 'not_closed':
        return !order.closedAt;
      default:
        return false;
    }
  });
}

function orderMatchers(nowMs: number): Record<string, TermMatcher<OrderRecord>> {
  const bareName = (name: string) => name.replace(/^#/, '');
  return {
    default: (order, term) =>
      [order.name, order.email, order.customer.firstName, order.customer.lastName].some((text) =>
        text.toLowerCase().includes(term.value.toLowerCase()),
      ),
    updated_at: (order, term) => matchTime(order.updatedAt, term, nowMs),
    created_at: (order, term) => matchTime(order.createdAt, term, nowMs),
    processed_at: (order, term) => matchTime(order.processedAt, term, nowMs),
    financial_status: (order, term) => matchAnyOf(order.financialStatus, term),
    fulfillment_status: (order, term) =>
      term.value
        .split(',')
        .some(
          (value) =>
            (FULFILLMENT_FILTER[value.trim().toLowerCase()] ?? value.trim().toUpperCase()) ===
            displayFulfillmentStatus(order),
        ),
    status: matchStatus,
    name: (order, term) => term.value.split(',').some((value) => bareName(value.trim()) === bareName(order.name)),
    id: (order, term) => matchLegacyId(order.legacyId, term),
    email: (order, term) => matchAnyOf(order.email, term),
    sku: (order, term) =>
      order.lines.some((line) => line.sku !== null && line.sku.toLowerCase() === term.value.toLowerCase()),
    tag: (order, term) => order.tags.some((tag) => tag.toLowerCase() === term.value.toLowerCase()),
    test: (order, term) => matchAnyOf(String(order.test), term),
  };
}

const ORDER_SORT: Record<string, (order: OrderRecord) => SortKey> = {
  PROCESSED_AT: (order) => [order.processedAt, order.legacyId],
  UPDATED_AT: (order) => [order.updatedAt, order.legacyId],
  CREATED_AT: (order) => [order.createdAt, order.legacyId],
  ID: (order) => [order.legacyId, order.legacyId],
  ORDER_NUMBER: (order) => [order.number, order.legacyId],
  TOTAL_PRICE: (order) => [orderTotals(order).total, order.legacyId],
};

export const orderQueryResolvers: ResolverMap = {
  QueryRoot: {
    orders: (_source, args, ctx, info) => {
      const sortKey = ORDER_SORT[args.sortKey ?? 'PROCESSED_AT'];
      if (!sortKey)
        throw new GraphQLError(`The sandbox does not implement sortKey ${args.sortKey} for orders`, {
          extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' },
        });
      const matched = filterBySearch(
        ctx.store.orders,
        args.query,
        orderMatchers(ctx.store.nowMs()),
        warnSearch(ctx, info),
      );
      return paginate(matched, sortKey, args);
    },
    order: (_source, args, ctx) => {
      if (!parseGid(args.id))
        throw new GraphQLError(`Invalid global id '${args.id}'`, { extensions: { code: 'INVALID_GLOBAL_ID' } });
      return ctx.store.orderById(args.id) ?? null;
    },
  },
};
