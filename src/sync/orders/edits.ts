/**
 * What differs between an order as Sentos holds it and as it would be sent now (docs/sentos-api.md#order-money,
 * README "Edits after the push"). PUT /orders/{id} takes only status and cargo data
 * (docs/sentos-api.md#order-writes-and-duplicates), so every difference found here is one a person must carry into
 * Sentos: lines added or removed, quantities refunded, prices or VAT recalculated, shipping, the shipment address.
 * Lines are compared per SKU (a line split by the money model is one SKU). Only what Sentos's answer carries is
 * compared: a field it leaves out, or one it sends unreadable, is not called a difference (the forgiving reading).
 */
import { formatMinor, type Minor } from '../../core/money.js';
import type { SentosOrder, SentosOrderPayload } from '../../sentos/types.js';

interface SkuTotals {
  quantity: number;
  /** Σ price × quantity; undefined when a line's price is unknown. */
  amount?: Minor;
  vatRates: Set<number>;
}

function bySku(lines: Array<{ sku?: string; quantity: number; price?: Minor; vatRate?: number }>) {
  const totals = new Map<string, SkuTotals>();
  for (const line of lines) {
    const sku = line.sku?.trim() ?? '';
    const entry = totals.get(sku) ?? { quantity: 0, amount: 0, vatRates: new Set<number>() };
    entry.quantity += line.quantity;
    entry.amount =
      entry.amount === undefined || line.price === undefined ? undefined : entry.amount + line.price * line.quantity;
    if (line.vatRate !== undefined) entry.vatRates.add(line.vatRate);
    totals.set(sku, entry);
  }
  return totals;
}

const toMinor = (value: number) => Math.round(value * 100);

/** Human-readable differences, "Sentos … → Shopify …"; empty when Sentos holds what would be sent. */
export function orderDifferences(payload: SentosOrderPayload, remote: SentosOrder): string[] {
  // An order is never stored without lines (POST needs them): an answer without any did not carry them.
  const out = remote.lines.length > 0 ? lineDifferences(payload, remote) : [];
  const shipping = toMinor(payload.shipping_total ?? 0);
  if (remote.shippingTotal !== undefined && remote.shippingTotal !== shipping)
    out.push(`shipping_total: Sentos ${formatMinor(remote.shippingTotal)} → Shopify ${formatMinor(shipping)}`);
  out.push(...addressDifferences(payload, remote));
  return out;
}

function lineDifferences(payload: SentosOrderPayload, remote: SentosOrder): string[] {
  const out: string[] = [];
  const want = bySku(
    payload.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, price: toMinor(l.price), vatRate: l.vat_rate })),
  );
  const have = bySku(remote.lines);
  for (const [sku, w] of want) {
    const h = have.get(sku);
    if (!h) {
      out.push(`line ${sku} × ${w.quantity} is in Shopify but not in Sentos (added after the push)`);
      continue;
    }
    if (h.quantity !== w.quantity) out.push(`line ${sku}: quantity Sentos ${h.quantity} → Shopify ${w.quantity}`);
    else if (h.amount !== undefined && w.amount !== undefined && h.amount !== w.amount)
      out.push(`line ${sku}: amount Sentos ${formatMinor(h.amount)} → Shopify ${formatMinor(w.amount)}`);
    const rates = (s: Set<number>) => [...s].sort((a, b) => a - b).join('/');
    if (h.vatRates.size > 0 && rates(h.vatRates) !== rates(w.vatRates))
      out.push(`line ${sku}: vat_rate Sentos ${rates(h.vatRates)} → Shopify ${rates(w.vatRates)}`);
  }
  for (const [sku, h] of have) {
    if (!want.has(sku))
      out.push(`line ${sku || '(no SKU)'} × ${h.quantity} is in Sentos but no longer in Shopify (removed or refunded)`);
  }
  return out;
}

function addressDifferences(payload: SentosOrderPayload, remote: SentosOrder): string[] {
  const have = remote.shipmentAddress;
  const want = payload.shipment_address;
  if (!have || !want) return [];
  const fields = ['address', 'district', 'city', 'zipCode'] as const;
  const changed = fields.filter((f) => have[f] !== undefined && have[f].trim() !== (want[f] ?? '').trim());
  if (changed.length === 0) return [];
  const text = (a: Partial<Record<(typeof fields)[number], string>>) =>
    fields
      .map((f) => a[f]?.trim())
      .filter(Boolean)
      .join(', ');
  return [`shipment address: Sentos "${text(have)}" → Shopify "${text(want)}"`];
}
