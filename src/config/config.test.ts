import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { decryptSecret, encryptSecret } from './crypto.js';
import { resolvePaths } from './paths.js';
import { resolveConfig, sentosConnection, shopifyConnection } from './resolve.js';
import { ConfigStore } from './store.js';

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-config-'));
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const storeFor = (passphrase?: string, profile?: string) =>
  new ConfigStore(resolvePaths({ SENTOS_SYNC_HOME: home }, profile), passphrase);

describe('ConfigStore encryption', () => {
  it('never writes a secret in plain text, and the key lives in its own 0600 file', () => {
    const store = storeFor();
    store.set('sentos.apiSecret', 'çok-gizli-şifre-123');
    store.set('sentos.apiUrl', 'demo');
    const file = fs.readFileSync(store.path, 'utf8');
    expect(file).not.toContain('çok-gizli-şifre-123');
    expect(file).toContain('enc:v1:k:');
    expect(store.get('sentos.apiSecret')).toBe('çok-gizli-şifre-123');
    const keyFile = path.join(home, 'secret.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(path.dirname(keyFile)).not.toBe(path.join(store.path, '..', 'nothing'));
    expect(fs.readFileSync(keyFile).length).toBe(32);
  });

  it('uses scrypt from the passphrase when set, and then needs no key file', () => {
    const store = storeFor('correct horse battery staple');
    store.set('shopify.accessToken', 'shpat_abcdef123456');
    expect(fs.existsSync(path.join(home, 'secret.key'))).toBe(false);
    expect(fs.readFileSync(store.path, 'utf8')).toContain('enc:v1:p:');
    expect(storeFor('correct horse battery staple').get('shopify.accessToken')).toBe('shpat_abcdef123456');
    expect(() => storeFor('wrong passphrase').get('shopify.accessToken')).toThrow(
      /Cannot decrypt the stored value of shopify.accessToken/,
    );
    expect(() => storeFor().get('shopify.accessToken')).toThrow(/SENTOS_SYNC_PASSPHRASE/);
  });

  it('detects a tampered value, names the key, and deletes nothing', () => {
    const store = storeFor();
    store.set('sentos.apiKey', 'key-1234567');
    const raw = JSON.parse(fs.readFileSync(store.path, 'utf8')) as Record<string, string>;
    const value = raw['sentos.apiKey']!;
    const parts = value.split(':');
    const data = Buffer.from(parts[6]!, 'base64');
    data[0] = (data[0] ?? 0) ^ 0xff;
    parts[6] = data.toString('base64');
    raw['sentos.apiKey'] = parts.join(':');
    fs.writeFileSync(store.path, JSON.stringify(raw));
    const error = (() => {
      try {
        storeFor().get('sentos.apiKey');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('sentos.apiKey');
    expect((error as ConfigError).hint).toContain('Nothing was deleted');
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))['sentos.apiKey']).toBe(raw['sentos.apiKey']);
  });

  it('binds a ciphertext to its key name: moving it to another key fails', () => {
    const source = { mode: 'key-file' as const, key: Buffer.alloc(32, 7) };
    const stored = encryptSecret('value', source, 'sentos.apiKey');
    expect(decryptSecret(stored, source, 'sentos.apiKey')).toBe('value');
    expect(() => decryptSecret(stored, source, 'sentos.apiSecret')).toThrow(ConfigError);
  });

  it('masks secrets in list() and keeps profiles apart', () => {
    const store = storeFor();
    store.set('sentos.apiSecret', 'hidden-value-1');
    store.set('products.warehouseMap', '1=Merkez Depo, DEPO=gid://shopify/Location/2');
    const listed = store.list();
    expect(JSON.stringify(listed)).not.toContain('hidden-value-1');
    expect(listed.find((e) => e.key === 'products.warehouseMap')?.value).toBe(
      '1=Merkez Depo,DEPO=gid://shopify/Location/2',
    );
    expect(storeFor(undefined, 'magaza2').get('sentos.apiSecret')).toBeUndefined();
  });

  it('rejects unknown keys and invalid values with a hint', () => {
    const store = storeFor();
    expect(() => store.set('sentos.nope', 'x')).toThrow(/Unknown config key/);
    expect(() => store.set('sentos.authMethod', 'oauth')).toThrow(/Invalid value for sentos.authMethod/);
  });
});

describe('resolveConfig', () => {
  const stored = {
    values: {
      'sentos.apiUrl': 'file-firm',
      'sentos.apiKey': 'file-key',
      'sentos.apiSecret': 'file-secret',
      'products.priceList': 'b2c',
    },
    errors: new Map(),
  };

  it('layers defaults < file < env < flags', () => {
    const config = resolveConfig({
      stored,
      env: { SENTOS_API_URL: 'env-firm', SENTOS_SYNC_PRICE_LIST: 'trendyol' },
      flags: { 'products.priceList': 'n11' },
    });
    expect(config.settings.sentos.apiUrl).toBe('env-firm');
    expect(config.sources['sentos.apiUrl']).toBe('env');
    expect(config.settings.sentos.apiKey).toBe('file-key');
    expect(config.settings.products.priceList).toBe('n11');
    expect(config.sources['products.priceList']).toBe('flag');
    expect(config.settings.shopify.apiVersion).toBe('2026-10');
    expect(config.sources['shopify.apiVersion']).toBe('default');
  });

  it('parses every layer with the same schema into typed, frozen settings', () => {
    const config = resolveConfig({
      stored: {
        values: { 'products.warehouseMap': 'MERKEZ=Merkez Depo', 'products.maxChangeShare': '0.8' },
        errors: new Map(),
      },
      env: { SENTOS_SYNC_MATCH_BY_BARCODE: 'yes' },
      flags: { 'products.notOwned': 'images, stock' },
    });
    expect(config.settings.products.warehouseMap).toEqual({ MERKEZ: 'Merkez Depo' });
    expect(config.settings.products.maxChangeShare).toBe(0.8);
    expect(config.settings.products.matchByBarcode).toBe(true);
    expect(config.settings.products.notOwned).toEqual(['images', 'stock']);
    expect(config.settings.log.maxEntries).toBe(5000);
    expect(Object.isFrozen(config.settings.products)).toBe(true);
    expect(Object.isFrozen(config.settings.products.warehouseMap)).toBe(true);
  });

  it('names the layer a bad value came from: the stored key, the variable or the flag', () => {
    const none = { values: {}, errors: new Map() };
    expect(() =>
      resolveConfig({ stored: { values: { 'products.maxChangeShare': 'lots' }, errors: new Map() }, env: {} }),
    ).toThrow(/stored value of products\.maxChangeShare/);
    expect(() => resolveConfig({ stored: none, env: { SENTOS_SYNC_LOG_MAX_ENTRIES: '-3' } })).toThrow(
      /SENTOS_SYNC_LOG_MAX_ENTRIES/,
    );
    expect(() => resolveConfig({ stored: none, env: {}, flags: { 'products.newStatus': 'LIVE' } })).toThrow(
      /--set products\.newStatus/,
    );
  });

  it('lets an env variable stand in for a secret that cannot be decrypted', () => {
    const broken = {
      values: {},
      errors: new Map([['sentos.apiSecret', new ConfigError('Cannot decrypt the stored value of sentos.apiSecret')]]),
    };
    const withEnv = resolveConfig({
      stored: broken,
      env: { SENTOS_API_URL: 'firm', SENTOS_API_KEY: 'k-123', SENTOS_API_SECRET: 's-123' },
    });
    expect(sentosConnection(withEnv).apiSecret).toBe('s-123');
    const withoutEnv = resolveConfig({ stored: broken, env: { SENTOS_API_URL: 'firm', SENTOS_API_KEY: 'k-123' } });
    expect(() => sentosConnection(withoutEnv)).toThrow(/Cannot decrypt/);
  });

  it('names every missing variable', () => {
    const config = resolveConfig({ stored: { values: {}, errors: new Map() }, env: { SENTOS_API_URL: 'firm' } });
    expect(() => sentosConnection(config)).toThrow(
      'Sentos is not configured: missing SENTOS_API_KEY, SENTOS_API_SECRET.',
    );
    expect(() => shopifyConnection(config)).toThrow(/SHOPIFY_STORE/);
  });

  it('picks the Shopify auth: token first, else client credentials', () => {
    const token = resolveConfig({
      stored: { values: {}, errors: new Map() },
      env: { SHOPIFY_STORE: 's', SHOPIFY_ACCESS_TOKEN: 'shpat_1', SHOPIFY_CLIENT_ID: 'id' },
    });
    expect(shopifyConnection(token).auth).toEqual({ type: 'token', accessToken: 'shpat_1' });
    const cc = resolveConfig({
      stored: { values: {}, errors: new Map() },
      env: { SHOPIFY_STORE: 's', SHOPIFY_CLIENT_ID: 'id', SHOPIFY_CLIENT_SECRET: 'sec' },
    });
    expect(shopifyConnection(cc).auth).toEqual({ type: 'client-credentials', clientId: 'id', clientSecret: 'sec' });
  });

  it('rejects an invalid environment value, naming the variable', () => {
    expect(() =>
      resolveConfig({ stored: { values: {}, errors: new Map() }, env: { SENTOS_AUTH_METHOD: 'magic' } }),
    ).toThrow(/SENTOS_AUTH_METHOD/);
  });
});
