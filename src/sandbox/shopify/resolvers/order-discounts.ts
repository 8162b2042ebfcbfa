import type { OrderRecord, ShippingLineRecord } from '../state/types.js';
import { bagOf, lineMoney, shippingMoney, type Currency } from './order-money.js';

/**
 * DiscountAllocation lists (docs/shopify-api.md#order-money): a line's own discount (a manual discount, allocated
 * EACH, targetSelection EXPLICIT), its share of an order-level discount code (ACROSS, targetSelection ALL) and a
 * shipping line's discount code (SHIPPING_LINE, ENTITLED). Amounts cover the original quantity, as Shopify's do.
 */
function application(kind: 'line' | 'order' | 'shipping', index: number) {
  if (kind === 'line')
    return {
      __typename: 'ManualDiscountApplication',
      title: 'İndirim',
      description: null,
      index,
      allocationMethod: 'EACH',
      targetSelection: 'EXPLICIT',
      targetType: 'LINE_ITEM',
      value: { __typename: 'PricingPercentageValue', percentage: 10 },
    };
  return {
    __typename: 'DiscountCodeApplication',
    code: kind === 'order' ? 'SEPET10' : 'KARGOBEDAVA',
    index,
    allocationMethod: kind === 'order' ? 'ACROSS' : 'EACH',
    targetSelection: kind === 'order' ? 'ALL' : 'ENTITLED',
    targetType: kind === 'order' ? 'LINE_ITEM' : 'SHIPPING_LINE',
    value: { __typename: 'PricingPercentageValue', percentage: 100 },
  };
}

export function lineDiscountAllocations(order: OrderRecord, index: number) {
  const line = order.lines[index];
  if (!line) return [];
  const amount = (pick: 'lineDiscount' | 'orderDiscount') => (currency: Currency) =>
    lineMoney(order, index, currency)[pick];
  const out = [];
  if (line.discountPerUnitMinor > 0)
    out.push({ allocatedAmountSet: bagOf(order, amount('lineDiscount')), discountApplication: application('line', 0) });
  if ((line.orderDiscountMinor ?? 0) > 0)
    out.push({
      allocatedAmountSet: bagOf(order, amount('orderDiscount')),
      discountApplication: application('order', 1),
    });
  return out;
}

export function shippingDiscountAllocations(order: OrderRecord, line: ShippingLineRecord) {
  if ((line.discountMinor ?? 0) <= 0) return [];
  return [
    {
      allocatedAmountSet: bagOf(order, (currency) => shippingMoney(order, line, currency).discount),
      discountApplication: application('shipping', 2),
    },
  ];
}
