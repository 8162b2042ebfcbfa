/**
 * One Shopify order → the body of POST /orders (docs/sentos-api.md#order-writes-and-duplicates). Pure: the caller
 * supplies the settings and, when it has loaded it, the Sentos SKU index. Problems are data: a failed order carries
 * reasons that name the order, the line or field, and what to do (docs/house-style.md#8-per-item-failures-are-data).
 */
import type { SentosOrderPayload } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { minorToNumber } from '../../core/money.js';
import { compact, mapAddress, personName } from './address.js';
import { toSentosDateTime } from './date.js';
import { orderHash } from './hash.js';
import { mapLines, type KnownSkus } from './lines.js';
import { checkInvariant, invariantReason, shippingCharge } from './money.js';
import { mapPaymentMethod } from './payment.js';
import { normalizePhone } from './phone.js';
import type { OrderStateKey, OrderSyncSettings } from './settings.js';
import { CLOSED_STATES, mapOrderStatus, trackingOf, type OrderTracking } from './status.js';

export interface MapOrderContext {
  settings: OrderSyncSettings;
  knownSkus?: KnownSkus;
  /** Line item id → Sentos warehouse id from the shipping location (docs/architecture.md#location-to-warehouse). */
  lineWarehouses?: ReadonlyMap<string, number>;
}

export interface MappedOrder {
  ok: true;
  payload: SentosOrderPayload;
  /**
   * Cargo data for PUT /orders/{id}: POST /orders has no field for it (docs/sentos-api.md#order-writes-and-duplicates).
   */
  tracking?: OrderTracking;
  stateKey: OrderStateKey;
  /** orderHash(payload, tracking): what the ledger compares to skip unchanged orders. */
  hash: string;
  warnings: string[];
}

export type MapOrderResult = MappedOrder | { ok: false; reasons: string[] };

export function mapShopifyOrder(order: ShopifyOrder, ctx: MapOrderContext): MapOrderResult {
  const { settings } = ctx;
  const reasons: string[] = [];
  const warnings: string[] = [];
  const orderCode = orderCodeOf(order, settings);
  if (!orderCode)
    reasons.push(
      `${order.name}: cannot derive order_code (orders.orderCodeFrom ${settings.orderCodeFrom}) from the name ` +
        `"${order.name}"; set another one: \`sentos-sync config set orders.orderCodeFrom legacy-id\``,
    );
  const orderDate = toSentosDateTime(order.processedAt || order.createdAt);
  if (!orderDate)
    reasons.push(`${order.name}: processedAt "${order.processedAt}" is not a valid time; check the order in Shopify`);
  const currency = currencyOf(order, settings, reasons, warnings);
  const payment = mapPaymentMethod(order.paymentGatewayNames, settings.paymentMap, settings.defaultPaymentMethod);
  if (!payment.gateway) {
    warnings.push(
      `${order.name}: payment gateway ${JSON.stringify(order.paymentGatewayNames)} is not in the payment map; ` +
        `sent ${payment.method} (map it with orders.paymentMap, e.g. ` +
        '`sentos-sync config set orders.paymentMap "gateway=EFT/HAVALE"`)',
    );
  }
  const tracking = trackingOf(order);
  const { key, status } = mapOrderStatus(order, payment.method, settings.statusMap);
  const lines = mapLines(order, {
    settings,
    knownSkus: ctx.knownSkus,
    closed: CLOSED_STATES.has(key),
    ...(ctx.lineWarehouses ? { lineWarehouses: ctx.lineWarehouses } : {}),
  });
  if (!lines.ok) reasons.push(...lines.reasons);
  if (!lines.ok || reasons.length > 0 || !orderCode || !orderDate) return { ok: false, reasons };
  warnings.push(...lines.warnings);
  const shipping = shippingCharge(order, settings.moneySource, lines.original);
  const sent = lines.lines.reduce((sum, line) => sum + Math.round(line.price * 100) * line.quantity, shipping);
  const check = checkInvariant({
    order,
    source: settings.moneySource,
    sent,
    giftCards: lines.giftCards,
    skipped: lines.skipped,
    original: lines.original,
  });
  if (!check.ok) return { ok: false, reasons: [`${order.name}: ${invariantReason(check, currency)}`] };
  const customer = customerOf(order, settings, warnings);
  const payload: SentosOrderPayload = compact({
    order_id: order.legacyId,
    order_code: orderCode,
    status,
    channel_id: settings.channelId,
    order_date: orderDate,
    currency,
    payment_method: payment.method,
    shipping_total: minorToNumber(shipping),
    note: noteOf(order),
    customer,
    invoice_address:
      order.billingAddress && mapAddress(order.billingAddress, customer.name, settings.defaultPhoneCountryCode),
    shipment_address:
      order.shippingAddress && mapAddress(order.shippingAddress, customer.name, settings.defaultPhoneCountryCode),
    lines: lines.lines,
  });
  const result: MappedOrder = { ok: true, payload, stateKey: key, hash: orderHash(payload, tracking), warnings };
  if (tracking) result.tracking = tracking;
  return result;
}

