/**
 * Sentos's cargo company → the `company` of Shopify's tracking info (docs/shopify-api.md#tracking-companies). Shopify
 * builds the tracking link itself for the carriers on its list, and only when the name is written exactly as listed
 * (capitalisation matters); any other name is shown as given, clickable only through the URL we send. So a carrier on
 * the list goes out under Shopify's spelling, the Turkish domestic carriers (not on the list as far as we could read
 * it [I]) under their usual names, and anything else exactly as Sentos has it, with Sentos's tracking link.
 */
import { foldGatewayName } from './payment.js';

export interface ShopifyCarrier {
  company: string;
  /** On Shopify's list of supported tracking companies: Shopify builds the tracking URL when we send none. */
  known: boolean;
}

/** Folded phrase (foldGatewayName) → carrier; the longest phrase found as whole words in the name wins. */
const CARRIERS: ReadonlyArray<readonly [phrase: string, company: string, known: boolean]> = [
  // On Shopify's list [V: shopify.dev FulfillmentTrackingInfo, supported tracking companies].
  ['dhl ecommerce', 'DHL eCommerce', true],
  ['dhl', 'DHL Express', true],
  ['fedex', 'FedEx', true],
  ['dpd', 'DPD', true],
  // On Shopify's list as far as we know [I: the parts of the list we could read stop before U and T].
  ['ups', 'UPS', true],
  ['tnt', 'TNT', true],
  ['aramex', 'Aramex', true],
  // Turkish domestic carriers: shown under their usual names, with Sentos's link [I].
  ['yurtici', 'Yurtiçi Kargo', false],
  ['aras', 'Aras Kargo', false],
  ['mng', 'MNG Kargo', false],
  ['dhl mng', 'MNG Kargo', false],
  ['ptt', 'PTT Kargo', false],
  ['surat', 'Sürat Kargo', false],
  ['hepsijet', 'HepsiJET', false],
  ['trendyol express', 'Trendyol Express', false],
  ['kolay gelsin', 'Kolay Gelsin', false],
  ['horoz', 'Horoz Lojistik', false],
  ['sendeo', 'Sendeo', false],
];

/** Undefined for an empty name: the fulfilment then carries the number (and link) alone. */
export function shopifyCarrier(sentosCompany: string | undefined): ShopifyCarrier | undefined {
  const given = sentosCompany?.trim();
  if (!given) return undefined;
  const padded = ` ${foldGatewayName(given)} `;
  const hit = CARRIERS.filter(([phrase]) => padded.includes(` ${phrase} `)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  return hit ? { company: hit[1], known: hit[2] } : { company: given, known: false };
}
