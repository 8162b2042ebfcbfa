/**
 * Settings of the order push. Every rule the mapping applies is data here, so a merchant can override one entry without
 * restating the rest (`orderSettings({ statusMap: { pending: 2 } })`).
 */
import type { MoneySource } from './money.js';

/** Sentos order statuses (docs/sentos-api.md#order-shape-and-status-codes). */
export const SENTOS_ORDER_STATUSES = [1, 2, 3, 4, 5, 6, 99] as const;
export type SentosOrderStatus = (typeof SENTOS_ORDER_STATUSES)[number];

/**
 * The only payment_method values Sentos accepts; anything else is a 422 (docs/sentos-api.md#order-writes-and-duplicates
 * [V: SFB]).
 */
export const SENTOS_PAYMENT_METHODS = [
  'KREDIKARTI/BANKAKARTI',
  'EFT/HAVALE',
  'NAKIT',
  'KAPIDAODEME/NAKIT',
  'KAPIDAODEME/KREDIKARTI',
] as const;
export type SentosPaymentMethod = (typeof SENTOS_PAYMENT_METHODS)[number];

/**
 * The Shopify state of an order, reduced to the keys of `statusMap`. Decided in this precedence
 * (first match wins; see status.ts):
 *
 * | key                      | Shopify state                                                     | default           |
 * | ------------------------ | ----------------------------------------------------------------- | ----------------- |
 * | cancelled                | cancelledAt set                                                   | 6 İptal/İade      |
 * | refunded                 | financial REFUNDED (every unit paid back)                         | 6 İptal/İade      |
 * | voided                   | financial VOIDED (authorisation voided: no money will come)       | 6 İptal/İade      |
 * | fulfilled                | fulfillment FULFILLED and a fulfillment carries a tracking number | 5 Kargoya Verildi |
 * | fulfilledWithoutTracking | FULFILLED without tracking (pickup, own courier, digital)         | 5 Kargoya Verildi |
 * | partiallyFulfilled       | PARTIALLY_FULFILLED                                               | 4 Hazırlanıyor    |
 * | paid                     | PAID, PARTIALLY_PAID, AUTHORIZED, PARTIALLY_REFUNDED              | 2 Onaylandı       |
 * | pendingCashOnDelivery    | PENDING/EXPIRED/none, paid on delivery (KAPIDAODEME/*)            | 1 Onay Bekliyor   |
 * | pending                  | PENDING/EXPIRED/none or an unknown value (bank transfer awaited)  | 1 Onay Bekliyor   |
 *
 * Why: both known Sentos writers create paid orders as 2 (docs/sentos-api.md#order-shape-and-status-codes [V: SFB,
 * SCX]); 5 is what SFB sends for "shipped" (docs/sentos-api.md#order-writes-and-duplicates). Unpaid orders go to 1 so a
 * person approves them in Sentos. Cash on delivery is unpaid by nature: shops that ship COD without a confirmation call
 * set `pendingCashOnDelivery: 2`. Unknown enum values (Shopify adds some, docs/shopify-api.md#orders) fall to
 * `pending`, the state that makes a person look.
 */
export type OrderStateKey =
  | 'cancelled'
  | 'refunded'
  | 'voided'
  | 'fulfilled'
  | 'fulfilledWithoutTracking'
  | 'partiallyFulfilled'
  | 'paid'
  | 'pendingCashOnDelivery'
  | 'pending';

