import { z } from 'zod';

/**
 * Every setting the tool reads, as one zod schema: its shape is the typed `Settings` object the code reads
 * (`settings.products.priceList`), each field's metadata names its environment variable and whether it is a
 * secret, and its default lives here and nowhere else. Every layer (config file, environment, `--set` flags)
 * holds raw strings that this one schema parses, so `config set`, the environment and flags accept and reject
 * exactly the same values. See docs/decisions/typed-settings.md.
 */
export interface SettingMeta {
  env: string;
  description: string;
  secret?: boolean;
}

const text = z.string().trim().min(1);
/**
 * A URL or host given with `user:password@`: refused, not stripped. The value is stored in plain text, keyed
 * into state files and shown in messages, so the credentials in it would leak; they belong in the secret
 * settings, which are encrypted. The message never repeats the value.
 */
const urlWithoutCredentials = text.refine((value) => !hasUserinfo(value), {
  message:
    'it holds credentials (user:password@ before the host), which would be stored and shown in plain text; ' +
    'give the address without them and set the key, secret or token with `sentos-sync config set` (stored encrypted)',
});

export function hasUserinfo(value: string): boolean {
  const authority =
    value
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .split(/[/?#]/, 1)[0] ?? '';
  return authority.includes('@');
}
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], {
    error: 'expected true or false',
  })
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
const share = z.coerce.number({ error: 'expected a number from 0 to 1' }).min(0).max(1);
const positiveInt = z.coerce.number({ error: 'expected a whole number' }).int().positive();
const wholeNumber = z.coerce.number({ error: 'expected a whole number, 0 or more' }).int().min(0);
/** "1=Merkez Depo,DEPO=gid://shopify/Location/2": Sentos warehouse (id or name) → Shopify location (id or name). */
const pairs = z.string().transform((value, ctx) => {
  const out: Record<string, string> = {};
  for (const part of splitList(value)) {
    const at = part.indexOf('=');
    if (at <= 0 || at === part.length - 1) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not warehouse=location` });
      return z.NEVER;
    }
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
});
const list = z.string().transform(splitList);
/** "papara=KREDIKARTI/BANKAKARTI,elden=NAKIT": Shopify gateway phrase → Sentos payment method. */
const paymentPairs = z.string().transform((value, ctx) => {
  const out: Record<string, (typeof SENTOS_PAYMENT_METHOD_VALUES)[number]> = {};
  for (const part of splitList(value)) {
    const at = part.indexOf('=');
    const method = part.slice(at + 1).trim() as (typeof SENTOS_PAYMENT_METHOD_VALUES)[number];
    if (at <= 0 || !SENTOS_PAYMENT_METHOD_VALUES.includes(method)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${part}" is not gateway=method with a method among ${SENTOS_PAYMENT_METHOD_VALUES.join(', ')}`,
      });
      return z.NEVER;
    }
    out[part.slice(0, at).trim()] = method;
  }
  return out;
});

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A setting without a default: absent unless some layer sets it. */
function optional<T extends z.ZodType>(parse: T, env: string, description: string, secret = false) {
  return parse.optional().meta({ env, description, secret });
}

/** A setting with its default (the only place the default is written). */
function withDefault<T extends z.ZodType>(parse: T, fallback: z.output<T>, env: string, description: string) {
  return parse.default(fallback as never).meta({ env, description, secret: false });
}

export const SENTOS_PAYMENT_METHOD_VALUES = [
  'KREDIKARTI/BANKAKARTI',
  'EFT/HAVALE',
  'NAKIT',
  'KAPIDAODEME/NAKIT',
  'KAPIDAODEME/KREDIKARTI',
] as const;

