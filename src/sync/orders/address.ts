/**
 * Shopify MailingAddress → Sentos address (docs/sentos-api.md#order-writes-and-duplicates [V: SFB, SCX]: `city` = il
 * (province),
 * `district` = ilçe). Shopify's Turkish address form puts the il in `province` (required for TR) and the
 * ilçe in `city`, so city ← province and district ← city. Without a province (most foreign addresses) the
 * city stays the city and no district is sent rather than repeating it.
 */
import type { SentosAddressPayload } from '../../sentos/types.js';
import type { ShopifyMailingAddress } from '../../shopify/types.js';
import { normalizePhone } from './phone.js';

/** "Ayşe" + "Yılmaz", else the address's own name; trimmed, inner spacing collapsed, characters untouched. */
export function personName(first?: string, last?: string, fallback?: string): string | undefined {
  const joined = [first, last]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  const name = joined !== '' ? joined : fallback?.trim();
  return name ? name.replace(/\s+/g, ' ') : undefined;
}

export function addressLine(address: ShopifyMailingAddress): string {
  return [address.address1, address.address2]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/** Undefined keys are left out: Sentos writers drop empty keys (SFB) and the hash must not see them. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function mapAddress(
  address: ShopifyMailingAddress,
  fallbackName: string,
  phoneCountryCode: string,
): SentosAddressPayload {
  const province = address.province?.trim() || undefined;
  const city = address.city?.trim() || undefined;
  return compact({
    name: personName(address.firstName, address.lastName, address.name) ?? fallbackName,
    phone: normalizePhone(address.phone, phoneCountryCode),
    address: addressLine(address),
    country: address.country?.trim() || undefined,
    city: province ?? city,
    district: province ? city : undefined,
    zipCode: address.zip?.trim() || undefined,
  });
}
