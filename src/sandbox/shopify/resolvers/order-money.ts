import { formatDecimal } from '../decimal.js';
import type { OrderLineRecord, OrderRecord, ShippingLineRecord } from '../state/types.js';

/**
 * Order amounts, computed from the stored lines as Shopify reports them (docs/shopify-api.md#order-money):
 * - a line's discounts are its own (discountPerUnitMinor, allocated EACH) and its share of an order-level discount
 *   (orderDiscountMinor, allocated ACROSS), both over the original quantity;
 * - `taxesIncluded` (Turkish shops: KDV in the price): tax = net × rate / (1 + rate); otherwise tax = net × rate on
 *   top; rounded per line to the minor unit;
 * - current amounts leave out refunded and removed units: the line's charge less the removed units' share;
 * - shipping is its price less its discount, its tax computed the same way.
 * Every amount is computed in each currency from that currency's inputs (prices converted at `presentmentRate`
 * first), so both currencies add up [I: how Shopify rounds a converted order is not documented; this keeps the
 * presentment side, what the customer paid, consistent].
 */
export type Currency = 'shop' | 'presentment';

export interface MoneyBag {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
}

function convert(order: OrderRecord, minor: number, currency: Currency): number {
  return currency === 'shop' ? minor : Math.round(minor * order.presentmentRate);
}

/** An amount computed per currency. */
export function bagOf(order: OrderRecord, amount: (currency: Currency) => number): MoneyBag {
  return {
    shopMoney: { amount: formatDecimal(amount('shop')), currencyCode: order.currencyCode },
    presentmentMoney: { amount: formatDecimal(amount('presentment')), currencyCode: order.presentmentCurrencyCode },
  };
}

/** A shop-currency amount, converted once for the presentment side. */
export function bag(order: OrderRecord, minor: number): MoneyBag {
  return bagOf(order, (currency) => convert(order, minor, currency));
}

export function includedTax(grossMinor: number, rate: number): number {
  return Math.round((grossMinor * rate) / (1 + rate));
}

function taxOf(order: OrderRecord, net: number, rate: number): number {
  return order.taxesIncluded ? includedTax(net, rate) : Math.round(net * rate);
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
  return Math.max(0, line.quantity - refundedQuantity(order, lineIndex) - (line.removedQuantity ?? 0));
}

export function discountedUnit(line: OrderLineRecord): number {
  return line.unitPriceMinor - line.discountPerUnitMinor;
}

export interface LineMoney {
  unit: number;
  lineDiscount: number;
  orderDiscount: number;
  /** After every discount; tax included when taxesIncluded. */
  net: number;
  tax: number;
  /** What the customer pays for the whole original quantity. */
  charged: number;
  currentCharged: number;
  currentTax: number;
}

export function lineMoney(order: OrderRecord, index: number, currency: Currency): LineMoney {
  const line = order.lines[index] as OrderLineRecord;
  const q = line.quantity;
  const unit = convert(order, line.unitPriceMinor, currency);
  const lineDiscount = convert(order, line.discountPerUnitMinor, currency) * q;
  const orderDiscount = convert(order, line.orderDiscountMinor ?? 0, currency);
  const net = unit * q - lineDiscount - orderDiscount;
  const tax = taxOf(order, net, line.vatRate);
  const charged = order.taxesIncluded ? net : net + tax;
  const gone = q - currentQuantity(order, index);
  const share = (amount: number) => (gone === 0 ? amount : amount - Math.round((amount * gone) / q));
  return {
    unit,
    lineDiscount,
    orderDiscount,
    net,
    tax,
    charged,
    currentCharged: share(charged),
    currentTax: share(tax),
  };
}

export interface ShippingMoney {
  price: number;
  discount: number;
  discounted: number;
  current: number;
  tax: number;
  currentTax: number;
}

