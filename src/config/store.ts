import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { ConfigError, UsageError, errorMessage } from '../core/errors.js';
import { damagedFile, ensureDir, localFileError } from '../core/local-files.js';
import { decryptSecret, encryptSecret, isEncrypted, type KeySource } from './crypto.js';
import { CONFIG_KEYS, findConfigKey, type ConfigKey } from './keys.js';
import type { ToolPaths } from './paths.js';

export interface StoredValues {
  /** Raw strings by key, as `config set` validated them (parsed again by the settings schema on every run). */
  values: Record<string, string>;
  /** Secrets that could not be decrypted; only fatal if nothing else (env, flag) provides them. */
  errors: Map<string, ConfigError>;
}

export interface ConfigEntry {
  key: string;
  value: string;
  secret: boolean;
  env: string;
  description: string;
}

/** A typed wrapper over conf: validation, AES for secrets, permission errors as ConfigError. */
export class ConfigStore {
  private readonly conf: Conf<Record<string, unknown>>;
  private readonly paths: ToolPaths;
  private readonly passphrase: string | undefined;

  constructor(paths: ToolPaths, passphrase: string | undefined) {
    this.paths = paths;
    this.passphrase = passphrase || undefined;
    this.conf = guard(path.join(paths.profileDir, `${paths.configName}.json`), () => {
      ensureDir(paths.profileDir);
      return new Conf<Record<string, unknown>>({
        cwd: paths.profileDir,
        configName: paths.configName,
        accessPropertiesByDotNotation: false,
        configFileMode: 0o600,
        projectName: 'sentos-sync',
      });
    });
  }

  get path(): string {
    return this.conf.path;
  }

  set(name: string, raw: string): void {
    const key = requireKey(name);
    const parsed = key.parse.safeParse(raw);
    if (!parsed.success) {
      throw new UsageError(`Invalid value for ${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}.`, {
        hint: key.description,
      });
    }
    // Text is stored (canonical, encrypted for secrets): every run parses it with the same schema as env and flags.
    const text = displayValue(parsed.data);
    const value = key.secret ? encryptSecret(text, this.keySource(true), key.key) : text;
    guard(this.conf.path, () => this.conf.set(key.key, value));
  }

  unset(name: string): void {
    const key = requireKey(name);
    guard(this.conf.path, () => this.conf.delete(key.key));
  }

  /** The plain value (decrypted for secrets), or undefined. Throws ConfigError when a secret cannot be decrypted. */
  get(name: string): unknown {
    const key = requireKey(name);
    const stored = this.conf.get(key.key);
    if (stored === undefined) return undefined;
    return key.secret ? this.decrypt(key, stored) : stored;
  }

  readAll(): StoredValues {
    const values: Record<string, string> = {};
    const errors = new Map<string, ConfigError>();
    for (const key of CONFIG_KEYS) {
      try {
        const value = this.get(key.key);
        // Files written by 0.1 hold parsed values (objects, booleans): read them back as the text they came from.
        if (value !== undefined) values[key.key] = displayValue(value);
      } catch (error) {
        if (error instanceof ConfigError) errors.set(key.key, error);
        else throw error;
      }
    }
    return { values, errors };
  }

  /** Every key that has a stored value; secrets masked (never decrypted for display). */
  list(): ConfigEntry[] {
    return CONFIG_KEYS.filter((key) => this.conf.has(key.key)).map((key) => ({
      key: key.key,
      value: key.secret ? maskSecret() : displayValue(this.conf.get(key.key)),
      secret: key.secret,
      env: key.env,
      description: key.description,
    }));
  }

  private decrypt(key: ConfigKey, stored: unknown): string {
    if (!isEncrypted(stored)) {
      throw new ConfigError(`The stored value of ${key.key} is not encrypted.`, {
        hint: `Set it again with \`sentos-sync config set ${key.key}\`.`,
      });
    }
    if (stored.startsWith('enc:v1:p:') && !this.passphrase) {
      throw new ConfigError(
        `Cannot decrypt the stored value of ${key.key}: it was encrypted with SENTOS_SYNC_PASSPHRASE, which is ` +
          `not set now.`,
        {
          hint: 'Set SENTOS_SYNC_PASSPHRASE to the passphrase used when it was stored. Nothing was deleted.',
        },
      );
    }
    return decryptSecret(stored, () => this.keySource(false), key.key);
  }

  private keySource(create: boolean): KeySource {
    if (this.passphrase) return { mode: 'passphrase', passphrase: this.passphrase };
    return { mode: 'key-file', key: readOrCreateKey(this.paths.keyFile, create) };
  }
}

function readOrCreateKey(file: string, create: boolean): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length !== 32)
      throw new ConfigError(`The key file ${file} is damaged (expected 32 bytes).`, {
        hint: 'Restore it from a backup, or delete it and set every secret again.',
      });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw error instanceof ConfigError
        ? error
        : new ConfigError(`Cannot read the key file ${file}: ${errorMessage(error)}`);
    if (!create)
      throw new ConfigError(`The key file ${file} is missing, so stored secrets cannot be decrypted.`, {
        hint: 'Restore it, or set the secrets again with `sentos-sync config set`.',
      });
    const key = randomBytes(32);
    ensureDir(path.dirname(file));
    // 'wx': never overwrite a key another process just created; 0600: readable by this user only.
    guard(file, () => fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' }));
    return key;
  }
}

function requireKey(name: string): ConfigKey {
  const key = findConfigKey(name);
  if (!key)
    throw new UsageError(`Unknown config key "${name}".`, {
      hint: `Known keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`,
    });
  return key;
}

export function maskSecret(): string {
  return '•••••••• (encrypted)';
}

export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(',');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
  return String(value);
}

/** conf reads the file in its constructor: a truncated or hand-broken config.json is named, not a crash. */
function guard<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SyntaxError) throw damagedFile(file, 'it is not valid JSON; it may have been cut short');
    throw localFileError(error, file);
  }
}
