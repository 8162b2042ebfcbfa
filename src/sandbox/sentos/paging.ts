/**
 * The list envelope {data, page, size, total_elements, total_pages} (docs/sentos-api.md#product-lists-and-paging [V:
 * SAL, SA2, SCX]); orders use the same one (docs/sentos-api.md#order-lists-and-filters). Pages start at 1; page <= 0 is
 * read as 1 like SAL's mock. Both `size` and `pageSize` are honoured (docs/sentos-api.md#product-lists-and-paging,
 * docs/sentos-api.md#open-questions).
 */
import { message, type RouteResult } from './router.js';

export interface Paging {
  page: number;
  size: number;
}

export interface Envelope<T> {
  data: T[];
  page: number;
  size: number;
  total_elements: number;
  total_pages: number;
}

/** Query parameters as a plain record (first value wins), merged under a JSON body's fields when given. */
export function filtersFrom(query: URLSearchParams, body?: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of query) if (!(key in record)) record[key] = value;
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(record, body);
  return record;
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function readPaging(
  filters: Record<string, unknown>,
  defaults: { size: number; max: number },
): Paging | RouteResult {
  const rawPage = filters['page'];
  const rawSize = filters['size'] ?? filters['pageSize'];
  const page = rawPage === undefined || rawPage === '' ? 1 : integer(rawPage);
  const size = rawSize === undefined || rawSize === '' ? defaults.size : integer(rawSize);
  if (page === undefined) return message(422, `page geçersiz: ${String(rawPage)}`);
  if (size === undefined || size < 1) return message(422, `size geçersiz: ${String(rawSize)}`);
  // An oversized page is clamped, and the envelope says so: a client must read `size` back.
  return { page: Math.max(1, page), size: Math.min(size, defaults.max) };
}

export function isPaging(value: Paging | RouteResult): value is Paging {
  return 'page' in value;
}

export function paginate<T, R>(items: readonly T[], paging: Paging, map: (item: T) => R): Envelope<R> {
  const start = (paging.page - 1) * paging.size;
  return {
    data: items.slice(start, start + paging.size).map(map),
    page: paging.page,
    size: paging.size,
    total_elements: items.length,
    total_pages: Math.ceil(items.length / paging.size),
  };
}
