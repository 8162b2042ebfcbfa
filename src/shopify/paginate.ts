/**
 * Cursor pagination with cost-aware page sizes (page-size.ts): grow `first` from the measured requestedQueryCost,
 * shrink it after MAX_COST_EXCEEDED (docs/shopify-api.md#rate-limits-by-plan: "not retryable — shrink page sizes").
 */
import { QueryCostExceededError } from './errors.js';
import { nextPageSize, shrinkPageSize } from './page-size.js';

export interface FetchedPage<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  requestedCost: number | undefined;
}

export interface PageSizing {
  first: number;
  /** false when the caller fixed the page size: keep it (but still shrink if Shopify refuses it). */
  adaptive: boolean;
}

export async function* paginate<T>(
  fetchPage: (request: { first: number; after: string | null }) => Promise<FetchedPage<T>>,
  sizing: PageSizing,
): AsyncGenerator<T[]> {
  let first = sizing.first;
  let after: string | null = null;
  for (;;) {
    const { page, usedFirst }: { page: FetchedPage<T>; usedFirst: number } = await fetchShrinking(
      fetchPage,
      first,
      after,
    );
    yield page.items;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
    first = sizing.adaptive ? nextPageSize({ current: usedFirst, requestedCost: page.requestedCost }) : usedFirst;
  }
}

async function fetchShrinking<T>(
  fetchPage: (request: { first: number; after: string | null }) => Promise<FetchedPage<T>>,
  first: number,
  after: string | null,
): Promise<{ page: FetchedPage<T>; usedFirst: number }> {
  let current = first;
  for (;;) {
    try {
      return { page: await fetchPage({ first: current, after }), usedFirst: current };
    } catch (error) {
      const smaller =
        error instanceof QueryCostExceededError ? shrinkPageSize(current, error.cost, error.maxCost) : undefined;
      if (smaller === undefined) throw error;
      current = smaller;
    }
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
