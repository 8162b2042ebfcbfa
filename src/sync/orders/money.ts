/**
 * The money model: a Shopify order → what each Sentos line costs and `shipping_total` (README "Money",
 * docs/sentos-api.md#order-money). Shopify's own allocations are the truth and nothing is recalculated from rates:
 *
 * - a line's charge is its original unit price × quantity, minus every discount Shopify allocated to it (line-level
 *   and order-level: `discountAllocations` covers both), plus its tax lines when the shop adds tax on top
 *   (`taxesIncluded` false). Sentos takes unit prices with VAT included, so both kinds of shop give the same form.
 * - allocations and tax cover the original quantity; after refunds or edits the line's share for the units left is
 *   charge × left / quantity, rounded to the minor unit.
 * - a charge that does not divide by its units goes out as two lines of the same SKU: all units but one at the
 *   rounded-down unit price, the last at that price plus the remainder (remainder-to-last), so Σ price × quantity is
 *   the charge exactly.
 * - shipping is each kept shipping line's price after its discounts (and refunds), plus its tax when added on top.
 *
 * Invariant: Σ price × quantity + shipping_total = Shopify's current total (the original total when a closed order is
 * sent at its original quantities) minus what the model excludes: tips, gift cards sold, duties and additional fees,
 * and lines left out under `orders.unknownSku` skip-line.
 * Pure; amounts are integer minor units in the currency `money.source` picks.
 */
import { formatMinor, type Minor } from '../../core/money.js';
import type { MoneyPair, ShopifyLineItem, ShopifyOrder, ShopifyShippingLine } from '../../shopify/types.js';

/** `money.source`: the shop's currency (what Shopify converted at checkout) or the one the customer paid in. */
export type MoneySource = 'shop' | 'presentment';

/** The rounding the invariant allows, in minor units: one kuruş. */
export const MONEY_TOLERANCE: Minor = 1;

export const pick = (pair: MoneyPair, source: MoneySource): Minor => pair[source];

const sum = (values: Minor[]): Minor => values.reduce((total, value) => total + value, 0);

/** What the customer pays for `units` of the line (0 < units ≤ quantity), tax included. */
export function lineCharge(line: ShopifyLineItem, units: number, taxesIncluded: boolean, source: MoneySource): Minor {
  if (line.quantity <= 0 || units <= 0) return 0;
  const gross = pick(line.originalUnitPriceSet, source) * line.quantity;
  const discounts = sum(line.discountAllocations.map((allocation) => pick(allocation.amount, source)));
  const tax = taxesIncluded ? 0 : sum(line.taxLines.map((taxLine) => pick(taxLine.amount, source)));
  const full = Math.max(0, gross - discounts + tax);
  if (units >= line.quantity) return full;
  return Math.round((full * units) / line.quantity);
}

export interface PricedUnits {
  quantity: number;
  price: Minor;
}

/**
 * `amount` over `quantity` units, exact: one row when it divides, else quantity − 1 units at the rounded-down price and
 * the last unit carrying the remainder. 100.00 over 3 → 2 × 33.33 + 1 × 33.34.
 */
export function splitUnits(amount: Minor, quantity: number): PricedUnits[] {
  if (quantity <= 0) return [];
  const unit = Math.floor(amount / quantity);
  const remainder = amount - unit * quantity;
  if (remainder === 0) return [{ quantity, price: unit }];
  return [
    { quantity: quantity - 1, price: unit },
    { quantity: 1, price: unit + remainder },
  ];
}

/**
 * `total` spread over `weights` in proportion, rounded down, the remainder on the last share: the shares add up to
 * `total` exactly. Used where Shopify gives one amount for several things (a shipping line's tax over what is left).
 */
export function spreadRemainderToLast(total: Minor, weights: number[]): Minor[] {
  const weight = sum(weights);
  if (weights.length === 0) return [];
  if (weight <= 0) return weights.map((_, index) => (index === weights.length - 1 ? total : 0));
  const shares = weights.map((w) => Math.floor((total * w) / weight));
  shares[shares.length - 1] = total - sum(shares.slice(0, -1));
  return shares;
}

