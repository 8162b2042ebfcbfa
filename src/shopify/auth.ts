/**
 * Where the Admin API token comes from (docs/shopify-api.md#transport-auth-and-envelope): a static token, or the client
 * credentials grant for apps of the merchant's own organization, whose tokens expire after 24 h. Fetched tokens are
 * cached until shortly before they expire and dropped on a 401 so the next call re-fetches. Every secret is registered
 * so no error or log line can print it.
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { AuthError, RemoteError } from '../core/errors.js';
import type { HttpClient } from '../core/http/client.js';
import type { SecretRegistry } from '../core/redact.js';
import { AUTH_HINT } from './errors.js';
import type { ShopifyAuth } from './types.js';

export interface AccessTokenSource {
  token(): Promise<string>;
  /** Forgets `rejected` after a 401; false when nothing can be refreshed (a static token). */
  invalidate(rejected: string): boolean;
}

/**
 * Tokens from the client credentials grant live 24 h (docs/shopify-api.md#transport-auth-and-envelope); used when
 * expires_in is missing.
 */
const DEFAULT_LIFETIME_S = 24 * 60 * 60;
/** Refresh this long before expiry, so a token never dies between the cache check and the request. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

const tokenResponseSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional() });

export interface TokenSourceDeps {
  /** An HttpClient on the store's base URL, without the cost limiter (this is not a GraphQL call). */
  http: HttpClient;
  clock: Clock;
  secrets: SecretRegistry;
}

export function createTokenSource(auth: ShopifyAuth, deps: TokenSourceDeps): AccessTokenSource {
  if (auth.type === 'token') {
    deps.secrets.add(auth.accessToken);
    return { token: () => Promise.resolve(auth.accessToken), invalidate: () => false };
  }
  deps.secrets.add(auth.clientSecret);
  return new ClientCredentialsSource(auth.clientId, auth.clientSecret, deps);
}

class ClientCredentialsSource implements AccessTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly deps: TokenSourceDeps,
  ) {}

  token(): Promise<string> {
    if (this.cached && this.deps.clock.now() < this.cached.expiresAt) return Promise.resolve(this.cached.token);
    // Concurrent callers share one grant request.
    this.inflight ??= this.fetchToken().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  invalidate(rejected: string): boolean {
    if (this.cached?.token === rejected) this.cached = undefined;
    return true;
  }

  private async fetchToken(): Promise<string> {
    const response = await this.deps.http.send({
      method: 'POST',
      path: '/admin/oauth/access_token',
      // JSON body as @shopify/shopify-api sends it (docs/shopify-api.md#transport-auth-and-envelope).
      body: { grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret },
      // Changes nothing in the store and is safe to repeat.
      kind: 'read',
      idempotent: true,
      operation: 'AccessToken',
    });
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new AuthError(
        'shopify',
        `Shopify refused the client credentials (HTTP ${response.status}${oauthError(response.body)}).`,
        { hint: AUTH_HINT },
      );
    }
    const parsed = tokenResponseSchema.safeParse(response.body);
    if (response.status >= 300 || !parsed.success) {
      throw new RemoteError(`Shopify access token request failed (HTTP ${response.status}).`, {
        service: 'shopify',
        status: response.status,
        requestId: response.requestId,
        code: 'TOKEN_REQUEST_FAILED',
      });
    }
    const { access_token: token, expires_in: lifetimeS = DEFAULT_LIFETIME_S } = parsed.data;
    this.deps.secrets.add(token);
    const lifetimeMs = lifetimeS * 1000;
    this.cached = {
      token,
      expiresAt: this.deps.clock.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10),
    };
    return token;
  }
}

/** The OAuth error code only ("invalid_client"); descriptions may echo input, so they are not shown. */
function oauthError(body: unknown): string {
  const code = (body as { error?: unknown } | undefined)?.error;
  return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? `, ${code}` : '';
}