export interface OrderSyncSettings {
  /** order_code: '#1042' → '1042' (default), the name's number ('TR-1042-X' → '1042'), or the numeric id. */
  orderCodeFrom: 'name-without-hash' | 'number' | 'legacy-id';
  /** Sentos sales channel (GET /sales-channels); omitted from the body when unset. */
  channelId?: number;
  /** Sentos warehouse written on every line; omitted when unset (Sentos then picks its default [I]). */
  warehouseId?: number;
  statusMap: Record<OrderStateKey, SentosOrderStatus>;
  /**
   * Gateway phrase → Sentos method. Keys and gateway names are folded (Turkish-aware, see payment.ts) and
   * matched as whole words; the longest matching phrase wins, so entries need no order.
   */
  paymentMap: Record<string, SentosPaymentMethod>;
  /** Sent (with a warning) when no gateway name matches. */
  defaultPaymentMethod: SentosPaymentMethod;
  /** 'fail': the order fails naming the SKU; 'skip-line': the line is left out with a warning. */
  unknownSkuPolicy: 'fail' | 'skip-line';
  /** Shop currency ISO code → Sentos currency; codes not listed are sent as they are. */
  currencyMap: Record<string, string>;
  /**
   * An order paid in another currency (presentment EUR in a TRY shop). 'shop-money': send it, in the currency
   * `moneySource` picks, with a warning; 'fail': leave such orders to a person (docs/sentos-api.md#order-money).
   */
  foreignCurrency: 'shop-money' | 'fail';
  /**
   * `money.source`: amounts in the shop currency (Shopify's shopMoney, converted at checkout: the books are kept in
   * it) or in the currency the customer paid (presentmentMoney). The same for orders paid in the shop currency.
   */
  moneySource: MoneySource;
  /** Shopify test orders (bogus gateway) are not real sales: skipped unless this is true. */
  includeTestOrders: boolean;
  /** vat_rate for a line without tax lines (a shop that does not charge tax in Shopify): KDV 20 %. */
  defaultVatRate: number;
  /** Country calling code prefixed to national phone numbers ("0532…", "532…"). */
  defaultPhoneCountryCode: string;
}

export const DEFAULT_PAYMENT_MAP: Readonly<Record<string, SentosPaymentMethod>> = {
  'kapida odeme': 'KAPIDAODEME/NAKIT',
  'kapida nakit': 'KAPIDAODEME/NAKIT',
  kapida: 'KAPIDAODEME/NAKIT',
  'cash on delivery': 'KAPIDAODEME/NAKIT',
  cod: 'KAPIDAODEME/NAKIT',
  'kapida kredi karti': 'KAPIDAODEME/KREDIKARTI',
  'kapida kart': 'KAPIDAODEME/KREDIKARTI',
  'card on delivery': 'KAPIDAODEME/KREDIKARTI',
  havale: 'EFT/HAVALE',
  eft: 'EFT/HAVALE',
  'bank transfer': 'EFT/HAVALE',
  'bank deposit': 'EFT/HAVALE',
  'wire transfer': 'EFT/HAVALE',
  'shopify payments': 'KREDIKARTI/BANKAKARTI',
  'kredi karti': 'KREDIKARTI/BANKAKARTI',
  'banka karti': 'KREDIKARTI/BANKAKARTI',
  'credit card': 'KREDIKARTI/BANKAKARTI',
  iyzico: 'KREDIKARTI/BANKAKARTI',
  paytr: 'KREDIKARTI/BANKAKARTI',
  stripe: 'KREDIKARTI/BANKAKARTI',
  paypal: 'KREDIKARTI/BANKAKARTI',
  cash: 'NAKIT',
  nakit: 'NAKIT',
};

export const DEFAULT_ORDER_SETTINGS: Readonly<OrderSyncSettings> = {
  orderCodeFrom: 'name-without-hash',
  statusMap: {
    cancelled: 6,
    refunded: 6,
    voided: 6,
    fulfilled: 5,
    fulfilledWithoutTracking: 5,
    partiallyFulfilled: 4,
    paid: 2,
    pendingCashOnDelivery: 1,
    pending: 1,
  },
  paymentMap: DEFAULT_PAYMENT_MAP,
  defaultPaymentMethod: 'KREDIKARTI/BANKAKARTI',
  unknownSkuPolicy: 'fail',
  currencyMap: { TRY: 'TL' },
  foreignCurrency: 'shop-money',
  moneySource: 'shop',
  includeTestOrders: false,
  defaultVatRate: 20,
  defaultPhoneCountryCode: '90',
};

export interface OrderSettingsOverrides extends Partial<
  Omit<OrderSyncSettings, 'statusMap' | 'paymentMap' | 'currencyMap'>
> {
  statusMap?: Partial<Record<OrderStateKey, SentosOrderStatus>>;
  paymentMap?: Record<string, SentosPaymentMethod>;
  currencyMap?: Record<string, string>;
}

/** Defaults with overrides; the three maps merge entry by entry instead of being replaced. */
export function orderSettings(overrides: OrderSettingsOverrides = {}): OrderSyncSettings {
  const base = DEFAULT_ORDER_SETTINGS;
  return {
    ...base,
    ...overrides,
    statusMap: { ...base.statusMap, ...overrides.statusMap },
    paymentMap: { ...base.paymentMap, ...overrides.paymentMap },
    currencyMap: { ...base.currencyMap, ...overrides.currencyMap },
  };
}
