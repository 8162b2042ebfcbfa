import { describe, expect, it } from 'vitest';
import { aShopifyOrder } from '../../../test/builders/shopify-order.js';
import type { SentosOrderPayload } from '../../sentos/types.js';
import { canonicalJson, orderHash } from './hash.js';
import { mapShopifyOrder } from './map.js';
import { orderSettings } from './settings.js';

function payloadOf(): SentosOrderPayload {
  const result = mapShopifyOrder(aShopifyOrder(), { settings: orderSettings({ channelId: 3 }) });
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.payload;
}

/** The same content with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined, e: 'ş' } })).toBe('{"a":{"d":[2,1],"e":"ş"},"b":1}');
  });
});

describe('orderHash', () => {
  const payload = payloadOf();
  const base = orderHash(payload);

  it('is a sha256 hex digest and stable across calls', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(orderHash(payloadOf())).toBe(base);
  });

  it('does not depend on key order', () => {
    expect(JSON.stringify(reversedKeys(payload))).not.toBe(JSON.stringify(payload));
    expect(orderHash(reversedKeys(payload))).toBe(base);
  });

  it('ignores keys present as undefined', () => {
    const { channel_id: _dropped, ...withoutChannel } = payload;
    expect(orderHash(withoutChannel)).not.toBe(base);
    expect(orderHash({ ...withoutChannel, channel_id: undefined })).toBe(orderHash(withoutChannel));
  });

  it.each<[string, (p: SentosOrderPayload) => SentosOrderPayload]>([
    ['a changed status', (p) => ({ ...p, status: 6 })],
    ['a changed quantity', (p) => ({ ...p, lines: p.lines.map((l, i) => (i === 0 ? { ...l, quantity: 2 } : l)) })],
    ['swapped lines', (p) => ({ ...p, lines: [...p.lines].reverse() })],
    ['a changed letter (ı → i)', (p) => ({ ...p, customer: { ...p.customer, name: 'Ayşe Yilmaz' } })],
  ])('changes with %s', (_label, change) => {
    expect(orderHash(change(payload))).not.toBe(base);
  });

  it('changes when tracking is added', () => {
    expect(orderHash(payload, { tracking_number: 'YK1' })).not.toBe(base);
  });
});

describe('orderHash covers every field we send', () => {
  /** Every leaf of the payload, as a path: each one changed must change the hash. */
  function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
    if (value === null || typeof value !== 'object') return [path];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
    );
  }

  function changedAt(payload: SentosOrderPayload, path: Array<string | number>): SentosOrderPayload {
    const copy = structuredClone(payload) as unknown as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    const old = node[last];
    node[last] = typeof old === 'number' ? old + 1 : `${String(old)}-changed`;
    return copy as unknown as SentosOrderPayload;
  }

  const payload = payloadOf();
  it.each(leaves(payload).map((path) => [path.join('.'), path]))('%s', (_name, path) => {
    expect(orderHash(changedAt(payload, path))).not.toBe(orderHash(payload));
  });

  it('and the cargo data of the follow-up PUT', () => {
    expect(orderHash(payload, { tracking_number: 'A1' })).not.toBe(orderHash(payload, { tracking_number: 'A2' }));
  });
});
