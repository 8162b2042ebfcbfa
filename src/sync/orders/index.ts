/** The pure core of the order push and the pending-quantity count for stock (docs/architecture.md#no-oversell). */
export {
  DEFAULT_ORDER_SETTINGS,
  DEFAULT_PAYMENT_MAP,
  SENTOS_ORDER_STATUSES,
  SENTOS_PAYMENT_METHODS,
  orderSettings,
  type OrderSettingsOverrides,
  type OrderStateKey,
  type OrderSyncSettings,
  type SentosOrderStatus,
  type SentosPaymentMethod,
} from './settings.js';
export { mapShopifyOrder, orderCodeOf, type MapOrderContext, type MapOrderResult, type MappedOrder } from './map.js';
export { mapLines, lineName, vatRateOf, type KnownSkus } from './lines.js';
export { mapAddress, personName } from './address.js';
export { foldGatewayName, mapPaymentMethod, paymentMethodForGateway, type PaymentMapping } from './payment.js';
export { normalizePhone } from './phone.js';
export { SENTOS_TIME_ZONE, toSentosDateTime } from './date.js';
export { mapOrderStatus, orderStateKey, trackingOf, type OrderTracking } from './status.js';
export { canonicalJson, orderHash } from './hash.js';
export {
  decideOrderAction,
  type DecideOrderInput,
  type OrderAction,
  type OrderLedgerEntry,
  type OrderSkipReason,
} from './decide.js';
export { DEFAULT_STOCK_TAKING_STATUSES, pendingQuantities, type PendingOptions, type SentRecord } from './pending.js';
