/**
 * Orders another channel put into Sentos (Trendyol, N11, a shop till), for scenarios where they meet ours:
 * marketplaces number their orders independently, so one can carry the same order_code as a Shopify order
 * (docs/sentos-api.md#orders). Stored in the read-side shape the routes serve, like a POSTed one.
 */
import { formatIstanbul } from './istanbul-time.js';
import type { SentosState } from './state.js';
import type { WireOrder } from './wire-types.js';

export interface MarketplaceOrderSeed {
  orderCode: string | number;
  /** The channel's own order id; default: "<SOURCE>-<code>". */
  orderId?: string | number;
  source?: string;
  status?: number;
  sku?: string;
  nowMs?: number;
}

export function addMarketplaceOrder(state: SentosState, seed: MarketplaceOrderSeed): WireOrder {
  const source = seed.source ?? 'Trendyol';
  const stamp = formatIstanbul(seed.nowMs ?? Date.now());
  const order: WireOrder = {
    id: state.nextOrderId(),
    order_id: seed.orderId ?? `${source.toUpperCase()}-${seed.orderCode}`,
    order_code: seed.orderCode,
    package_code: '',
    status: seed.status ?? 2,
    source,
    shop: source,
    channel_id: null,
    order_type: '',
    order_date: stamp,
    created_at: stamp,
    updated_at: stamp,
    total: '0.00',
    shipping_total: '0.00',
    currency: 'TL',
    cargo_provider: '',
    cargo_number: '',
    tracking_info: { cargo_company: '', tracking_number: '', tracking_link: '' },
    has_invoice: 'no',
    invoice_number: '',
    invoice_url: '',
    payment_method: 'KREDIKARTI/BANKAKARTI',
    payment_status: '',
    note: '',
    customer: { id: state.nextCustomerId(), name: `${source} müşterisi`, phone: '', mail_address: '' },
    invoice_address: [],
    shipment_address: [],
    lines: [],
  };
  state.orders.push(order);
  return order;
}
