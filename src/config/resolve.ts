import { type CliError, ConfigError, UsageError } from '../core/errors.js';
import type { SentosAuthMethod } from '../sentos/types.js';
import type { ShopifyAuth } from '../shopify/types.js';
import { CONFIG_KEYS, type ConfigKey } from './keys.js';
import { settingsSchema, type Settings } from './schema.js';
import type { StoredValues } from './store.js';

/** Precedence: defaults < config file < environment < flags (one pure function, one schema). */
export type Source = 'default' | 'file' | 'env' | 'flag';

export interface ResolvedConfig {
  /** The typed, frozen settings of this run: what the code reads. */
  settings: Settings;
  /** The same values flat by key, for display only (`status`, `config`): never read a setting from here. */
  values: Readonly<Record<string, unknown>>;
  sources: Readonly<Record<string, Source>>;
  /** Stored secrets that failed to decrypt and were not overridden. */
  storedErrors: Map<string, ConfigError>;
  /** Lenient resolution only (`status`): bad values by key, each left out so the rest still shows. */
  invalid: Map<string, CliError>;
}

export function resolveConfig(input: {
  stored: StoredValues;
  env: Record<string, string | undefined>;
  /** `--set key=value` pairs, by key. */
  flags?: Record<string, string>;
  /** Collect bad values in `invalid` instead of throwing (for `status`, which must show everything else). */
  lenient?: boolean;
}): ResolvedConfig {
  const invalid = new Map<string, CliError>();
  const raw: Record<string, Record<string, string>> = {};
  const sources: Record<string, Source> = {};
  const storedErrors = new Map<string, ConfigError>();
  for (const key of CONFIG_KEYS) {
    const layers: Array<[Source, string | undefined]> = [
      ['file', input.stored.values[key.key]],
      ['env', input.env[key.env]],
      ['flag', input.flags?.[key.key]],
    ];
    sources[key.key] = 'default';
    for (const [source, value] of layers) {
      if (value === undefined || value.trim() === '') continue;
      const problem = checkLayer(key, source, value);
      if (problem && !input.lenient) throw problem;
      if (problem) {
        invalid.set(key.key, problem);
        continue;
      }
      (raw[key.group] ??= {})[key.name] = value;
      sources[key.key] = source;
    }
    if (key.fallback === undefined && sources[key.key] === 'default') delete sources[key.key];
    const storedError = input.stored.errors.get(key.key);
    if (storedError && (sources[key.key] === undefined || sources[key.key] === 'default'))
      storedErrors.set(key.key, storedError);
  }
  for (const group of Object.keys(settingsSchema.shape)) raw[group] ??= {};
  const settings = deepFreeze(settingsSchema.parse(raw));
  const values: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = (settings as unknown as Record<string, Record<string, unknown>>)[key.group]?.[key.name];
    if (value !== undefined) values[key.key] = value;
  }
  return { settings, values: Object.freeze(values), sources: Object.freeze(sources), storedErrors, invalid };
}

/** Each layer is checked on its own, so the error names where the bad value came from. */
function checkLayer(key: ConfigKey, source: Source, value: string): CliError | undefined {
  const parsed = key.parse.safeParse(value);
  if (parsed.success) return undefined;
  const why = parsed.error.issues.map((i) => i.message).join('; ');
  if (source === 'env')
    return new UsageError(`Invalid ${key.env}: ${why}.`, { hint: `${key.env}: ${key.description}.` });
  if (source === 'flag')
    return new UsageError(`Invalid --set ${key.key}: ${why}.`, { hint: `${key.key}: ${key.description}.` });
  return new ConfigError(`The stored value of ${key.key} is invalid: ${why}.`, {
    hint:
      `Set it again with \`sentos-sync config set ${key.key} VALUE\`, or remove it with \`sentos-sync ` +
      `config unset ${key.key}\`.`,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
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
  const { apiUrl, apiKey, apiSecret, authMethod } = config.settings.sentos;
  throwMissing('Sentos', config, [
    ['sentos.apiUrl', 'SENTOS_API_URL', apiUrl],
    ['sentos.apiKey', 'SENTOS_API_KEY', apiKey],
    ['sentos.apiSecret', 'SENTOS_API_SECRET', apiSecret],
  ]);
  return {
    apiUrl: apiUrl!,
    apiKey: apiKey!,
    apiSecret: apiSecret!,
    authMethod,
  };
}

export function shopifyConnection(config: ResolvedConfig): ShopifyConnection {
  const { store, accessToken, clientId, clientSecret, apiVersion } = config.settings.shopify;
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
    hint:
      `Set the environment variable(s), or run \`sentos-sync config set ${first}\`. Try \`sentos-sync ` +
      `demo\` to see it work on the sandbox.`,
  });
}
