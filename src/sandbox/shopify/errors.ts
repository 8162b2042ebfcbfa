import type { GraphQLError } from 'graphql';
import type { ThrottleStatus } from './bucket.js';

/**
 * Response bodies for the top-level failures (docs/shopify-api.md#errors). THROTTLED and MAX_COST_EXCEEDED are copied
 * from bodies captured from Shopify [V]; the codes for syntax and validation errors are the sandbox's choice [I]
 * (Shopify's own are graphql-ruby's), kept stable so clients can tell them from throttling.
 */
export const RATE_LIMIT_DOCS = 'https://shopify.dev/api/usage/rate-limits';

export interface WireError {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions: Record<string, unknown>;
}

export function throttledBody(requestedQueryCost: number, throttleStatus: ThrottleStatus) {
  return {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } }],
    extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus } },
  };
}

export function maxCostBody(cost: number, maxCost: number) {
  const message =
    `Query cost is ${cost}, which exceeds the single query max cost limit (${maxCost}).\n\n` +
    'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
    'cost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n';
  return {
    errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost, documentation: RATE_LIMIT_DOCS } }],
  };
}

/** graphql-js errors (syntax, validation, variable coercion, resolver throws) in the wire shape. */
export function toWireErrors(errors: readonly GraphQLError[], defaultCode: string): WireError[] {
  return errors.map((error) => ({
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: defaultCode, ...error.extensions },
  }));
}

export function topLevelError(
  message: string,
  code: string,
  extra: Record<string, unknown> = {},
): { errors: WireError[] } {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}
