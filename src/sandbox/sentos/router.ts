/**
 * A tiny route table: "GET /products/:id" style patterns relative to the /api base. The pattern string
 * doubles as the stats key.
 */
import type { ResolvedSentosOptions } from './options.js';
import type { SentosState } from './state.js';

export interface RouteContext {
  state: SentosState;
  options: ResolvedSentosOptions;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (GET may carry one: docs/sentos-api.md#order-lists-and-filters quirk), or undefined. */
  body: unknown;
  now: number;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: string;
  handle(ctx: RouteContext): RouteResult;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string>; key: string }
  | { kind: 'method-not-allowed'; key: string }
  | { kind: 'not-found'; key: string };

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] as string;
    const actual = got[i] as string;
    // Ids are Sentos integers: "/products/abc" is no route at all.
    if (part.startsWith(':')) {
      if (!/^\d+$/.test(actual)) return undefined;
      params[part.slice(1)] = actual;
    } else if (part !== actual) return undefined;
  }
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let pathKnown: string | undefined;
  for (const route of routes) {
    const params = matchPattern(route.pattern, trimmed);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params, key: `${method} ${route.pattern}` };
    pathKnown = route.pattern;
  }
  if (pathKnown) return { kind: 'method-not-allowed', key: `${method} ${pathKnown}` };
  return { kind: 'not-found', key: `${method} (unknown)` };
}

export function json(status: number, body: unknown): RouteResult {
  return { status, body };
}

export function message(status: number, text: string, extra: Record<string, unknown> = {}): RouteResult {
  return { status, body: { message: text, ...extra } };
}