/** '#1042' → '1042'; 'number' takes the digits of the name ("TR-1042-X" → "1042": name = prefix+number+suffix). */
export function orderCodeOf(
  order: ShopifyOrder,
  settings: Pick<OrderSyncSettings, 'orderCodeFrom'>,
): string | undefined {
  switch (settings.orderCodeFrom) {
    case 'legacy-id':
      return order.legacyId || undefined;
    case 'number':
      return /(\d+)\D*$/.exec(order.name)?.[1];
    case 'name-without-hash':
      return order.name.trim().replace(/^#/, '') || undefined;
  }
}

function currencyOf(order: ShopifyOrder, settings: OrderSyncSettings, reasons: string[], warnings: string[]): string {
  if (order.presentmentCurrencyCode && order.presentmentCurrencyCode !== order.currencyCode) {
    const what = `${order.name}: paid in ${order.presentmentCurrencyCode}, shop currency ${order.currencyCode}`;
    if (settings.foreignCurrency === 'fail')
      reasons.push(
        `${what}: orders.foreignCurrency is 'fail'; enter it in Sentos by hand ` +
          'or set orders.foreignCurrency to shop-money',
      );
    else if (settings.moneySource === 'shop')
      warnings.push(
        `${what}: sent the ${order.currencyCode} amounts Shopify converted at checkout (money.source shop)`,
      );
    else
      warnings.push(
        `${what}: sent the ${order.presentmentCurrencyCode} amounts the customer paid (money.source presentment)`,
      );
  }
  const code =
    settings.moneySource === 'presentment' ? order.presentmentCurrencyCode || order.currencyCode : order.currencyCode;
  return settings.currencyMap[code] ?? code;
}

/**
 * Customer name: the customer's, else the billing then shipping name. Shopify redacts names for apps without
 * protected-data access (docs/shopify-api.md#orders): rather than fail every order, the e-mail or the order name stands
 * in, with a warning.
 */
function customerOf(
  order: ShopifyOrder,
  settings: OrderSyncSettings,
  warnings: string[],
): SentosOrderPayload['customer'] {
  const c = order.customer;
  const email = c?.email?.trim() || order.email?.trim() || undefined;
  let name =
    personName(c?.firstName, c?.lastName) ??
    personName(order.billingAddress?.firstName, order.billingAddress?.lastName, order.billingAddress?.name) ??
    personName(order.shippingAddress?.firstName, order.shippingAddress?.lastName, order.shippingAddress?.name);
  if (!name) {
    name = email ?? `Shopify ${order.name}`;
    warnings.push(`${order.name}: no customer name (protected customer data not granted?); sent "${name}"`);
  }
  const rawPhone = c?.phone || order.phone || order.billingAddress?.phone || order.shippingAddress?.phone;
  return compact({ name, phone: normalizePhone(rawPhone, settings.defaultPhoneCountryCode), mail_address: email });
}

/** The merchant's note first; the Shopify order name always, so a person in Sentos can find the source. */
function noteOf(order: ShopifyOrder): string {
  const note = order.note?.trim();
  return note ? `${note} | Shopify ${order.name}` : `Shopify ${order.name}`;
}
