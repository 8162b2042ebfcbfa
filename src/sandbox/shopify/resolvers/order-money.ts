import { formatDecimal } from '../decimal.js';
import type { OrderLineRecord, OrderRecord } from '../state/types.js';

/**
 * Order amounts, computed from the stored lines (docs/shopify-api.md#orders). Turkish prices include KDV
 * (taxesIncluded: true), so tax = gross × rate / (1 + rate), rounded per line to the kuruş. MoneyBags carry the shop
 * currency (TRY) and the presentment currency the customer paid in.
 */
export interface MoneyBag {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
}

export function bag(order: OrderRecord, minor: number): MoneyBag {
  return {
    shopMoney: { amount: formatDecimal(minor), currencyCode: order.currencyCode },
    presentmentMoney: {
      amount: formatDecimal(Math.round(minor * order.presentmentRate)),
      currencyCode: order.presentmentCurrencyCode,
    },
  };
}

export function includedTax(grossMinor: number, rate: number): number {
  return Math.round((grossMinor * rate) / (1 + rate));
}

export function refundedQuantity(order: OrderRecord, lineIndex: number): number {
  return order.refunds
    .flatMap((refund) => refund.lines)
    .filter((line) => line.lineIndex === lineIndex)
    .reduce((sum, line) => sum + line.quantity, 0);
}

export function currentQuantity(order: OrderRecord, lineIndex: number): number {
  const line = order.lines[lineIndex];
  if (!line || order.cancelledAt) return 0;
  return Math.max(0, line.quantity - refundedQuantity(order, lineIndex));
}

export function discountedUnit(line: OrderLineRecord): number {
  return line.unitPriceMinor - line.discountPerUnitMinor;
}

export interface TaxLineOut {
  title: string;
  rate: number;
  ratePercentage: number;
  priceSet: MoneyBag;
  channelLiable: boolean;
  source: string;
}

export function taxLine(order: OrderRecord, rate: number, amountMinor: number): TaxLineOut {
  return {
    title: 'KDV',
    rate,
    ratePercentage: Math.round(rate * 10_000) / 100,
    priceSet: bag(order, amountMinor),
    channelLiable: false,
    source: 'Shopify',
  };
}

/** Order-level tax lines: line and shipping taxes grouped by rate. */
export function orderTaxLines(order: OrderRecord, current: boolean): TaxLineOut[] {
  const byRate = new Map<number, number>();
  order.lines.forEach((line, index) => {
    const quantity = current ? currentQuantity(order, index) : line.quantity;
    byRate.set(
      line.vatRate,
      (byRate.get(line.vatRate) ?? 0) + includedTax(discountedUnit(line) * quantity, line.vatRate),
    );
  });
  for (const shipping of order.shippingLines) {
    if (current && order.cancelledAt) continue;
    byRate.set(
      shipping.vatRate,
      (byRate.get(shipping.vatRate) ?? 0) + includedTax(shipping.priceMinor, shipping.vatRate),
    );
  }
  return [...byRate.entries()].sort(([a], [b]) => a - b).map(([rate, amount]) => taxLine(order, rate, amount));
}

export interface OrderTotals {
  subtotal: number;
  totalDiscounts: number;
  shipping: number;
  totalTax: number;
  total: number;
  refunded: number;
  currentSubtotal: number;
  currentTotal: number;
  currentTax: number;
}

export function orderTotals(order: OrderRecord): OrderTotals {
  const subtotal = order.lines.reduce((sum, line) => sum + discountedUnit(line) * line.quantity, 0);
  const totalDiscounts = order.lines.reduce((sum, line) => sum + line.discountPerUnitMinor * line.quantity, 0);
  const shipping = order.shippingLines.reduce((sum, line) => sum + line.priceMinor, 0);
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const currentSubtotal = order.lines.reduce(
    (sum, line, index) => sum + discountedUnit(line) * currentQuantity(order, index),
    0,
  );
  const sumTax = (lines: TaxLineOut[]) =>
    lines.reduce((sum, line) => sum + Math.round(Number(line.priceSet.shopMoney.amount) * 100), 0);
  return {
    subtotal,
    totalDiscounts,
    shipping,
    totalTax: sumTax(orderTaxLines(order, false)),
    total: subtotal + shipping,
    refunded,
    currentSubtotal,
    currentTotal: Math.max(0, subtotal + shipping - refunded),
    currentTax: sumTax(orderTaxLines(order, true)),
  };
}
