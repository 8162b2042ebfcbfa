/**
 * Maps Shopify failures to the CLI's error taxonomy (docs/house-style.md#7-errors). Every message is scrubbed of
 * registered secrets; `userErrors` are NOT errors here: they go back to the caller as data.
 */
import { AuthError, type CliError, RemoteError, type RemoteErrorDetails } from '../core/errors.js';
import type { SecretRegistry } from '../core/redact.js';
import { errorCode, type GraphqlErrorEntry } from './envelope.js';

export const SHOPIFY_SCOPES = [
  'read_products',
  'write_products',
  'read_inventory',
  'write_inventory',
  'read_locations',
  'read_orders',
];

/** Customer names/emails on orders need read_customers (schema offline_scopes: Customer → read_customers). */
export const AUTH_HINT =
  'Set SHOPIFY_ACCESS_TOKEN (an Admin API access token), or SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET (an app ' +
  'of your ' +
  (`organization installed on this store). The app needs the scopes ${SHOPIFY_SCOPES.join(', ')} (and ` +
    `read_customers for `) +
  'customer names on orders).';

const BUG_HINT =
  'This is a bug in sentos-sync (a GraphQL document does not match the Admin API schema). Please report it with ' +
  'the command you ran (no secrets).';

/**
 * MAX_COST_EXCEEDED: the caller may shrink its page size and try a smaller query
 * (docs/shopify-api.md#rate-limits-by-plan).
 */
export class QueryCostExceededError extends RemoteError {
  constructor(
    message: string,
    details: RemoteErrorDetails,
    readonly cost: number | undefined,
    readonly maxCost: number | undefined,
  ) {
    super(
      message,
      { ...details, code: 'MAX_COST_EXCEEDED' },
      { hint: 'Lower the page size; bulk operations have no cost limit.' },
    );
  }
}

export interface ErrorContext {
  operation: string;
  status: number;
  requestId: string | undefined;
  secrets: SecretRegistry;
}

/**
 * Top-level GraphQL `errors` (docs/shopify-api.md#transport-auth-and-envelope, docs/shopify-api.md#errors) → one
 * CliError.
 */
export function graphqlError(errors: GraphqlErrorEntry[], ctx: ErrorContext): CliError {
  const first = errors[0];
  const code = first ? errorCode(first) : undefined;
  const text = ctx.secrets.redact(
    errors
      .map((e) => e.message)
      .join('; ')
      .slice(0, 500),
  );
  const message = `Shopify ${ctx.operation} failed: ${text}`;
  const details: RemoteErrorDetails = { service: 'shopify', status: ctx.status, requestId: ctx.requestId, code };
  if (code === 'MAX_COST_EXCEEDED')
    return new QueryCostExceededError(message, details, first?.extensions?.cost, first?.extensions?.maxCost);
  if (code === 'ACCESS_DENIED') {
    return new AuthError('shopify', message, { hint: `The app lacks an access scope this call needs. ${AUTH_HINT}` });
  }
  if (code === 'THROTTLED') {
    return new RemoteError(message, details, {
      hint: 'The store\u2019s API cost budget stayed exhausted through every retry; run again later.',
    });
  }
  if (isValidationError(errors, code))
    return new RemoteError(message, { ...details, code: 'GRAPHQL_VALIDATION' }, { hint: BUG_HINT });
  return new RemoteError(message, { ...details, code: code ?? 'GRAPHQL_ERROR' });
}

/**
 * Static validation errors point at our document: graphql-js (the sandbox) gives them `locations` and no
 * `path`; Shopify's graphql-ruby adds camelCase codes such as undefinedField
 * (docs/shopify-api.md#errors).
 */
function isValidationError(errors: GraphqlErrorEntry[], code: string | undefined): boolean {
  if (code && /^(GRAPHQL_(PARSE|VALIDATION)_FAILED|[a-z][A-Za-z]+)$/.test(code)) return true;
  return !code && errors.some((e) => e.locations !== undefined && e.path === undefined);
}

/** Non-2xx HTTP answers that are final (HttpClient already retried 429/5xx). */
export function httpError(ctx: ErrorContext, bodyText: string | undefined): CliError {
  const details: RemoteErrorDetails = {
    service: 'shopify',
    status: ctx.status,
    requestId: ctx.requestId,
    body: bodyText ? ctx.secrets.redact(bodyText.slice(0, 300)) : undefined,
    code: `HTTP_${ctx.status}`,
  };
  if (ctx.status === 401 || ctx.status === 403) {
    return new AuthError('shopify', `Shopify rejected the credentials for ${ctx.operation} (HTTP ${ctx.status}).`, {
      hint: AUTH_HINT,
    });
  }
  if (ctx.status === 404) {
    return new RemoteError(`Shopify ${ctx.operation}: HTTP 404`, details, {
      hint: 'Check SHOPIFY_STORE (the .myshopify.com domain) and the API version.',
    });
  }
  return new RemoteError(`Shopify ${ctx.operation}: HTTP ${ctx.status}`, details);
}
