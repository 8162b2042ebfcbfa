import { sentosInvalidResponse } from './errors.js';
import { fetchPages } from './pages.js';
import type { SentosTransport } from './transport.js';
import type { SentosProduct } from './types.js';
import { isPlainObject } from './wire/fields.js';
import { SentosInterner } from './wire/intern.js';
import { parseSentosProduct, parseSentosProducts, type InvalidProduct } from './wire/product.js';

export interface ListProductsOptions {
  /** 1–100 in every client; 100 is SAL's default (docs/sentos-api.md#product-lists-and-paging). */
  pageSize?: number;
  /**
   * Filter by product SKU (docs/sentos-api.md#product-lists-and-paging [V: SAL, VGP, SA2, LSC]); exact vs prefix is
   * unknown (docs/sentos-api.md#open-questions).
   */
  sku?: string;
}

export interface SentosProductPage {
  products: SentosProduct[];
  /** Products that did not fit the schema: skipped here, reported by the caller (house style 8). */
  invalid: InvalidProduct[];
  page: number;
  totalPages?: number;
  totalElements?: number;
}

export async function* listProducts(
  transport: SentosTransport,
  options: ListProductsOptions = {},
): AsyncGenerator<SentosProductPage> {
  const pageSize = options.pageSize ?? 100;
  // orderby_id=ASC keeps a full scan stable while products change (docs/sentos-api.md#product-lists-and-paging [V: MSO,
  // SCX]).
  const query = { orderby_id: 'ASC', sku: options.sku };
  // One interner for every page: what repeats is one value across the whole catalog (docs/architecture.md#memory).
  const interner = new SentosInterner();
  for await (const { page, envelope } of fetchPages(transport, {
    path: '/products',
    query,
    pageSize,
    operation: 'listProducts',
    listKeys: ['data'],
  })) {
    const parsed = parseSentosProducts(envelope.items, interner);
    const out: SentosProductPage = { ...parsed, page };
    if (envelope.totalPages !== undefined) out.totalPages = envelope.totalPages;
    if (envelope.totalElements !== undefined) out.totalElements = envelope.totalElements;
    yield out;
  }
}

/**
 * GET /products/{id}: the product itself (docs/sentos-api.md#product-lists-and-paging [V: SA2]); `data`/`product`
 * wrappers tolerated [V: MSO extractOne].
 */
export async function getProduct(transport: SentosTransport, id: string): Promise<SentosProduct | undefined> {
  const call = {
    method: 'GET' as const,
    path: `/products/${encodeURIComponent(id)}`,
    kind: 'read' as const,
    operation: 'getProduct',
  };
  const response = await transport.send(call);
  if (response.status === 404) return undefined;
  if (response.status < 200 || response.status >= 300)
    throw transport.errorFor(call, response, { subject: `product ${id}` });
  const parsed = parseSentosProduct(unwrap(response.body));
  if (parsed.ok) return parsed.product;
  throw sentosInvalidResponse(response, `product ${id}: ${parsed.invalid.reason}`, transport.context(call));
}

function unwrap(body: unknown): unknown {
  if (!isPlainObject(body) || 'id' in body) return body;
  const inner = body.data ?? body.product;
  return Array.isArray(inner) ? inner[0] : inner;
}
