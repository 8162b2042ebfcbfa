import { ConfigError, UsageError } from '../core/errors.js';
import type { SentosAuthMethod } from '../sentos/types.js';
import type { ShopifyAuth } from '../shopify/types.js';
import { CONFIG_KEYS, type ConfigKey } from './keys.js';
import type { StoredValues } from './store.js';

/** Precedence: defaults < config file < environment < flags (design.md house style; one pure function). */
export type Source = 'default' | 'file' | 'env' | 'flag';

export interface ResolvedConfig {
  values: Record<string, unknown>;
  sources: Record<string, Source>;
  /** Stored secrets that failed to decrypt and were not overridden. */
  storedErrors: Map<string, ConfigError>;
}

export const DEFAULTS: Record<string, unknown> = {
  'shopify.apiVersion': '2026-10',
  'sentos.authMethod': 'auto',
  'sentos.postsPerMinute': 12, // sentos-api.md §5 [V: MSO citing docs v1.5]
  'sentos.sameGetPerMinute': 2, // sentos-api.md §5 [V: MSO citing docs v1.5]
  'products.priceList': 'sale_price',
  'products.newStatus': 'ACTIVE',
  'log.maxEntries': 5000,
};

export function resolveConfig(input: {
  stored: StoredValues;
  env: Record<string, string | undefined>;
  flags?: Record<string, unknown>;
}): ResolvedConfig {
  const values: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  const storedErrors = new Map<string, ConfigError>();
  for (const key of CONFIG_KEYS) {
    const layers: Array<[Source, unknown]> = [
      ['default', DEFAULTS[key.key]],
      ['file', input.stored.values[key.key]],
      ['env', parseEnv(key, input.env[key.env])],
      ['flag', input.flags?.[key.key]],
    ];
    for (const [source, value] of layers) {
      if (value === undefined || value === '') continue;
      values[key.key] = value;
      sources[key.key] = source;
    }
    const storedError = input.stored.errors.get(key.key);
    if (storedError && (sources[key.key] === undefined || sources[key.key] === 'default'))
      storedErrors.set(key.key, storedError);
  }
  return { values, sources, storedErrors };
}

function parseEnv(key: ConfigKey, raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = key.parse.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`Invalid ${key.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}.`, {
      hint: key.description,
    });
  }
  return parsed.data;
}

export interface SentosConnection {
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  authMethod: SentosAuthMethod | 'auto';
}

export interface ShopifyConnection {
  store: string;
  auth: ShopifyAuth;
  apiVersion: string;
}

export function sentosConnection(config: ResolvedConfig): SentosConnection {
  const apiUrl = str(config, 'sentos.apiUrl');
  const apiKey = str(config, 'sentos.apiKey');
  const apiSecret = str(config, 'sentos.apiSecret');
  throwMissing('Sentos', config, [
    ['sentos.apiUrl', 'SENTOS_API_URL', apiUrl],
    ['sentos.apiKey', 'SENTOS_API_KEY', apiKey],
    ['sentos.apiSecret', 'SENTOS_API_SECRET', apiSecret],
  ]);
  return {
    apiUrl: apiUrl!,
    apiKey: apiKey!,
    apiSecret: apiSecret!,
    authMethod: (config.values['sentos.authMethod'] as SentosConnection['authMethod']) ?? 'auto',
  };
}

export function shopifyConnection(config: ResolvedConfig): ShopifyConnection {
  const store = str(config, 'shopify.store');
  const accessToken = str(config, 'shopify.accessToken');
  const clientId = str(config, 'shopify.clientId');
  const clientSecret = str(config, 'shopify.clientSecret');
  const apiVersion = str(config, 'shopify.apiVersion') ?? '2026-10';
  if (accessToken) {
    throwMissing('Shopify', config, [['shopify.store', 'SHOPIFY_STORE', store]]);
    return { store: store!, auth: { type: 'token', accessToken }, apiVersion };
  }
  throwMissing('Shopify', config, [
    ['shopify.store', 'SHOPIFY_STORE', store],
    [
      'shopify.accessToken',
      'SHOPIFY_ACCESS_TOKEN (or SHOPIFY_CLIENT_ID + SHOPIFY_CLIENT_SECRET)',
      clientId && clientSecret ? 'set' : undefined,
    ],
  ]);
  return {
    store: store!,
    auth: { type: 'client-credentials', clientId: clientId!, clientSecret: clientSecret! },
    apiVersion,
  };
}

function str(config: ResolvedConfig, key: string): string | undefined {
  const value = config.values[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function throwMissing(
  service: string,
  config: ResolvedConfig,
  required: Array<[string, string, string | undefined]>,
): void {
  for (const [key] of required) {
    const error = config.storedErrors.get(key);
    if (error) throw error;
  }
  const missing = required.filter(([, , value]) => value === undefined);
  if (missing.length === 0) return;
  const names = missing.map(([, env]) => env).join(', ');
  const first = missing[0]![0];
  throw new ConfigError(`${service} is not configured: missing ${names}.`, {
    hint: `Set the environment variable(s), or run \`sentos-sync config set ${first}\`. Try \`sentos-sync demo\` to see it work on the sandbox.`,
  });
}