export const settingsSchema = z.object({
  shopify: z.object({
    store: optional(urlWithoutCredentials, 'SHOPIFY_STORE', 'Shop domain (mystore.myshopify.com), handle or URL'),
    accessToken: optional(text, 'SHOPIFY_ACCESS_TOKEN', 'Admin API access token (legacy custom app)', true),
    clientId: optional(text, 'SHOPIFY_CLIENT_ID', 'App client id (client-credentials grant)'),
    clientSecret: optional(text, 'SHOPIFY_CLIENT_SECRET', 'App client secret (client-credentials grant)', true),
    webhookSecret: optional(
      text,
      'SHOPIFY_WEBHOOK_SECRET',
      'Webhook signing key when the shop uses a static token (else the client secret signs)',
      true,
    ),
    apiVersion: withDefault(
      z.string().regex(/^\d{4}-\d{2}$|^unstable$/, 'expected YYYY-MM'),
      '2026-10',
      'SHOPIFY_API_VERSION',
      'Admin API version',
    ),
    // The cost bucket paces requests; this only bounds overlap, and product writes overlap as many as the full bucket
    // pays for at once below it (docs/shopify-api.md#rate-limits-by-plan).
    maxInFlight: withDefault(
      positiveInt,
      256,
      'SENTOS_SYNC_SHOPIFY_MAX_IN_FLIGHT',
      'Shopify requests in flight at most (the cost bucket paces them and sizes product writes below this)',
    ),
  }),
  sentos: z.object({
    apiUrl: optional(urlWithoutCredentials, 'SENTOS_API_URL', 'Firm name, panel URL or API URL'),
    apiKey: optional(text, 'SENTOS_API_KEY', 'Sentos API key ("API Anahtar")', true),
    apiSecret: optional(text, 'SENTOS_API_SECRET', 'Sentos API secret ("API Şifre")', true),
    authMethod: withDefault(
      z.enum(['auto', 'basic', 'headers', 'bearer', 'token']),
      'auto',
      'SENTOS_AUTH_METHOD',
      'auto, basic, headers, bearer or token',
    ),
    // Sentos's documented limits: docs/sentos-api.md#rate-limits.
    postsPerMinute: withDefault(positiveInt, 12, 'SENTOS_SYNC_SENTOS_POSTS_PER_MINUTE', 'Sentos write limit'),
    sameGetPerMinute: withDefault(positiveInt, 2, 'SENTOS_SYNC_SENTOS_SAME_GET_PER_MINUTE', 'Sentos same-GET limit'),
  }),
  products: z.object({
    priceList: withDefault(
      text,
      'sale_price',
      'SENTOS_SYNC_PRICE_LIST',
      'sale_price, or a Sentos price list key such as b2c',
    ),
    newStatus: withDefault(
      z.enum(['ACTIVE', 'DRAFT']),
      'ACTIVE',
      'SENTOS_SYNC_NEW_PRODUCT_STATUS',
      'Status of new products once complete: ACTIVE or DRAFT',
    ),
    warehouseMap: withDefault(pairs, {}, 'SENTOS_SYNC_WAREHOUSE_MAP', 'warehouse=location pairs, comma-separated'),
    stock: withDefault(
      z.enum(['sync', 'off']),
      'sync',
      'SENTOS_SYNC_STOCK',
      'sync (Sentos stock to Shopify) or off (catalog only, no stock written)',
    ),
    notOwned: withDefault(list, [], 'SENTOS_SYNC_NOT_OWNED', 'Fields Sentos must not overwrite, comma-separated'),
    matchByBarcode: withDefault(
      bool,
      false,
      'SENTOS_SYNC_MATCH_BY_BARCODE',
      'Use the barcode when the SKU finds nothing',
    ),
    tagsFromCategory: withDefault(bool, false, 'SENTOS_SYNC_TAGS_FROM_CATEGORY', 'Tags from the Sentos category path'),
    allowVariantRemoval: withDefault(
      bool,
      false,
      'SENTOS_SYNC_ALLOW_VARIANT_REMOVAL',
      'Delete Shopify variants that Sentos no longer has',
    ),
    // Bulk imports run outside the cost bucket (docs/architecture.md#bulk-import); below this the per-call path is
    // quicker to finish than a file round trip, and above it only when the bucket would hold it up (bulkQuotaWait).
    bulkThreshold: withDefault(
      wholeNumber,
      250,
      'SENTOS_SYNC_BULK_THRESHOLD',
      'Product writes from which creates and updates may go as one bulk import (0: never)',
    ),
    // Per call is bound by the quota only beyond what the bucket holds: a Plus bucket pays for 1,000 products within
    // a few seconds, while a bulk operation's processing time is unknown (docs/architecture.md#bulk-import).
    bulkQuotaWait: withDefault(
      wholeNumber,
      30,
      'SENTOS_SYNC_BULK_QUOTA_WAIT',
      'Seconds one call per product may wait for the cost bucket before the writes go bulk (0: the count decides)',
    ),
    maxChangeShare: withDefault(
      share,
      0.5,
      'SENTOS_SYNC_MAX_CHANGE_SHARE',
      'Abort when more than this share of products would change',
    ),
    maxZeroStockShare: withDefault(
      share,
      0.3,
      'SENTOS_SYNC_MAX_ZERO_STOCK_SHARE',
      'Abort when more than this share of variants would go to zero',
    ),
  }),
  orders: z.object({
    orderCodeFrom: withDefault(
      z.enum(['name-without-hash', 'number', 'legacy-id']),
      'name-without-hash',
      'SENTOS_SYNC_ORDER_CODE_FROM',
      "order_code: the order name without '#', the name's number, or the numeric order id",
    ),
    paymentMap: withDefault(
      paymentPairs,
      {},
      'SENTOS_SYNC_ORDER_PAYMENT_MAP',
      'Extra gateway=method pairs, added to the built-in payment map',
    ),
    foreignCurrency: withDefault(
      z.enum(['shop-money', 'fail']),
      'shop-money',
      'SENTOS_SYNC_ORDER_FOREIGN_CURRENCY',
      'An order paid in another currency: send it (amounts in the money.source currency), or fail it',
    ),
    channelId: optional(positiveInt, 'SENTOS_SYNC_ORDER_CHANNEL_ID', 'Sentos sales channel id for pushed orders'),
    warehouseId: optional(positiveInt, 'SENTOS_SYNC_ORDER_WAREHOUSE_ID', 'Sentos warehouse id for order lines'),
    unknownSku: withDefault(
      z.enum(['fail', 'skip-line']),
      'fail',
      'SENTOS_SYNC_ORDER_UNKNOWN_SKU',
      'fail or skip-line',
    ),
    defaultPaymentMethod: withDefault(
      z.enum(SENTOS_PAYMENT_METHOD_VALUES),
      'KREDIKARTI/BANKAKARTI',
      'SENTOS_SYNC_ORDER_DEFAULT_PAYMENT',
      'Sentos payment method when the gateway is unknown',
    ),
    notifyCustomer: withDefault(
      bool,
      true,
      'SENTOS_SYNC_ORDER_NOTIFY_CUSTOMER',
      'Shopify e-mails the customer the tracking when an order shipped in Sentos is fulfilled',
    ),
  }),
  money: z.object({
    source: withDefault(
      z.enum(['shop', 'presentment']),
      'shop',
      'SENTOS_SYNC_MONEY_SOURCE',
      "Order amounts in the shop's currency (shop) or the one the customer paid in (presentment)",
    ),
  }),
  log: z.object({
    maxEntries: withDefault(positiveInt, 5000, 'SENTOS_SYNC_LOG_MAX_ENTRIES', 'Activity log entries kept'),
  }),
  serve: z.object({
    dashboardToken: optional(
      text,
      'SENTOS_SYNC_DASHBOARD_TOKEN',
      'Token for the serve dashboard and /metrics (required when serve listens beyond localhost)',
      true,
    ),
  }),
});

/** The typed, resolved settings of one run (frozen by the resolver). */
export type Settings = z.output<typeof settingsSchema>;
/** What each layer holds: raw strings keyed like the schema. */
export type RawSettings = Record<string, Record<string, string>>;
