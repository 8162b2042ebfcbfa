/** The Sentos REST client: the only module the rest of the tool imports from src/sentos. */
export { normalizeSentosBaseUrl, isLoopback } from './base-url.js';
export { basicToken, isAuthRejection, sentosAuthHeaders, SENTOS_AUTH_METHODS } from './auth.js';
export { createSentosClient, type SentosClient, type SentosClientOptions } from './client.js';
export {
  createSentosScheduler,
  DEFAULT_SENTOS_LIMITS,
  sameGetKey,
  type SentosLimits,
  type SentosScheduler,
  type SentosWait,
  type SentosWaitLimit,
} from './limits.js';
export { BASE_URL_HINT, CREDENTIALS_HINT } from './errors.js';
export type { ListProductsOptions, SentosProductPage } from './products.js';
export { parseSentosProduct, parseSentosProducts, type InvalidProduct } from './wire/product.js';
export { DEFAULT_MODEL_NAME } from './wire/fields.js';
export * from './types.js';
