import { GraphQLError } from 'graphql';

/**
 * Relay connections (docs/shopify-api.md#catalog-reads): first/after, last/before, reverse, edges/nodes/pageInfo.
 * Cursors are opaque keyset positions (sort value + id), so an object that moves while a client pages (an order updated
 * between two pages) is neither skipped nor repeated out of order: it reappears later.
 */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

export type SortKey = [value: string | number, id: number];

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Shopify's per-page maximum (docs/shopify-api.md#catalog-reads [V: changelog, "in line with connection limits"]). */
export const MAX_PAGE_SIZE = 250;

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ v: key[0], id: key[1] }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: string | number; id: number };
    if (typeof parsed.id !== 'number') throw new Error('bad cursor');
    return [parsed.v, parsed.id];
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

export function checkPageArgs(args: ConnectionArgs): void {
  const hasFirst = args.first !== undefined && args.first !== null;
  const hasLast = args.last !== undefined && args.last !== null;
  if (!hasFirst && !hasLast)
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if (hasFirst && hasLast)
    throw new GraphQLError('providing both first and last is not supported', { extensions: { code: 'BAD_REQUEST' } });
  const size = (hasFirst ? args.first : args.last) as number;
  // Only the bulk executor passes Infinity (a GraphQL Int cannot be infinite): bulk exports read every node.
  if (size === Number.POSITIVE_INFINITY) return;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The ${hasFirst ? 'first' : 'last'} argument must be between 0 and ${MAX_PAGE_SIZE}`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
}

/** Page through `items` ordered by `keyOf` (ascending unless reverse). */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => SortKey, args: ConnectionArgs): Connection<T> {
  checkPageArgs(args);
  const direction = args.reverse ? -1 : 1;
  const order = (a: SortKey, b: SortKey) => direction * compareKeys(a, b);
  let window = [...items].sort((a, b) => order(keyOf(a), keyOf(b)));
  const all = window.length;
  if (args.after) {
    const key = decodeCursor(args.after);
    window = window.filter((item) => order(keyOf(item), key) > 0);
  }
  const afterCut = all - window.length;
  if (args.before) {
    const key = decodeCursor(args.before);
    window = window.filter((item) => order(keyOf(item), key) < 0);
  }
  const beforeCut = all - afterCut - window.length;
  let page = window;
  let hasNextPage = beforeCut > 0;
  let hasPreviousPage = afterCut > 0;
  if (args.first !== undefined && args.first !== null) {
    hasNextPage = window.length > args.first || hasNextPage;
    page = window.slice(0, args.first);
  }
  if (args.last !== undefined && args.last !== null) {
    hasPreviousPage = window.length > args.last || hasPreviousPage;
    page = window.slice(Math.max(0, window.length - args.last));
  }
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Connections over a list in its stored order (variants, media, line items…): the key is the position. */
export function paginateList<T>(items: readonly T[], args: ConnectionArgs): Connection<T> {
  const positions = new Map(items.map((item, index) => [item, index] as const));
  return paginate(items, (item) => [positions.get(item) ?? 0, positions.get(item) ?? 0], args);
}
