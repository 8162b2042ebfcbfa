/** Public surface of the Sentos simulator (sandbox). */
export { startSentosSimulator, type SentosSimulator } from './server.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_QUIRKS,
  type SentosSimAuth,
  type SentosSimLimits,
  type SentosSimQuirks,
  type SentosSimulatorOptions,
} from './options.js';
export type { SentosState, SkuHit } from './state.js';
export type { SentosSimStats } from './stats.js';
export { SHIP_PATH, STATS_PATH } from './request-handler.js';
export { markShipped, type ShipInput } from './panel.js';
export { ORDER_STATUSES, PAYMENT_METHODS } from './order-validation.js';
export { addMarketplaceOrder, type MarketplaceOrderSeed } from './marketplace-orders.js';
export type * from './wire-types.js';
