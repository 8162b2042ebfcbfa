import type { ShopifyStore } from './store.js';
import type { AddressRecord, OrderRecord } from './types.js';

/**
 * An order changed after checkout, as a merchant changes it in the admin (docs/shopify-api.md#order-money): an order
 * edit adds lines or removes units, a refund takes units back, the shipping address is corrected, and 2026-10
 * recalculates the taxes of an unfulfilled order when its address changes (here: a new KDV rate on every line).
 */
export interface OrderEdit {
  note?: string | null;
  addLines?: Array<{ sku: string; quantity: number; unitPriceMinor: number; title?: string; vatRate?: number }>;
  /** Units of a line taken off by an order edit (not refunded: the customer had not paid for them yet). */
  removeUnits?: Array<{ lineIndex: number; quantity: number }>;
  /** A refund of these units at their price after discounts. */
  refundLines?: Array<{ lineIndex: number; quantity: number }>;
  shippingAddress?: Partial<Omit<AddressRecord, 'id'>>;
  /** Taxes recalculated: every line's and shipping line's KDV rate. */
  vatRate?: number;
}

export function applyOrderEdit(store: ShopifyStore, order: OrderRecord, edit: OrderEdit): void {
  const now = store.now();
  if (edit.note !== undefined) order.note = edit.note;
  for (const line of edit.addLines ?? []) {
    const variant = store.variantsBySku(line.sku)[0];
    order.lines.push({
      id: store.newId('LineItem').id,
      sku: line.sku,
      variantId: variant?.id,
      title: line.title ?? store.productById(variant?.productId ?? '')?.title ?? line.sku,
      variantTitle: null,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      discountPerUnitMinor: 0,
      vatRate: line.vatRate ?? 0.2,
    });
  }
  for (const { lineIndex, quantity } of edit.removeUnits ?? []) {
    const line = order.lines[lineIndex];
    if (line) line.removedQuantity = (line.removedQuantity ?? 0) + quantity;
  }
  if (edit.refundLines?.length) {
    const amountMinor = edit.refundLines.reduce((sum, { lineIndex, quantity }) => {
      const line = order.lines[lineIndex];
      return line ? sum + (line.unitPriceMinor - line.discountPerUnitMinor) * quantity : sum;
    }, 0);
    order.refunds.push({
      ...store.newId('Refund'),
      createdAt: now,
      note: 'İade',
      amountMinor,
      lines: edit.refundLines,
    });
    order.financialStatus = 'PARTIALLY_REFUNDED';
  }
  if (edit.shippingAddress) Object.assign(order.shippingAddress, edit.shippingAddress);
  if (edit.vatRate !== undefined) {
    for (const line of [...order.lines, ...order.shippingLines]) line.vatRate = edit.vatRate;
  }
  order.updatedAt = now;
}
