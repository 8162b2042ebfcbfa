import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { normalizeShopifyStore } from './store-url.js';

describe('normalizeShopifyStore', () => {
  it.each([
    ['mystore', 'https://mystore.myshopify.com', 'mystore.myshopify.com'],
    ['  MyStore ', 'https://mystore.myshopify.com', 'mystore.myshopify.com'],
    ['mystore.myshopify.com', 'https://mystore.myshopify.com', 'mystore.myshopify.com'],
    ['mystore.myshopify.com/admin', 'https://mystore.myshopify.com', 'mystore.myshopify.com'],
    ['https://mystore.myshopify.com/admin/products?x=1', 'https://mystore.myshopify.com', 'mystore.myshopify.com'],
    ['https://admin.shopify.com/store/my-store/products', 'https://my-store.myshopify.com', 'my-store.myshopify.com'],
    ['http://127.0.0.1:4567', 'http://127.0.0.1:4567', '127.0.0.1:4567'],
    ['http://127.0.0.1:4567/', 'http://127.0.0.1:4567', '127.0.0.1:4567'],
    ['http://127.0.0.1:4567/shopify/admin/api/2026-10/graphql.json', 'http://127.0.0.1:4567/shopify', '127.0.0.1:4567'],
    ['127.0.0.1:4567', 'http://127.0.0.1:4567', '127.0.0.1:4567'],
    ['http://localhost:3000', 'http://localhost:3000', 'localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000', '[::1]:3000'],
    ['https://localhost:8443', 'https://localhost:8443', 'localhost:8443'],
  ])('%s → %s', (input, baseUrl, domain) => {
    expect(normalizeShopifyStore(input)).toEqual({ baseUrl, domain });
  });

  it.each([
    ['', /not set/],
    ['http://mystore.myshopify.com', /plain http/],
    ['http://10.0.0.5:8080', /plain http/],
    ['https://shop.example.com', /not a \.myshopify\.com/],
    ['my store', /not a Shopify store name/],
  ])('refuses %j with a ConfigError naming SHOPIFY_STORE', (input, message) => {
    let caught: unknown;
    try {
      normalizeShopifyStore(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toMatch(message);
    expect((caught as ConfigError).hint).toContain('SHOPIFY_STORE');
  });
});
