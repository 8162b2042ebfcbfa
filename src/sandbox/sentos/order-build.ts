/**
 * A validated POST /orders body → the stored order, in the read-side shape
 * (docs/sentos-api.md#order-shape-and-status-codes, docs/sentos-api.md#order-lists-and-filters). order_id and
 * order_code are stored exactly as sent (string or number): the client must compare them as strings
 * (docs/sentos-api.md#order-writes-and-duplicates). Order money is dot-decimal strings, as in the docs sample
 * ("money").
 */
import { formatIstanbul } from './istanbul-time.js';
import { minorToDot, parseWireMoney } from './money-format.js';
import type { Body } from './order-validation.js';
import type { SentosState } from './state.js';
import { scalarText } from './wire-text.js';
import type { WireAddress, WireOrder, WireOrderLine } from './wire-types.js';

function text(value: unknown): string {
  return scalarText(value);
}

function address(value: unknown, state: SentosState): WireAddress | [] {
  // PHP-style: a missing address comes back as [] rather than {} (docs/sentos-api.md#base-url-auth-and-transport).
  return value && typeof value === 'object' ? { id: state.nextCustomerId(), ...(value as WireAddress) } : [];
}

function buildLine(line: Body, state: SentosState, currency: string): { line: WireOrderLine; amountMinor: number } {
  const sku = line['sku'] as string;
  const hit = state.findSellable(sku);
  const item = hit?.variant ?? hit?.product;
  const priceMinor = parseWireMoney(line['price']) ?? 0;
  const quantity = line['quantity'] as number;
  const image = item?.images[0] ?? hit?.product.images[0];
  const wireLine: WireOrderLine = {
    // docs/sentos-api.md#order-shape-and-status-codes [V: MSO fixture]: line ids can be 0; orderlineid is the real one.
    id: 0,
    orderlineid: state.nextLineId(),
    sku,
    barcode: item?.barcode ?? '',
    status: 'accepted',
    name: text(line['name']) || (hit?.product.name ?? ''),
    quantity,
    list_price: minorToDot(priceMinor),
    price: minorToDot(priceMinor),
    discount: '0.00',
    amount: minorToDot(priceMinor * quantity),
    currency,
    vat_rate: typeof line['vat_rate'] === 'number' ? line['vat_rate'] : (hit?.product.vat_rate ?? 20),
    warehouse_id: typeof line['warehouse_id'] === 'number' ? line['warehouse_id'] : (state.warehouses[0]?.id ?? 1),
    product_id: typeof line['product_id'] === 'number' ? line['product_id'] : (hit?.product.id ?? null),
    color: hit?.variant?.color ?? '',
    model: hit?.variant ? { ...hit.variant.model } : { name: '', value: '' },
    images: image ? { ...image } : [],
  };
  return { line: wireLine, amountMinor: priceMinor * quantity };
}

export function buildOrder(body: Body, state: SentosState, now: number): WireOrder {
  const currency = body['currency'] as string;
  const built = (body['lines'] as Body[]).map((line) => buildLine(line, state, currency));
  const shippingMinor = parseWireMoney(body['shipping_total'] ?? 0) ?? 0;
  const total = built.reduce((sum, b) => sum + b.amountMinor, shippingMinor);
  const channel = state.salesChannels.find((c) => c.id === body['channel_id']);
  const customer = body['customer'] as Body;
  const stamp = formatIstanbul(now);
  return {
    id: state.nextOrderId(),
    order_id: body['order_id'] as string | number,
    order_code: body['order_code'] as string | number,
    package_code: '',
    status: body['status'] as number,
    source: channel?.name ?? 'API',
    shop: channel?.name ?? '',
    channel_id: channel?.id ?? null,
    order_type: '',
    order_date: body['order_date'] as string,
    created_at: stamp,
    updated_at: stamp,
    total: minorToDot(total),
    shipping_total: minorToDot(shippingMinor),
    currency,
    cargo_provider: '',
    cargo_number: '',
    tracking_info: { cargo_company: '', tracking_number: '', tracking_link: '' },
    has_invoice: 'no',
    invoice_number: '',
    invoice_url: '',
    payment_method: body['payment_method'] as string,
    payment_status: '',
    note: text(body['note']),
    customer: {
      id: state.nextCustomerId(),
      name: text(customer['name']),
      phone: text(customer['phone']),
      mail_address: text(customer['mail_address']),
    },
    invoice_address: address(body['invoice_address'], state),
    shipment_address: address(body['shipment_address'], state),
    lines: built.map((b) => b.line),
  };
}