function shippingLineCharge(line: ShopifyShippingLine, taxesIncluded: boolean, source: MoneySource, original: boolean) {
  const discounted = pick(line.discountedPrice, source);
  const price = original ? discounted : pick(line.currentDiscountedPrice, source);
  if (taxesIncluded || price <= 0) return Math.max(0, price);
  const tax = sum(line.taxLines.map((taxLine) => pick(taxLine.amount, source)));
  // The tax Shopify charged covers the discounted price; after a shipping refund only the kept share is owed.
  const kept = discounted <= 0 || price >= discounted ? tax : Math.round((tax * price) / discounted);
  return price + kept;
}

/** shipping_total: every shipping line not removed, after its discounts (and refunds unless `original`). */
export function shippingCharge(order: ShopifyOrder, source: MoneySource, original = false): Minor {
  return sum(
    order.money.shippingLines
      .filter((line) => !line.isRemoved)
      .map((line) => shippingLineCharge(line, order.money.taxesIncluded, source, original)),
  );
}

/**
 * A tip is recorded as a line with neither SKU nor variant that needs no shipping [I: Shopify's admin shows tips as
 * such a line; totalTipReceivedSet is their sum]. Only taken as a tip when the order has tips at all.
 */
export function isTipLine(line: ShopifyLineItem, order: ShopifyOrder, source: MoneySource): boolean {
  if (line.isGiftCard || line.requiresShipping || line.variantId || line.sku?.trim()) return false;
  return pick(order.money.tips, source) > 0;
}

export interface Exclusion {
  what: 'tips' | 'gift cards' | 'duties and fees' | 'lines left out';
  amount: Minor;
}

export interface MoneyCheck {
  ok: boolean;
  /** Shopify's total the invariant compares with (current, or original for a closed order sent as it was). */
  shopifyTotal: Minor;
  excluded: Exclusion[];
  expected: Minor;
  sent: Minor;
  /** sent − expected. */
  difference: Minor;
}

export interface CheckInput {
  order: ShopifyOrder;
  source: MoneySource;
  /** Σ price × quantity + shipping_total of the payload. */
  sent: Minor;
  /** What the gift-card lines left out would have cost. */
  giftCards: Minor;
  /** What the lines left out under orders.unknownSku skip-line would have cost. */
  skipped: Minor;
  /** The payload carries the original quantities (a closed order, nothing left): compare with the original total. */
  original: boolean;
}

export function checkInvariant(input: CheckInput): MoneyCheck {
  const { order, source } = input;
  const shopifyTotal = pick(input.original ? order.money.total : order.money.currentTotal, source);
  const excluded: Exclusion[] = [
    { what: 'tips' as const, amount: pick(order.money.tips, source) },
    { what: 'gift cards' as const, amount: input.giftCards },
    { what: 'duties and fees' as const, amount: pick(order.money.dutiesAndFees, source) },
    { what: 'lines left out' as const, amount: input.skipped },
  ].filter((exclusion) => exclusion.amount !== 0);
  const expected = shopifyTotal - sum(excluded.map((exclusion) => exclusion.amount));
  const difference = input.sent - expected;
  return {
    ok: Math.abs(difference) <= MONEY_TOLERANCE,
    shopifyTotal,
    excluded,
    expected,
    sent: input.sent,
    difference,
  };
}

/** The failure reason of a broken invariant: both sides, what was excluded, and the difference. */
export function invariantReason(check: MoneyCheck, currency: string): string {
  const amount = (minor: Minor) => `${formatMinor(minor)} ${currency}`;
  const less = check.excluded.map((exclusion) => `${exclusion.what} ${amount(exclusion.amount)}`).join(', ');
  const sign = check.difference > 0 ? '+' : '';
  return (
    `lines and shipping come to ${amount(check.sent)} but Shopify's total is ${amount(check.shopifyTotal)}` +
    `${less ? ` (less ${less}: ${amount(check.expected)})` : ''}, ` +
    `a difference of ${sign}${formatMinor(check.difference)}` +
    ` ${currency}; check the order's refunds and adjustments in Shopify (an amount refunded without a line or` +
    ` shipping is not a price Sentos can show), then rerun`
  );
}
