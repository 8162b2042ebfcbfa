/**
 * Turns what a user types for the store into the Admin API origin. Accepted: "mystore",
 * "mystore.myshopify.com", any https URL on that host (a pasted admin link), the admin.shopify.com/store/…
 * link, and loopback http(s) URLs (the sandbox), which are kept as given. Plain http elsewhere is refused:
 * the token would travel in clear text.
 */
import { ConfigError } from '../core/errors.js';
import { isLoopback } from '../core/http/loopback.js';

export interface ShopifyStore {
  /** e.g. https://mystore.myshopify.com, or http://127.0.0.1:PORT for the sandbox. */
  baseUrl: string;
  /** e.g. mystore.myshopify.com, or 127.0.0.1:PORT. */
  domain: string;
}

const HINT = 'Set SHOPIFY_STORE (or --store) to the store name ("mystore") or its mystore.myshopify.com domain.';
const STORE_NAME = /^[a-z0-9][a-z0-9-]*$/i;
const MYSHOPIFY = /^([a-z0-9][a-z0-9-]*)\.myshopify\.com$/i;

export function normalizeShopifyStore(input: string): ShopifyStore {
  const text = input.trim();
  if (text === '') throw new ConfigError('The Shopify store is not set.', { hint: HINT });
  if (STORE_NAME.test(text)) return myshopify(text);
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${defaultScheme(text)}://${text}`, input);
  if (isLoopback(url.hostname)) return loopback(url);
  if (url.protocol !== 'https:') {
    throw new ConfigError(
      `Refusing plain ${url.protocol.replace(':', '')} for the Shopify store "${url.host}": the access token ` +
        `would travel unencrypted.`,
      {
        hint: `${HINT} Use https://.`,
      },
    );
  }
  const adminLink = /^\/store\/([a-z0-9][a-z0-9-]*)/i.exec(url.pathname);
  if (url.hostname.toLowerCase() === 'admin.shopify.com' && adminLink?.[1]) return myshopify(adminLink[1]);
  const match = MYSHOPIFY.exec(url.hostname);
  if (!match?.[1] || url.port !== '') {
    throw new ConfigError(`"${input.trim()}" is not a .myshopify.com store domain.`, {
      hint: `${HINT} The Admin API answers only on the .myshopify.com domain, not on the storefront's own domain.`,
    });
  }
  return myshopify(match[1]);
}

function myshopify(name: string): ShopifyStore {
  const domain = `${name.toLowerCase()}.myshopify.com`;
  return { baseUrl: `https://${domain}`, domain };
}

/** The sandbox may live under a path prefix: keep it, minus a pasted /admin… tail and trailing slashes. */
function loopback(url: URL): ShopifyStore {
  const path = url.pathname.replace(/\/admin(\/.*)?$/, '').replace(/\/+$/, '');
  return { baseUrl: `${url.protocol}//${url.host}${path}`, domain: url.host };
}

function parseUrl(text: string, input: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(`"${input.trim()}" is not a Shopify store name or URL.`, { hint: HINT });
  }
}

/** Without a scheme, loopback hosts (the sandbox) speak http; everything else https. */
function defaultScheme(text: string): 'http' | 'https' {
  const host = /^(\[[^\]]+\]|[^:/]+)/.exec(text)?.[1] ?? '';
  return isLoopback(host) ? 'http' : 'https';
}

export { isLoopback };
