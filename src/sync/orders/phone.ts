/**
 * Phone numbers as Sentos writers send them: digits only, country code first ("905321112233";
 * docs/sentos-api.md#order-writes-and-duplicates [V: SFB, SCX both normalise to 11–13 digits]).
 */

/** E.164: at most 15 digits, country code included; the shortest numbers in use have 8. */
const MAX_DIGITS = 15;
const MIN_INTERNATIONAL_DIGITS = 8;
/** A Turkish national number has 10 digits after the trunk 0. */
const NATIONAL_DIGITS = 10;

/**
 * "+90 532 111 22 33", "0532 111 22 33", "0(532) 111 22 33", "5321112233" and "905321112233" all become
 * "905321112233". A number written internationally ("+49 …", "0049 …") keeps its own country code. National
 * forms (trunk 0 + 10 digits, or 10 bare digits) get `defaultCountryCode`. Returns undefined for text that
 * cannot be a phone number (too short or too long), so the caller leaves the field out instead of sending junk.
 */
export function normalizePhone(raw: string | undefined, defaultCountryCode = '90'): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const digits = text.replace(/\D/g, '');
  if (digits === '') return undefined;
  if (text.startsWith('+')) return international(dropTrunkZero(digits, defaultCountryCode));
  if (digits.startsWith('00')) return international(dropTrunkZero(digits.slice(2), defaultCountryCode));
  if (digits.length === NATIONAL_DIGITS + 1 && digits.startsWith('0')) return defaultCountryCode + digits.slice(1);
  if (digits.length === NATIONAL_DIGITS && !digits.startsWith('0')) return defaultCountryCode + digits;
  // Neither national nor marked international: digits that already start with a country code ("90532…").
  return digits.length > NATIONAL_DIGITS && !digits.startsWith('0') ? international(digits) : undefined;
}

/** "+90 (0532) …": a trunk 0 written after the country code is not dialled. */
function dropTrunkZero(digits: string, countryCode: string): string {
  const trunk = `${countryCode}0`;
  return digits.startsWith(trunk) && digits.length === trunk.length + NATIONAL_DIGITS
    ? countryCode + digits.slice(trunk.length)
    : digits;
}

function international(digits: string): string | undefined {
  return digits.length >= MIN_INTERNATIONAL_DIGITS && digits.length <= MAX_DIGITS ? digits : undefined;
}
