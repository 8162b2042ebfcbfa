import { formatMoney } from '../decimal.js';
import type { OrderRecord } from '../state/types.js';

/**
 * The body of an `orders/*` delivery: Shopify sends the REST order resource (numeric `id`, snake_case,
 * `admin_graphql_api_id`), serialised when the event is triggered — a retry carries this same body
 * (docs/shopify-api.md#webhooks). Only the fields a receiver plausibly reads are modelled.
 */
export function orderPayload(order: OrderRecord, shopCurrency: string): Record<string, unknown> {
  return {
    id: order.legacyId,
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: order.number,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    closed_at: order.closedAt,
    test: order.test,
    email: order.email,
    currency: shopCurrency,
    presentment_currency: order.presentmentCurrencyCode,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: order.fulfillments.length > 0 ? 'fulfilled' : null,
    payment_gateway_names: order.paymentGatewayNames,
    note: order.note,
    tags: order.tags.join(', '),
    line_items: order.lines.map((line) => ({
      id: Number(/\d+$/.exec(line.id)?.[0]),
      admin_graphql_api_id: line.id,
      sku: line.sku,
      title: line.title,
      variant_title: line.variantTitle,
      quantity: line.quantity,
      price: formatMoney(line.unitPriceMinor),
    })),
  };
}
