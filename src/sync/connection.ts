import { CliError, ExitCode, errorMessage } from '../core/errors.js';
import type { SentosClient } from '../sentos/client.js';
import type { ShopifyClient } from '../shopify/client.js';

/** What a passing check found: Shopify's fields or Sentos's (status reads them back from the last test). */
export interface ConnectionDetails {
  shop?: string;
  domain?: string;
  currency?: string;
  apiVersion?: string;
  apiVersionSupported?: boolean;
  authMethod?: string;
  warehouses?: Array<{ id: string; name: string }>;
}

/** One API's answer to `test-connection`: what was found, or why it failed and what to do. */
export interface ConnectionResult {
  service: 'shopify' | 'sentos';
  ok: boolean;
  details: ConnectionDetails;
  error?: { message: string; hint?: string };
  exitCode: number;
}

/** Shop name, domain and currency, and whether the pinned API version is still served. */
export function checkShopify(client: () => ShopifyClient): Promise<ConnectionResult> {
  return attempt('shopify', async () => {
    const shopify = client();
    const shop = await shopify.getShop();
    const versions = await shopify.getPublicApiVersions();
    const pinned = versions.find((v) => v.handle === shopify.apiVersion);
    return {
      shop: shop.name,
      domain: shop.myshopifyDomain,
      currency: shop.currencyCode,
      apiVersion: shopify.apiVersion,
      apiVersionSupported: pinned?.supported ?? false,
    };
  });
}

/**
 * The auth method (detected afresh when the setting is `auto`) and the warehouses. `connect` builds the client
 * inside the check, so a configuration error is this API's failure; `detected` is called once the method is
 * known, so the caller can remember it for later runs.
 */
export function checkSentos(
  connect: () => { client: SentosClient; authSetting: string },
  detected: (client: SentosClient) => void,
): Promise<ConnectionResult> {
  return attempt('sentos', async () => {
    const { client: sentos, authSetting } = connect();
    const authMethod = authSetting === 'auto' ? await sentos.detectAuth() : authSetting;
    detected(sentos);
    const warehouses = await sentos.listWarehouses();
    return { authMethod, warehouses: warehouses.map((w) => ({ id: w.id, name: w.name })) };
  });
}

async function attempt(
  service: ConnectionResult['service'],
  body: () => Promise<ConnectionDetails>,
): Promise<ConnectionResult> {
  try {
    return { service, ok: true, details: await body(), exitCode: ExitCode.ok };
  } catch (error) {
    const hint = error instanceof CliError ? error.hint : undefined;
    return {
      service,
      ok: false,
      details: {},
      error: { message: errorMessage(error), hint },
      exitCode: error instanceof CliError ? error.exitCode : ExitCode.failure,
    };
  }
}
