import type { ZodType } from 'zod';
import { sentosInvalidResponse } from './errors.js';
import type { SentosTransport } from './transport.js';
import type { SentosCategory, SentosSalesChannel, SentosWarehouse } from './types.js';
import { isPlainObject } from './wire/fields.js';
import { flattenCategories, wireSalesChannels, wireWarehouses } from './wire/lists.js';

/**
 * The small unpaginated lists (docs/sentos-api.md#warehouses-categories-and-sales-channels): bare arrays [V: SAL];
 * `{data: [...]}` tolerated [I].
 */

export function listWarehouses(transport: SentosTransport): Promise<SentosWarehouse[]> {
  return fetchList(transport, '/warehouses', 'listWarehouses', (items) => parseWith(wireWarehouses, items));
}

/**
 * GET /sales-channels [V: SFB]; the ids are what POST /orders takes as `channel_id`
 * (docs/sentos-api.md#warehouses-categories-and-sales-channels).
 */
export function listSalesChannels(transport: SentosTransport): Promise<SentosSalesChannel[]> {
  return fetchList(transport, '/sales-channels', 'listSalesChannels', (items) => parseWith(wireSalesChannels, items));
}

/** GET /categories, flattened parents-first with parentId [V: SAL, SCX tree]. */
export function listCategories(transport: SentosTransport): Promise<SentosCategory[]> {
  return fetchList(transport, '/categories', 'listCategories', (items) => flattenCategories(items));
}

async function fetchList<T>(
  transport: SentosTransport,
  path: string,
  operation: string,
  parse: (items: unknown[]) => T[],
): Promise<T[]> {
  const call = { method: 'GET' as const, path, kind: 'read' as const, operation };
  const response = await transport.sendOk(call, { collection: true });
  const items = listIn(response.body);
  if (!items) throw sentosInvalidResponse(response, 'expected a list', transport.context(call));
  try {
    return parse(items);
  } catch (error) {
    const reason = error instanceof Error && 'issues' in error ? summarise(error.issues) : String(error);
    throw sentosInvalidResponse(response, reason, transport.context(call));
  }
}

function listIn(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body as unknown[];
  if (!isPlainObject(body)) return undefined;
  const inner: unknown = body.data ?? body.sales_channels ?? body.saleschannels;
  if (Array.isArray(inner)) return inner as unknown[];
  return isPlainObject(inner) ? Object.values(inner) : undefined;
}

function parseWith<T>(schema: ZodType<T[]>, items: unknown[]): T[] {
  return schema.parse(items);
}

function summarise(issues: unknown): string {
  if (!Array.isArray(issues)) return 'invalid';
  return issues
    .slice(0, 3)
    .map((i: { path?: unknown[]; message?: string }) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`)
    .join('; ');
}