export function shippingMoney(order: OrderRecord, line: ShippingLineRecord, currency: Currency): ShippingMoney {
  const price = convert(order, line.priceMinor, currency);
  const discount = convert(order, line.discountMinor ?? 0, currency);
  const discounted = price - discount;
  const tax = taxOf(order, discounted, line.vatRate);
  const current = order.cancelledAt ? 0 : discounted;
  return { price, discount, discounted, current, tax, currentTax: order.cancelledAt ? 0 : tax };
}

export interface TaxLineOut {
  title: string;
  rate: number;
  ratePercentage: number;
  priceSet: MoneyBag;
  channelLiable: boolean;
  source: string;
}

export function taxLine(order: OrderRecord, rate: number, amount: (currency: Currency) => number): TaxLineOut {
  return {
    title: 'KDV',
    rate,
    ratePercentage: Math.round(rate * 10_000) / 100,
    priceSet: bagOf(order, amount),
    channelLiable: false,
    source: 'Shopify',
  };
}

/** Order-level tax lines: line and shipping taxes grouped by rate. */
export function orderTaxLines(order: OrderRecord, current: boolean): TaxLineOut[] {
  const rates = new Set([...order.lines, ...order.shippingLines].map((line) => line.vatRate));
  const amount = (rate: number) => (currency: Currency) => {
    const lines = order.lines.map((line, index) => {
      if (line.vatRate !== rate) return 0;
      const money = lineMoney(order, index, currency);
      return current ? money.currentTax : money.tax;
    });
    const shipping = order.shippingLines.map((line) => {
      if (line.vatRate !== rate) return 0;
      const money = shippingMoney(order, line, currency);
      return current ? money.currentTax : money.tax;
    });
    return [...lines, ...shipping].reduce((sum, value) => sum + value, 0);
  };
  return [...rates].sort((a, b) => a - b).map((rate) => taxLine(order, rate, amount(rate)));
}

export interface OrderTotals {
  subtotal: number;
  currentSubtotal: number;
  totalDiscounts: number;
  shipping: number;
  currentShipping: number;
  totalTax: number;
  currentTax: number;
  tips: number;
  total: number;
  currentTotal: number;
  refunded: number;
}

export function orderTotals(order: OrderRecord, currency: Currency = 'shop'): OrderTotals {
  const lines = order.lines.map((_line, index) => lineMoney(order, index, currency));
  const shipping = order.shippingLines.map((line) => shippingMoney(order, line, currency));
  const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);
  const onTop = order.taxesIncluded ? 0 : 1;
  const goods = lines.filter((_money, index) => !order.lines[index]?.tip);
  return {
    subtotal: sum(goods, (m) => m.net),
    currentSubtotal: sum(goods, (m) => m.currentCharged - onTop * m.currentTax),
    totalDiscounts: sum(lines, (m) => m.lineDiscount + m.orderDiscount) + sum(shipping, (m) => m.discount),
    shipping: sum(shipping, (m) => m.discounted),
    currentShipping: sum(shipping, (m) => m.current),
    totalTax: sum(lines, (m) => m.tax) + sum(shipping, (m) => m.tax),
    currentTax: sum(lines, (m) => m.currentTax) + sum(shipping, (m) => m.currentTax),
    tips: sum(
      lines.filter((_money, index) => order.lines[index]?.tip),
      (m) => m.charged,
    ),
    total: sum(lines, (m) => m.charged) + sum(shipping, (m) => m.discounted + onTop * m.tax),
    currentTotal: sum(lines, (m) => m.currentCharged) + sum(shipping, (m) => m.current + onTop * m.currentTax),
    refunded: convert(
      order,
      order.refunds.reduce((total, refund) => total + refund.amountMinor, 0),
      currency,
    ),
  };
}

/** A total as a MoneyBag, each currency computed on its own. */
export function totalBag(order: OrderRecord, pick: (totals: OrderTotals) => number): MoneyBag {
  return bagOf(order, (currency) => pick(orderTotals(order, currency)));
}
