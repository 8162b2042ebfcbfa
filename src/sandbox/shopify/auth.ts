import { createRandom, type Random } from '../seed/random.js';

/**
 * Shopify auth (docs/shopify-api.md#transport-auth-and-envelope): a static Admin API token (legacy custom app) or
 * tokens from the client-credentials grant, which expire after 24 h. Every GraphQL call carries X-Shopify-Access-Token.
 */
export const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

/** Scopes the sandbox app is "installed" with (docs/shopify-api.md#pitfalls): what a catalog + orders sync needs. */
export const GRANTED_SCOPES = [
  'read_products',
  'write_products',
  'read_inventory',
  'write_inventory',
  'read_locations',
  'read_orders',
  'read_all_orders',
  'read_customers',
].join(',');

export interface AuthConfig {
  accessToken: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  seed: number;
}

export interface OAuthResponse {
  status: number;
  body: Record<string, unknown>;
}

export class TokenStore {
  private readonly issued = new Map<string, number>();
  private readonly random: Random;

  constructor(
    private readonly config: AuthConfig,
    private readonly clock: () => number,
  ) {
    this.random = createRandom(config.seed ^ 0x70c3);
  }

  isValid(token: string | undefined): boolean {
    if (!token) return false;
    if (token === this.config.accessToken) return true;
    const expiresAt = this.issued.get(token);
    return expiresAt !== undefined && expiresAt > this.clock();
  }

  /**
   * POST /admin/oauth/access_token with grant_type=client_credentials. Wrong client → 401 invalid_client
   * (RFC 6749 §5.2); a missing field or another grant → 400. The `expires_in` name is inferred
   * (docs/shopify-api.md#transport-auth-and-envelope).
   */
  exchange(params: Record<string, unknown>): OAuthResponse {
    const grantType = params.grant_type;
    if (grantType !== 'client_credentials') {
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: `grant_type must be client_credentials; got ${String(grantType)}`,
        },
      };
    }
    if (typeof params.client_id !== 'string' || typeof params.client_secret !== 'string') {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'client_id and client_secret are required' },
      };
    }
    if (params.client_id !== this.config.clientId || params.client_secret !== this.config.clientSecret) {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: 'Client authentication failed: unknown client or wrong client secret.',
        },
      };
    }
    const token = `shpat_${Array.from({ length: 32 }, () => this.random.int(0, 15).toString(16)).join('')}`;
    this.issued.set(token, this.clock() + this.config.tokenTtlSeconds * 1000);
    return {
      status: 200,
      body: { access_token: token, scope: GRANTED_SCOPES, expires_in: this.config.tokenTtlSeconds },
    };
  }
}

/**
 * The grant's body is form-encoded in Shopify's docs and JSON in @shopify/shopify-api
 * (docs/shopify-api.md#transport-auth-and-envelope): take both.
 */
export function parseGrantBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
