import { z } from 'zod';

/**
 * Every setting the tool reads, in one registry: its env variable (for cron), whether it is a secret
 * (stored AES-encrypted, never printed), and how to parse it. `config set` accepts exactly these keys.
 */
export interface ConfigKey {
  key: string;
  env: string;
  secret: boolean;
  description: string;
  parse: z.ZodType<unknown>;
}

const text = z.string().trim().min(1);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
const share = z.coerce.number().min(0).max(1);
const positiveInt = z.coerce.number().int().positive();
/** "1=Merkez Depo,DEPO=gid://shopify/Location/2": Sentos warehouse (id or name) → Shopify location (id or name). */
const pairs = z.string().transform((value, ctx) => {
  const out: Record<string, string> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    if (at <= 0 || at === part.length - 1) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not warehouse=location` });
      return z.NEVER;
    }
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
});
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);

function key(k: string, env: string, description: string, parse: z.ZodType<unknown> = text, secret = false): ConfigKey {
  return { key: k, env, secret, description, parse };
}

export const CONFIG_KEYS: readonly ConfigKey[] = [
  key('shopify.store', 'SHOPIFY_STORE', 'Shop domain (mystore.myshopify.com), handle or URL'),
  key('shopify.accessToken', 'SHOPIFY_ACCESS_TOKEN', 'Admin API access token (legacy custom app)', text, true),
  key('shopify.clientId', 'SHOPIFY_CLIENT_ID', 'App client id (client-credentials grant)'),
  key('shopify.clientSecret', 'SHOPIFY_CLIENT_SECRET', 'App client secret (client-credentials grant)', text, true),
  key('shopify.apiVersion', 'SHOPIFY_API_VERSION', 'Admin API version', z.string().regex(/^\d{4}-\d{2}$|^unstable$/)),
  key('sentos.apiUrl', 'SENTOS_API_URL', 'Firm name, panel URL or API URL'),
  key('sentos.apiKey', 'SENTOS_API_KEY', 'Sentos API key ("API Anahtar")', text, true),
  key('sentos.apiSecret', 'SENTOS_API_SECRET', 'Sentos API secret ("API Şifre")', text, true),
  key(
    'sentos.authMethod',
    'SENTOS_AUTH_METHOD',
    'auto, basic, headers, bearer or token',
    z.enum(['auto', 'basic', 'headers', 'bearer', 'token']),
  ),
  key('sentos.postsPerMinute', 'SENTOS_SYNC_SENTOS_POSTS_PER_MINUTE', 'Sentos write limit (default 12)', positiveInt),
  key(
    'sentos.sameGetPerMinute',
    'SENTOS_SYNC_SENTOS_SAME_GET_PER_MINUTE',
    'Sentos same-GET limit (default 2)',
    positiveInt,
  ),
  key('products.priceList', 'SENTOS_SYNC_PRICE_LIST', 'sale_price, or a Sentos price list key such as b2c'),
  key(
    'products.newStatus',
    'SENTOS_SYNC_NEW_PRODUCT_STATUS',
    'Status of new products once complete: ACTIVE or DRAFT',
    z.enum(['ACTIVE', 'DRAFT']),
  ),
  key('products.warehouseMap', 'SENTOS_SYNC_WAREHOUSE_MAP', 'warehouse=location pairs, comma-separated', pairs),
  key('products.notOwned', 'SENTOS_SYNC_NOT_OWNED', 'Fields Sentos must not overwrite, comma-separated', list),
  key('products.matchByBarcode', 'SENTOS_SYNC_MATCH_BY_BARCODE', 'Use the barcode when the SKU finds nothing', bool),
  key('products.tagsFromCategory', 'SENTOS_SYNC_TAGS_FROM_CATEGORY', 'Tags from the Sentos category path', bool),
  key(
    'products.allowVariantRemoval',
    'SENTOS_SYNC_ALLOW_VARIANT_REMOVAL',
    'Delete Shopify variants that Sentos no longer has',
    bool,
  ),
  key(
    'products.maxChangeShare',
    'SENTOS_SYNC_MAX_CHANGE_SHARE',
    'Abort when more than this share of products would change',
    share,
  ),
  key(
    'products.maxZeroStockShare',
    'SENTOS_SYNC_MAX_ZERO_STOCK_SHARE',
    'Abort when more than this share of variants would go to zero',
    share,
  ),
  key('orders.channelId', 'SENTOS_SYNC_ORDER_CHANNEL_ID', 'Sentos sales channel id for pushed orders', positiveInt),
  key('orders.warehouseId', 'SENTOS_SYNC_ORDER_WAREHOUSE_ID', 'Sentos warehouse id for order lines', positiveInt),
  key(
    'orders.unknownSku',
    'SENTOS_SYNC_ORDER_UNKNOWN_SKU',
    'fail (default) or skip-line',
    z.enum(['fail', 'skip-line']),
  ),
  key(
    'orders.defaultPaymentMethod',
    'SENTOS_SYNC_ORDER_DEFAULT_PAYMENT',
    'Sentos payment method when the gateway is unknown',
    z.enum(['KREDIKARTI/BANKAKARTI', 'EFT/HAVALE', 'NAKIT', 'KAPIDAODEME/NAKIT', 'KAPIDAODEME/KREDIKARTI']),
  ),
  key('log.maxEntries', 'SENTOS_SYNC_LOG_MAX_ENTRIES', 'Activity log entries kept (default 5000)', positiveInt),
];

export function findConfigKey(name: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.key === name);
}
