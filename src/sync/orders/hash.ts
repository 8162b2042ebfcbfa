/**
 * A content hash of what would be sent for an order, so the ledger can skip orders that have not changed since they
 * were last sent (docs/architecture.md#exactly-once-orders). Canonical JSON (sorted keys, undefined dropped as
 * JSON.stringify does) makes it independent of key order; array order is kept because line order is content.
 */
import { createHash } from 'node:crypto';
import type { SentosOrderPayload } from '../../sentos/types.js';
import type { OrderTracking } from './status.js';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** sha256 hex over the canonical payload, plus the cargo data that goes out in a follow-up PUT (if any). */
export function orderHash(payload: SentosOrderPayload, tracking?: OrderTracking): string {
  const content = tracking ? { payload, tracking } : { payload };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
