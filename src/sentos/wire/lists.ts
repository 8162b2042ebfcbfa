import { z } from 'zod';
import type { SentosCategory, SentosSalesChannel, SentosWarehouse } from '../types.js';
import { isPlainObject, wireCount, wireId, wireList, wireOptionalId, wireText } from './fields.js';

/**
 * Envelopes and the small reference lists (docs/sentos-api.md#product-lists-and-paging,
 * docs/sentos-api.md#warehouses-categories-and-sales-channels, docs/sentos-api.md#order-lists-and-filters).
 */

export interface WirePage {
  items: unknown[];
  page?: number;
  size?: number;
  totalPages?: number;
  totalElements?: number;
}

const optionalCount = wireCount
  .nullish()
  .catch(undefined)
  .transform((v) => v ?? undefined);

const wireEnvelope = z.object({
  page: optionalCount,
  size: optionalCount,
  total_pages: optionalCount,
  totalPages: optionalCount,
  total_elements: optionalCount,
  totalElements: optionalCount,
  total: optionalCount,
});

/**
 * `{ data, page, size, total_elements, total_pages }` for products [V: SAL, SA2, SCX]; orders are not
 * settled (docs/sentos-api.md#order-lists-and-filters): SA2 also accepts `content`/`orders` and camelCase totals,
 * MSO/LSC a bare array. Returns undefined when the body is none of these.
 */
export function readPage(
  body: unknown,
  listKeys: readonly string[] = ['data', 'content', 'orders'],
): WirePage | undefined {
  if (Array.isArray(body)) return { items: body };
  if (!isPlainObject(body)) return undefined;
  const key = listKeys.find((k) => body[k] !== undefined);
  if (key === undefined) return undefined;
  const list = wireList(z.unknown()).safeParse(body[key]);
  if (!list.success) return undefined;
  const meta = wireEnvelope.parse(body);
  return dropUndefined({
    items: list.data,
    page: meta.page,
    size: meta.size,
    totalPages: meta.total_pages ?? meta.totalPages,
    totalElements: meta.total_elements ?? meta.totalElements ?? meta.total,
  });
}

const wireNamed = z.object({ id: wireId, name: wireText });

/** GET /warehouses: a bare array `[{id, name}]` [V: SAL]; `{data: [...]}` tolerated [I]. */
export const wireWarehouses = wireList(wireNamed).transform((list): SentosWarehouse[] =>
  list.map((w) => ({ id: w.id, name: w.name ?? '' })),
);

/** GET /sales-channels: a list of `{id, name, ...}` [V: SFB]. */
export const wireSalesChannels = wireList(wireNamed).transform((list): SentosSalesChannel[] =>
  list.map((c) => ({ id: c.id, name: c.name ?? '' })),
);

const wireCategoryNode = z.object({
  id: wireId,
  name: wireText,
  parent_id: wireOptionalId,
  sub_categories: wireList(z.unknown()),
});

/**
 * GET /categories: a bare array tree `[{id, name, parent_id, sub_categories}]` [V: SAL, SCX], flattened parents-first.
 * parent_id 0 means root (docs/sentos-api.md#warehouses-categories-and-sales-channels [V: SAL POST /categories]); the
 * tree position wins when absent.
 */
export function flattenCategories(
  nodes: readonly unknown[],
  parentId?: string,
  out: SentosCategory[] = [],
): SentosCategory[] {
  for (const raw of nodes) {
    const node = wireCategoryNode.parse(raw);
    const declared = node.parent_id === '0' ? undefined : node.parent_id;
    const category: SentosCategory = { id: node.id, name: node.name ?? '' };
    const parent = declared ?? parentId;
    if (parent !== undefined) category.parentId = parent;
    out.push(category);
    flattenCategories(node.sub_categories, node.id, out);
  }
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
