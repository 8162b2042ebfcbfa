/**
 * ProductWrite ↔ bulk import JSONL (docs/shopify-api.md#bulk-mutations). Pure, table-tested.
 *
 * - A line is the variables of BulkProductSet: the text of the per-call productSet's toProductSetInput (written without
 *   building the object, product-set-json.ts), so both paths send the same product: one JSON object, no
 *   pretty-printing, no newline inside.
 * - A result line is `{"data":{"productSet":{...}}}` or `{"errors":[...]}` for that input line, maybe with
 *   `__lineNumber` [I: not in the stored docs; community code relies on it]. Read leniently: anything unreadable is an
 *   error of that line, never of the file.
 */
import { productSetJson } from '../product-set-json.js';
import type { ProductWrite } from '../types.js';

/** Our key for a line: an update's product id or a create's handle, both echoed by `product { id handle }`. */
export type LineKey = { id: string } | { handle: string };

export interface BuiltLine {
  key: LineKey;
  /** The JSONL text of the line, without its newline. */
  text: string;
}

/** The text is written straight from the write, as toProductSetInput would make it (product-set-json.ts). */
export function productSetLine(write: ProductWrite): BuiltLine {
  const key = 'id' in write.identifier ? { id: write.identifier.id } : { handle: write.identifier.handle };
  return { key, text: productSetJson(write) };
}

export interface BulkLineResult {
  /** `__lineNumber` when Shopify sent one; its base (0 or 1) is settled by the caller against the keys. */
  lineNumber?: number;
  product?: { id: string; handle: string };
  /** userErrors, or the line's GraphQL errors: what Shopify said about this line. */
  errors: Array<{ code?: string; field?: string[]; message: string }>;
}

export function parseResultLine(raw: unknown): BulkLineResult {
  const line = isRecord(raw) ? raw : {};
  const lineNumber = typeof line.__lineNumber === 'number' ? line.__lineNumber : undefined;
  const out: BulkLineResult = { ...(lineNumber !== undefined && { lineNumber }), errors: [] };
  if (Array.isArray(line.errors))
    for (const error of line.errors)
      out.errors.push({ message: isRecord(error) && typeof error.message === 'string' ? error.message : 'error' });
  const payload = isRecord(line.data) && isRecord(line.data.productSet) ? line.data.productSet : undefined;
  const product = payload && isRecord(payload.product) ? payload.product : undefined;
  if (product && typeof product.id === 'string')
    out.product = { id: product.id, handle: typeof product.handle === 'string' ? product.handle : '' };
  for (const error of payload && Array.isArray(payload.userErrors) ? payload.userErrors : []) {
    if (!isRecord(error)) continue;
    out.errors.push({
      ...(typeof error.code === 'string' && { code: error.code }),
      ...(Array.isArray(error.field) && { field: error.field.map(String) }),
      message: typeof error.message === 'string' ? error.message : 'rejected',
    });
  }
  if (!payload && out.errors.length === 0) out.errors.push({ message: 'the result line holds no productSet answer' });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
