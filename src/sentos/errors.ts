import { AuthError, RemoteError, type CliError } from '../core/errors.js';
import type { HttpResponse } from '../core/http/client.js';
import type { SecretRegistry } from '../core/redact.js';
import { isAuthRejection } from './auth.js';
import { isPlainObject } from './wire/fields.js';
import { writeErrors } from './wire/order.js';

/**
 * Maps a final Sentos response to the error taxonomy (docs/house-style.md#7-errors), using the statuses of
 * docs/sentos-api.md#errors-and-limits. Every text is scrubbed with the secret registry: a server that echoes the
 * Authorization header must not put the key in our output.
 */

export const CREDENTIALS_HINT =
  'Check SENTOS_API_KEY and SENTOS_API_SECRET (panel: "API Anahtar" / "API Şifre"), or run `sentos-sync config ' +
  'set sentos.apiKey` and `sentos-sync config set sentos.apiSecret`.';
export const BASE_URL_HINT =
  'Check SENTOS_API_URL (firm name / subdomain): it should look like https://firma.sentos.com.tr/api.';
const BODY_EXCERPT_CHARS = 500;

export interface SentosErrorContext {
  /** e.g. "GET /products", used in the message. */
  operation: string;
  /**
   * A list endpoint: a 404 there means the base URL is wrong (docs/sentos-api.md#base-url-auth-and-transport [V: ERPD
   * error mapping]).
   */
  collection?: boolean;
  /** What the request was about, e.g. "order 1042", so the user knows which item failed. */
  subject?: string;
  secrets: SecretRegistry;
}

export function sentosErrorFor(response: HttpResponse, context: SentosErrorContext): CliError {
  const { status } = response;
  const scrub = (text: string) => context.secrets.redact(text);
  const about = context.subject ? ` for ${context.subject}` : '';
  const said = serverMessage(response.body);
  const details = {
    service: 'sentos' as const,
    status,
    requestId: response.requestId,
    body: scrub(excerpt(response.body)),
  };
  if (isAuthRejection(status)) {
    return new AuthError(
      'sentos',
      scrub(`Sentos rejected the API credentials (HTTP ${status}) on ${context.operation}.`),
      { hint: CREDENTIALS_HINT },
    );
  }
  if (status === 404 && context.collection) {
    return new RemoteError(
      scrub(`Sentos answered 404 on ${context.operation}: no such API at this address.`),
      { ...details, code: 'NOT_FOUND' },
      { hint: BASE_URL_HINT },
    );
  }
  const code = codeFor(status);
  const what =
    code === 'VALIDATION'
      ? `Sentos rejected ${context.operation}${about}`
      : `Sentos ${context.operation}${about} failed with HTTP ${status}`;
  return new RemoteError(scrub(said ? `${what}: ${said}` : what), { ...details, code }, hintFor(code));
}

/**
 * A 2xx write whose body lists errors (docs/sentos-api.md#errors-and-limits [V: SAL response models]) is a validation
 * failure too.
 */
export function sentosValidationError(
  response: HttpResponse,
  messages: string[],
  context: SentosErrorContext,
): RemoteError {
  const scrub = (text: string) => context.secrets.redact(text);
  const about = context.subject ? ` for ${context.subject}` : '';
  return new RemoteError(
    scrub(`Sentos rejected ${context.operation}${about}: ${messages.join('; ')}`),
    {
      service: 'sentos',
      status: response.status,
      requestId: response.requestId,
      body: scrub(excerpt(response.body)),
      code: 'VALIDATION',
    },
    hintFor('VALIDATION'),
  );
}

/** A body we cannot read: a bug on one side or the other, never retried. */
export function sentosInvalidResponse(
  response: HttpResponse,
  reason: string,
  context: SentosErrorContext,
): RemoteError {
  const scrub = (text: string) => context.secrets.redact(text);
  return new RemoteError(
    scrub(`Sentos ${context.operation} returned a body sentos-sync cannot read: ${reason}`),
    {
      service: 'sentos',
      status: response.status,
      requestId: response.requestId,
      body: scrub(excerpt(response.body)),
      code: 'INVALID_RESPONSE',
    },
    { hint: `${BASE_URL_HINT} If it is right, report this with the request id.` },
  );
}

function codeFor(status: number): string {
  // 400 bad request, 405 "Geçersiz giriş", 422 invalid enum (docs/sentos-api.md#errors-and-limits [V: ERPD, SFB]).
  if (status === 400 || status === 405 || status === 422) return 'VALIDATION';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return `HTTP_${status}`;
}

function hintFor(code: string): { hint?: string } {
  if (code === 'VALIDATION')
    return {
      hint: 'Fix the data named above in Shopify or Sentos; sending it again unchanged will fail the same way.',
    };
  if (code === 'RATE_LIMITED')
    return { hint: 'Sentos allows 12 POST per minute and the same GET twice per minute; wait a minute and run again.' };
  if (code === 'SERVER_ERROR') return { hint: 'Sentos kept failing after retries; try again later.' };
  return {};
}

/** `{"message": "..."}` on non-2xx [V: SAL Response.cs], else the flattened `errors`, else short text. */
export function serverMessage(body: unknown): string | undefined {
  if (isPlainObject(body)) {
    const errors = writeErrors(body);
    const message = typeof body.message === 'string' && body.message.trim() !== '' ? body.message.trim() : undefined;
    if (message && errors.length > 0) return `${message} (${errors.join('; ')})`;
    return message ?? (errors.length > 0 ? errors.join('; ') : undefined);
  }
  if (typeof body === 'string' && body.trim() !== '' && !/^\s*</.test(body)) return body.trim().slice(0, 200);
  return undefined;
}

function excerpt(body: unknown): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > BODY_EXCERPT_CHARS ? `${text.slice(0, BODY_EXCERPT_CHARS)}…` : text;
}
