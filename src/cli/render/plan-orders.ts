/**
 * An order's payload as a person checks it: who, what, how much, in which state and how paid, instead of raw
 * JSON (`--json` keeps the whole payload). Status numbers carry Sentos's own names (docs/sentos-api.md).
 */
const STATUS_NAMES: Record<number, string> = {
  1: 'Onay Bekliyor',
  2: 'Onaylandı',
  3: 'Tedarik Sürecinde',
  4: 'Hazırlanıyor',
  5: 'Kargoya Verildi',
  6: 'İptal/İade',
  99: 'Teslim Edildi',
};

interface Line {
  sku?: string;
  quantity?: number;
  price?: number;
}

interface Payload {
  sentosId?: string | number;
  order_code?: string;
  status?: number;
  currency?: string;
  payment_method?: string;
  shipping_total?: number;
  customer?: { name?: string };
  lines?: Line[];
  data?: { cargo_company?: string; tracking_number?: string };
}

export function describeOrderChange(change: unknown): string[] {
  if (typeof change !== 'object' || change === null) return [];
  if ('fulfilledInShopify' in change) return [describeFulfilment((change as Fulfilment).fulfilledInShopify)];
  const p = change as Payload;
  const status = p.status === undefined ? undefined : `status ${p.status} ${STATUS_NAMES[p.status] ?? ''}`.trim();
  if (!p.lines) {
    // An update (PUT): the new status and, when shipped, the cargo.
    const cargo = p.data?.tracking_number ? `, cargo ${p.data.cargo_company ?? '?'} ${p.data.tracking_number}` : '';
    return [`Sentos order ${String(p.sentosId ?? '')} → ${status ?? 'update'}${cargo}`.replace('order  →', 'order →')];
  }
  const currency = p.currency ?? '';
  const lines = p.lines.map((l) =>
    `${l.sku ?? '(no SKU)'} × ${l.quantity ?? 0} @ ${money(l.price)} ${currency}`.trim(),
  );
  const goods = p.lines.reduce((sum, l) => sum + (l.price ?? 0) * (l.quantity ?? 0), 0);
  const total = goods + (p.shipping_total ?? 0);
  return [
    `customer ${p.customer?.name ?? '(none)'} · ${status ?? ''} · payment ${p.payment_method ?? '?'}`,
    `lines: ${lines.join('; ')}`,
    `total ${money(total)} ${currency}${p.shipping_total ? ` (shipping ${money(p.shipping_total)})` : ''}`,
  ];
}

/** A shipment from Sentos fulfilled in Shopify (src/sync/run/fulfilments.ts). */
interface Fulfilment {
  fulfilledInShopify: { company?: string; number?: string; location?: string; notifyCustomer?: boolean };
}

function describeFulfilment(f: Fulfilment['fulfilledInShopify']): string {
  const tracking = [f.company, f.number].filter(Boolean).join(' ') || '(no tracking)';
  const where = f.location ? ` (${f.location})` : '';
  const notified = f.notifyCustomer ? 'notified' : 'not notified';
  return `fulfilled in Shopify: tracking ${tracking}${where}, customer ${notified}`;
}

function money(value: number | undefined): string {
  return (value ?? 0).toFixed(2);
}
