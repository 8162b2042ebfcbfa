/**
 * GET /orders filters (docs/sentos-api.md#order-lists-and-filters), read from the query string AND a JSON body on the
 * GET (docs/sentos-api.md#order-lists-and-filters quirk [V: MSO sends both]). order_id / order_code compare as strings,
 * because Sentos may store or echo them as numbers (docs/sentos-api.md#order-writes-and-duplicates). Dates are
 * "YYYY-MM-DD HH:mm:ss" Turkey time, or a bare date.
 */
import { normaliseSentosDate } from './istanbul-time.js';
import type { WireOrder } from './wire-types.js';
import { scalarText } from './wire-text.js';

type Predicate = (order: WireOrder) => boolean;
export type FilterResult = { ok: true; predicates: Predicate[] } | { ok: false; message: string };

const RANGES: ReadonlyArray<readonly [start: string, end: string, field: 'updated_at' | 'created_at' | 'order_date']> =
  [
    ['updated_start_date', 'updated_end_date', 'updated_at'],
    ['created_start_date', 'created_end_date', 'created_at'],
    ['start_date', 'end_date', 'order_date'],
  ];

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function exactFilters(filters: Record<string, unknown>, predicates: Predicate[]): string | undefined {
  for (const field of ['order_id', 'order_code'] as const) {
    const wanted = filters[field];
    if (present(wanted)) predicates.push((o) => String(o[field]) === String(wanted));
  }
  const status = filters['status'];
  if (present(status)) {
    if (!/^\d+$/.test(String(status))) return `status geçersiz: ${String(status)}`;
    predicates.push((o) => o.status === Number(status));
  }
  const statusIds = filters['status_ids'];
  if (present(statusIds)) {
    const ids = new Set(
      String(statusIds)
        .split(',')
        .map((s) => Number(s.trim())),
    );
    predicates.push((o) => ids.has(o.status));
  }
  return undefined;
}

function rangeFilters(filters: Record<string, unknown>, predicates: Predicate[]): string | undefined {
  for (const [startKey, endKey, field] of RANGES) {
    for (const [key, endOfDay] of [
      [startKey, false],
      [endKey, true],
    ] as const) {
      const raw = filters[key];
      if (!present(raw)) continue;
      const bound =
        typeof raw === 'string' ? normaliseSentosDate(raw.trim(), { allowDateOnly: true, endOfDay }) : undefined;
      if (!bound) return `${key} "YYYY-MM-DD HH:mm:ss" biçiminde olmalı: ${JSON.stringify(raw)}`;
      // Same fixed-width format on both sides: string order is time order.
      predicates.push(endOfDay ? (o) => o[field] <= bound : (o) => o[field] >= bound);
    }
  }
  return undefined;
}

export function orderFilters(filters: Record<string, unknown>): FilterResult {
  const predicates: Predicate[] = [];
  const problem = exactFilters(filters, predicates) ?? rangeFilters(filters, predicates);
  return problem ? { ok: false, message: problem } : { ok: true, predicates };
}

/**
 * orderby_field id|created_at|updated_at|ship_due_date, orderby_direction ASC|DESC
 * (docs/sentos-api.md#order-lists-and-filters); default id ASC.
 */
export function orderSorter(filters: Record<string, unknown>): (a: WireOrder, b: WireOrder) => number {
  const field = scalarText(filters['orderby_field'], 'id');
  const sign = scalarText(filters['orderby_direction'], 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  const key = (o: WireOrder): string | number =>
    field === 'created_at' ? o.created_at : field === 'updated_at' ? o.updated_at : o.id;
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id);
  };
}
