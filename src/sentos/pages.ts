import type { HttpRequest } from '../core/http/client.js';
import { RemoteError } from '../core/errors.js';
import { sentosInvalidResponse } from './errors.js';
import type { SentosTransport } from './transport.js';
import { isPlainObject } from './wire/fields.js';
import { readPage, type WirePage } from './wire/lists.js';

export interface PagedCall {
  path: string;
  query: HttpRequest['query'];
  pageSize: number;
  operation: string;
  /**
   * Where the list may sit in the envelope (docs/sentos-api.md#product-lists-and-paging products: `data`;
   * docs/sentos-api.md#order-lists-and-filters orders: not settled).
   */
  listKeys: readonly string[];
  /** A 404 means "nothing matches" rather than "wrong base URL" (filtered lookups, [I]). */
  notFoundIsEmpty?: boolean;
}

/**
 * Walks `page=1,2,…` (every client starts at 1, docs/sentos-api.md#product-lists-and-paging). Stops on an empty page;
 * on
 * `page >= total_pages` when the server sends it [V: SA2, SCX]; otherwise on a short page [V: MSO, VGP, SFB].
 * A known total_pages wins over the short-page rule, because a server that ignores `size` (open question 1)
 * would otherwise end a full scan after page 1 without a word.
 */
export async function* fetchPages(
  transport: SentosTransport,
  call: PagedCall,
): AsyncGenerator<{ page: number; envelope: WirePage }> {
  let previousFirst: string | undefined;
  for (let page = 1; ; page += 1) {
    const request = {
      method: 'GET' as const,
      path: call.path,
      query: { ...call.query, page, size: call.pageSize },
      kind: 'read' as const,
      operation: call.operation,
    };
    const response = await transport.send(request);
    if (response.status === 404 && call.notFoundIsEmpty) return;
    if (response.status < 200 || response.status >= 300)
      throw transport.errorFor(request, response, { collection: true });
    const envelope = readPage(response.body, call.listKeys) ?? singleObject(response.body);
    if (!envelope)
      throw sentosInvalidResponse(response, describeEnvelope(response.body, call.listKeys), transport.context(request));
    // A server that ignores `page` would send page 1 forever: fail loudly rather than loop or stop silently.
    const first = firstId(envelope.items);
    if (page > 1 && first !== undefined && first === previousFirst) {
      throw new RemoteError(
        `Sentos ${call.operation} sent the same page again for page=${page}; pagination is not honoured.`,
        {
          service: 'sentos',
          status: response.status,
          requestId: response.requestId,
          code: 'PAGINATION',
        },
      );
    }
    previousFirst = first;
    yield { page, envelope };
    if (isLastPage(envelope, page, call.pageSize)) return;
  }
}

export function isLastPage(envelope: WirePage, page: number, requestedSize: number): boolean {
  if (envelope.items.length === 0) return true;
  if (envelope.totalPages !== undefined) return page >= envelope.totalPages;
  return envelope.items.length < (envelope.size ?? requestedSize);
}

/** Says what came instead of a list, so a wrong shape is named as such ("the envelope is not the documented one"). */
export function describeEnvelope(body: unknown, listKeys: readonly string[]): string {
  const expected = `expected a list under ${listKeys.map((k) => `"${k}"`).join(' or ')} (or a bare array)`;
  if (isPlainObject(body)) {
    const keys = Object.keys(body);
    return `${expected}, got an object with ${keys.length ? `keys ${keys.slice(0, 8).join(', ')}` : 'no keys'}`;
  }
  if (typeof body === 'string')
    return `${expected}, got ${/^\s*</.test(body) ? 'an HTML page' : 'text'}: is SENTOS_API_URL the API URL?`;
  return `${expected}, got ${body === null || body === undefined ? 'an empty body' : typeof body}`;
}

/** ERPD treats an order answer as an array or a single object [V: ERPD]. */
function singleObject(body: unknown): WirePage | undefined {
  return isPlainObject(body) && 'id' in body ? { items: [body] } : undefined;
}

function firstId(items: readonly unknown[]): string | undefined {
  const first = items[0];
  if (!isPlainObject(first)) return undefined;
  return typeof first.id === 'number' || typeof first.id === 'string' ? String(first.id) : undefined;
}
