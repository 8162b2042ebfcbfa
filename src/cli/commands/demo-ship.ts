import type { Sandbox } from '../../sandbox/server.js';

/**
 * The demo's shipping step: a person in the Sentos panel marks one of the pushed orders shipped with a cargo company
 * and tracking number (the sandbox's markShipped), and the next `orders` run fulfils it in Shopify
 * (docs/architecture.md#fulfilment-back-to-shopify). The sandbox's own records are the evidence.
 */
export interface DemoShipment {
  orderName: string;
  legacyId: number;
  trackingNumber: string;
}

export function shipOnePushedOrder(sandbox: Sandbox): DemoShipment | undefined {
  const pushed = new Set(sandbox.sentos.state.orders.filter((o) => o.status < 5).map((o) => String(o.order_id)));
  const order = sandbox.shopify.state.orders.find(
    (o) => pushed.has(String(o.legacyId)) && !o.cancelledAt && o.fulfillments.length === 0,
  );
  if (!order) return undefined;
  const trackingNumber = `70${String(order.legacyId).slice(-8).padStart(8, '0')}`;
  sandbox.sentos.markShipped({
    orderId: order.legacyId,
    cargoCompany: 'Yurtiçi Kargo',
    trackingNumber,
    trackingLink: `https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=${trackingNumber}`,
  });
  return { orderName: order.name, legacyId: order.legacyId, trackingNumber };
}

export function judgeShipment(sandbox: Sandbox, shipped: DemoShipment | undefined): { ok: boolean; note: string } {
  if (!shipped) return { ok: false, note: 'no pushed order was left to ship' };
  const order = sandbox.shopify.state.orders.find((o) => o.legacyId === shipped.legacyId);
  const ours = order?.fulfillments.filter((f) => f.trackingNumber === shipped.trackingNumber) ?? [];
  return ours.length === 1
    ? { ok: true, note: `${shipped.orderName} is fulfilled in Shopify once, with tracking ${shipped.trackingNumber}` }
    : {
        ok: false,
        note: `${shipped.orderName} has ${ours.length} fulfilments with tracking ${shipped.trackingNumber}`,
      };
}
