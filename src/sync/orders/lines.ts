/**
 * Shopify line items → Sentos order lines (docs/sentos-api.md#order-writes-and-duplicates). The SKU is the only link to
 * a Sentos product (docs/house-style.md#matching-key: byte-equal after trim, never case-folded), so a line without
 * one, or with one Sentos
 * does not know, cannot be sent as it is.
 */
import type { SentosOrderLinePayload } from '../../sentos/types.js';
import type { ShopifyLineItem, ShopifyOrder } from '../../shopify/types.js';
import { formatMinor, minorToNumber, type Minor } from '../../core/money.js';
import { isTipLine, lineCharge, splitUnits } from './money.js';
import type { OrderSyncSettings } from './settings.js';

/** The Sentos SKU index: SKU → Sentos product id when known. Undefined means "not loaded: don't check". */
export type KnownSkus = ReadonlyMap<string, { productId?: string }>;

export interface LinesContext {
  settings: OrderSyncSettings;
  knownSkus?: KnownSkus;
  /** The order is cancelled/refunded/voided: its lines are recorded even when nothing remains. */
  closed: boolean;
  /** Line item id → the warehouse of the location that ships it (docs/architecture.md#location-to-warehouse). */
  lineWarehouses?: ReadonlyMap<string, number>;
}

export type LinesResult =
  | {
      ok: true;
      lines: SentosOrderLinePayload[];
      warnings: string[];
      /** The original quantities went out (a closed order, nothing left): the money check takes the original total. */
      original: boolean;
      /** What the gift-card lines left out cost (excluded from the money invariant). */
      giftCards: Minor;
      /** What the lines left out under orders.unknownSku skip-line cost (excluded as well). */
      skipped: Minor;
    }
  | { ok: false; reasons: string[] };

export function lineName(line: ShopifyLineItem): string {
  const variant = line.variantTitle?.trim();
  return variant ? `${line.title} - ${variant}` : line.title;
}

/** Sum of the line's tax rates (KDV plus any other tax), rounded to a whole percent as Sentos stores it. */
export function vatRateOf(line: ShopifyLineItem, defaultVatRate: number): { rate: number; defaulted: boolean } {
  if (line.taxLines.length === 0) return { rate: defaultVatRate, defaulted: true };
  const sum = line.taxLines.reduce((total, tax) => total + tax.ratePercentage, 0);
  return { rate: Math.round(sum), defaulted: false };
}

/**
 * Quantities are `currentQuantity` (after edits and refunds); lines at 0 are left out. When no line remains and the
 * order is closed, the original quantities go out instead: Sentos must still receive the order so the cancellation is
 * on record and a later lookup finds it (an order without lines is not a valid body,
 * docs/sentos-api.md#order-writes-and-duplicates), and status 6 tells Sentos no stock is owed. An open order with
 * nothing left is a contradiction: it fails.
 */
function linesToSend(order: ShopifyOrder, closed: boolean): { lines: ShopifyLineItem[]; original: boolean } {
  const open = order.lineItems.filter((line) => line.currentQuantity > 0);
  if (open.length > 0 || !closed) return { lines: open, original: false };
  return { lines: order.lineItems.filter((line) => line.quantity > 0), original: true };
}

export function mapLines(order: ShopifyOrder, ctx: LinesContext): LinesResult {
  const source = ctx.settings.moneySource;
  const { lines, original } = linesToSend(order, ctx.closed);
  if (lines.length === 0) {
    return { ok: false, reasons: [noLinesReason(order)] };
  }
  const reasons: string[] = [];
  const warnings: string[] = [];
  const out: SentosOrderLinePayload[] = [];
  let defaultedVat = 0;
  let giftCards = 0;
  let skipped = 0;
  for (const line of lines) {
    const label = `${order.name}: line ${order.lineItems.indexOf(line) + 1} "${lineName(line)}"`;
    const units = original ? line.quantity : line.currentQuantity;
    // Tips and gift cards are money, not goods: Sentos has no field for them (README "Money").
    if (isTipLine(line, order, source)) continue;
    if (line.isGiftCard) {
      const charge = lineCharge(line, units, order.money.taxesIncluded, source);
      giftCards += charge;
      warnings.push(
        `${label} is a gift card (${formatMinor(charge)}): left out, Sentos stocks goods; the card shows as the ` +
          'payment of the order that spends it',
      );
      continue;
    }
    const sku = line.sku?.trim() ?? '';
    if (sku === '') {
      reasons.push(`${label} has no SKU: give the Shopify variant the SKU it has in Sentos, then rerun`);
      continue;
    }
    if (ctx.knownSkus && !ctx.knownSkus.has(sku)) {
      const problem = `${label} has SKU "${sku}", which Sentos does not know`;
      if (ctx.settings.unknownSkuPolicy === 'fail') {
        reasons.push(
          `${problem}: create it in Sentos or correct the SKU in Shopify, then rerun ` +
            '(or set orders.unknownSku to skip-line)',
        );
      } else {
        warnings.push(`${problem}: line left out (orders.unknownSku skip-line)`);
        skipped += lineCharge(line, units, order.money.taxesIncluded, source);
      }
      continue;
    }
    const vat = vatRateOf(line, ctx.settings.defaultVatRate);
    if (vat.defaulted) defaultedVat += 1;
    const charge = lineCharge(line, units, order.money.taxesIncluded, source);
    for (const part of splitUnits(charge, units)) out.push(buildLine(line, sku, part, vat.rate, ctx));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  if (out.length === 0)
    return {
      ok: false,
      reasons: [`${order.name}: every line was left out (unknown SKUs), so there is nothing to send`],
    };
  if (original)
    warnings.push(
      `${order.name}: no line has a quantity left; sent the original quantities so Sentos records the cancellation`,
    );
  if (defaultedVat > 0)
    warnings.push(
      `${order.name}: ${defaultedVat} line(s) have no tax lines in Shopify; sent the default VAT ` +
        `${ctx.settings.defaultVatRate} %`,
    );
  return { ok: true, lines: out, warnings, original, giftCards, skipped };
}

/** One Sentos line: `part` is a share of the Shopify line's units at one unit price (money.ts splitUnits). */
function buildLine(
  line: ShopifyLineItem,
  sku: string,
  part: { quantity: number; price: Minor },
  vatRate: number,
  ctx: LinesContext,
): SentosOrderLinePayload {
  const payload: SentosOrderLinePayload = {
    sku,
    name: lineName(line),
    quantity: part.quantity,
    // What the customer paid per unit after every discount, VAT included as Sentos expects
    // (docs/sentos-api.md#order-money).
    price: minorToNumber(part.price),
    vat_rate: vatRate,
  };
  const warehouseId = ctx.lineWarehouses?.get(line.id) ?? ctx.settings.warehouseId;
  if (warehouseId !== undefined) payload.warehouse_id = warehouseId;
  const productId = ctx.knownSkus?.get(sku)?.productId;
  // product_id is a number on the wire (docs/sentos-api.md#order-writes-and-duplicates); a non-numeric id is left out
  // rather than guessed.
  if (productId !== undefined && /^\d+$/.test(productId)) payload.product_id = Number(productId);
  return payload;
}

function noLinesReason(order: ShopifyOrder): string {
  if (order.lineItems.length === 0) return `${order.name}: the order has no line items; nothing to send`;
  return (
    `${order.name}: no line has a quantity left (all removed or refunded) but the order is neither ` +
    `cancelled nor refunded; check it in Shopify`
  );
}
