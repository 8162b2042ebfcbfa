import { z } from 'zod';
import { defineOperation } from './operation.js';
import { ADDRESS_FIELDS, LINE_ITEM_FIELDS, ORDER_MONEY_FIELDS, orderSchema } from './order-wire.js';
import { pageInfoSchema } from './wire.js';

export interface OrdersPageVariables {
  first: number;
  after?: string | null;
  query?: string | null;
}

/**
 * Incremental order pull, oldest change first (sortKey UPDATED_AT, docs/shopify-api.md#orders). Requested cost by the
 * docs/shopify-api.md#rate-limits-by-plan rules (estimate-cost.ts): one line item ≈ 24 with the money fields
 * (docs/shopify-api.md#order-money: both currencies, discount allocations, tax amounts), so lineItems(first: 10) ≈ 240;
 * the rest of an order (customer, addresses, totals, shipping lines, fulfillments) ≈ 130 → ≈ 370 per order. `first`
 * starts at 1 and grows with the requestedQueryCost Shopify reports (page-size.ts): two orders fit a page, where
 * lineItems(first: 25) fitted one and made a Standard shop's order read one round trip per order. Most orders have
 * fewer than 10 lines; longer ones are completed by OrderLineItemsPage.
 */
export const OrdersPage = defineOperation<OrdersPageVariables>()({
  name: 'OrdersPage',
  kind: 'read',
  document: `
query OrdersPage($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id legacyResourceId name createdAt updatedAt processedAt cancelledAt cancelReason closed test
      displayFinancialStatus displayFulfillmentStatus currencyCode presentmentCurrencyCode
      email phone note paymentGatewayNames
      customer { firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
      billingAddress { ...AddressFields }
      shippingAddress { ...AddressFields }
      totalShippingPriceSet { shopMoney { amount } }${ORDER_MONEY_FIELDS}
      lineItems(first: 10) { nodes { ...LineItemFields } pageInfo { hasNextPage endCursor } }
      fulfillments(first: 5) { status trackingInfo(first: 3) { company number url } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
${ADDRESS_FIELDS}
${LINE_ITEM_FIELDS}`,
  data: z.object({ orders: z.object({ nodes: z.array(orderSchema), pageInfo: pageInfoSchema }) }),
});
