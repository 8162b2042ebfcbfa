/**
 * Shopify payment gateway names → the five payment_method values Sentos accepts
 * (docs/sentos-api.md#order-writes-and-duplicates [V: SFB]). Gateway names are free text ("Kapıda Ödeme", "Cash on
 * Delivery (COD)", "shopify_payments"), so they are folded before matching.
 */
import type { SentosPaymentMethod } from './settings.js';

export interface PaymentMapping {
  method: SentosPaymentMethod;
  /** The gateway name that decided, or undefined when the default was used. */
  gateway?: string;
}

/**
 * Lower-case ASCII words: "KAPIDA ÖDEME" and "Kapıda Ödeme" both become "kapida odeme". Turkish dotted and
 * dotless i are folded by hand first: the default-locale toLowerCase turns "İ" into "i̇" (i + combining dot)
 * and a Turkish-locale one turns "I" into "ı", which would break "IYZICO" (docs/house-style.md#matching-key: never
 * lower-case with
 * a locale). NFD then strips the marks of ş ğ ü ö ç.
 */
export function foldGatewayName(name: string): string {
  return name
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function longestMatch(folded: string, map: Record<string, SentosPaymentMethod>): Array<[string, SentosPaymentMethod]> {
  const padded = ` ${folded} `;
  return Object.entries(map)
    .map(([key, method]) => [foldGatewayName(key), method] as [string, SentosPaymentMethod])
    .filter(([key]) => key !== '' && padded.includes(` ${key} `))
    .sort((a, b) => b[0].length - a[0].length);
}

/**
 * The method for one gateway name, or undefined when no phrase matches. The longest phrase wins
 * ("kapida kredi karti" over "kredi karti"); "on delivery" plus a card phrase anywhere in the name
 * ("Kapıda Ödeme (Kredi Kartı)") is card on delivery, whatever the longest phrase said.
 */
export function paymentMethodForGateway(
  name: string,
  map: Record<string, SentosPaymentMethod>,
): SentosPaymentMethod | undefined {
  const matches = longestMatch(foldGatewayName(name), map);
  const best = matches[0]?.[1];
  if (best === 'KAPIDAODEME/NAKIT' && matches.some(([, method]) => method === 'KREDIKARTI/BANKAKARTI')) {
    return 'KAPIDAODEME/KREDIKARTI';
  }
  return best;
}

/** The first gateway of the order that the map knows decides; else the configured default. */
export function mapPaymentMethod(
  gatewayNames: readonly string[],
  map: Record<string, SentosPaymentMethod>,
  fallback: SentosPaymentMethod,
): PaymentMapping {
  for (const gateway of gatewayNames) {
    const method = paymentMethodForGateway(gateway, map);
    if (method) return { method, gateway };
  }
  return { method: fallback };
}
