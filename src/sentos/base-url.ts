import { ConfigError } from '../core/errors.js';
import { isLoopback } from '../core/http/loopback.js';

/**
 * Turns what a user types (a firm name, a panel URL, the panel's "API Url") into the API base URL. Tenants live at
 * `https://<firm>.sentos.com.tr/api` (docs/sentos-api.md#base-url-auth-and-transport [V: SAL, MSO, LSC, ERPD, SFB]);
 * ERPD and SFB accept a bare subdomain or any panel URL and append `/api` the same way [V: ERPD, SFB].
 */
const SENTOS_DOMAIN = 'sentos.com.tr';
const FIRM_NAME = /^[a-z0-9][a-z0-9-]*$/i;
const HINT =
  'Set SENTOS_API_URL (or `sentos-sync config set sentos.apiUrl`) to your firm name, e.g. "firma", or to ' +
  'https://firma.sentos.com.tr/api.';

export function normalizeSentosBaseUrl(input: string): string {
  const text = input.trim();
  if (text === '') throw new ConfigError('The Sentos API URL is empty.', { hint: HINT });
  if (FIRM_NAME.test(text)) return tenantUrl(text.toLowerCase());
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`, input);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigError(
      `Refusing plain http for the Sentos API URL "${url.host}": the API key would travel unencrypted.`,
      {
        hint: `Use https in SENTOS_API_URL. ${HINT}`,
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`The Sentos API URL must use https, not "${url.protocol}".`, { hint: HINT });
  }
  if (url.protocol === 'https:' && isTenantHost(url.hostname))
    return tenantUrl(url.hostname.slice(0, -SENTOS_DOMAIN.length - 1));
  // Anything else (a proxy, the loopback sandbox) is kept as given; only a missing path gets the usual /api.
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/api' : path}`;
}

function tenantUrl(firm: string): string {
  return `https://${firm}.${SENTOS_DOMAIN}/api`;
}

function isTenantHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!host.endsWith(`.${SENTOS_DOMAIN}`)) return false;
  return FIRM_NAME.test(host.slice(0, -SENTOS_DOMAIN.length - 1));
}

function parseUrl(text: string, original: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigError(`"${original}" is not a valid Sentos API URL.`, { hint: HINT });
  }
}

export { isLoopback };
