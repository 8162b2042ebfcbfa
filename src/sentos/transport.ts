import { AuthError, type CliError } from '../core/errors.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/http/client.js';
import type { SecretRegistry } from '../core/redact.js';
import { isAuthRejection, SENTOS_AUTH_METHODS, sentosAuthHeaders } from './auth.js';
import { CREDENTIALS_HINT, sentosErrorFor, type SentosErrorContext } from './errors.js';
import type { SentosAuthMethod } from './types.js';

export type SentosCall = Omit<HttpRequest, 'headers'>;

/**
 * The cheap GET used to probe auth methods: one product (docs/sentos-api.md#product-lists-and-paging [V: VGP
 * test_connection uses the same call]). Not /warehouses: a run reads that right after detecting, and Sentos allows the
 * same GET only twice a minute.
 */
const PROBE: SentosCall = {
  method: 'GET',
  path: '/products',
  query: { page: 1, size: 1 },
  kind: 'read',
  operation: 'detectAuth',
};

export interface SentosTransportOptions {
  http: HttpClient;
  apiKey: string;
  apiSecret: string;
  authMethod: SentosAuthMethod | 'auto';
  secrets: SecretRegistry;
}

/**
 * Puts the credentials on every request (detecting the auth method lazily when asked to), sends it, and
 * turns a non-2xx answer into a domain error.
 */
export class SentosTransport {
  private method: SentosAuthMethod | undefined;
  private detecting: Promise<SentosAuthMethod> | undefined;

  constructor(private readonly options: SentosTransportOptions) {
    this.method = options.authMethod === 'auto' ? undefined : options.authMethod;
  }

  get authMethod(): SentosAuthMethod | undefined {
    return this.method;
  }

  get secrets(): SecretRegistry {
    return this.options.secrets;
  }

  /** Sends with auth; returns any final response (the caller decides what a 404 means). */
  async send(call: SentosCall): Promise<HttpResponse> {
    const method = this.method ?? (await this.detect());
    return this.options.http.send({
      ...call,
      headers: sentosAuthHeaders(method, this.options.apiKey, this.options.apiSecret),
    });
  }

  /** Sends and requires a 2xx; anything else becomes the mapped error. */
  async sendOk(
    call: SentosCall,
    context: Omit<SentosErrorContext, 'secrets' | 'operation'> = {},
  ): Promise<HttpResponse> {
    const response = await this.send(call);
    if (response.status >= 200 && response.status < 300) return response;
    throw this.errorFor(call, response, context);
  }

  errorFor(
    call: SentosCall,
    response: HttpResponse,
    context: Omit<SentosErrorContext, 'secrets' | 'operation'> = {},
  ): CliError {
    return sentosErrorFor(response, this.context(call, context));
  }

  context(call: SentosCall, extra: Omit<SentosErrorContext, 'secrets' | 'operation'> = {}): SentosErrorContext {
    return { ...extra, operation: `${call.method} ${call.path}`, secrets: this.options.secrets };
  }

  /**
   * Tries basic, headers, bearer, token in that order (basic is the verified one,
   * docs/sentos-api.md#base-url-auth-and-transport) and keeps the first that is not refused with 401/403. Concurrent
   * callers share one detection.
   */
  detect(): Promise<SentosAuthMethod> {
    this.detecting ??= this.probeAll().finally(() => {
      this.detecting = undefined;
    });
    return this.detecting;
  }

  private async probeAll(): Promise<SentosAuthMethod> {
    for (const method of SENTOS_AUTH_METHODS) {
      const headers = sentosAuthHeaders(method, this.options.apiKey, this.options.apiSecret);
      const response = await this.options.http.send({ ...PROBE, headers });
      if (isAuthRejection(response.status)) continue;
      // A 404 or 5xx says nothing about the credentials: report it (a 404 names SENTOS_API_URL).
      if (response.status < 200 || response.status >= 300) throw this.errorFor(PROBE, response, { collection: true });
      this.method = method;
      return method;
    }
    throw new AuthError(
      'sentos',
      `Sentos rejected the API key and secret with every known auth method (${SENTOS_AUTH_METHODS.join(', ')}).`,
      {
        hint: CREDENTIALS_HINT,
      },
    );
  }
}
