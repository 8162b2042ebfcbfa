import type { z } from 'zod';
import { settingsSchema, type SettingMeta } from './schema.js';

/**
 * The flat view of the settings schema: one entry per `group.name` key, as `config set`, `config --help`,
 * `status`, `.env.example` and the README table show them. Derived, never written by hand.
 */
export interface ConfigKey {
  /** "products.priceList" */
  key: string;
  group: string;
  name: string;
  env: string;
  secret: boolean;
  description: string;
  /** Parses one raw string (what `config set`, an env variable or `--set` gives). */
  parse: z.ZodType<unknown>;
  /** The default, or undefined when the setting is unset unless configured. */
  fallback: unknown;
}

interface Wrapped {
  unwrap(): z.ZodType<unknown>;
  meta(): unknown;
  safeParse(value: undefined): { success: boolean; data?: unknown };
}

function flatten(): ConfigKey[] {
  const keys: ConfigKey[] = [];
  for (const [group, object] of Object.entries(settingsSchema.shape)) {
    for (const [name, field] of Object.entries(object.shape as Record<string, Wrapped>)) {
      const meta = field.meta() as SettingMeta;
      const fallback = field.safeParse(undefined);
      keys.push({
        key: `${group}.${name}`,
        group,
        name,
        env: meta.env,
        secret: meta.secret === true,
        description: meta.description,
        parse: field.unwrap(),
        fallback: fallback.success ? fallback.data : undefined,
      });
    }
  }
  return keys;
}

export const CONFIG_KEYS: readonly ConfigKey[] = Object.freeze(flatten());

export function findConfigKey(name: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.key === name);
}

/** "7 (default 12)"-style help: the key list that `config --help` and the README table show. */
export function describeDefault(key: ConfigKey): string {
  if (key.fallback === undefined) return '';
  if (Array.isArray(key.fallback)) return key.fallback.join(',');
  if (key.fallback && typeof key.fallback === 'object')
    return Object.entries(key.fallback)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
  const value = key.fallback;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
