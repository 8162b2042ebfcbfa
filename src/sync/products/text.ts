/**
 * Text helpers that must be locale-safe. docs/house-style.md#matching-key: never lower-case with the default locale
 * (Turkish İ/ı), and never
 * lower-case a SKU at all: SKUs are case-sensitive in Shopify (docs/shopify-api.md#pitfalls).
 */

/** The matching key of a SKU: byte-equal after trim (docs/house-style.md#matching-key). */
export function skuKey(sku: string | undefined): string {
  return (sku ?? '').trim();
}

const TURKISH_TO_ASCII: Record<string, string> = {
  ç: 'c',
  Ç: 'c',
  ğ: 'g',
  Ğ: 'g',
  ı: 'i',
  I: 'i',
  İ: 'i',
  ö: 'o',
  Ö: 'o',
  ş: 's',
  Ş: 's',
  ü: 'u',
  Ü: 'u',
};

/**
 * An ASCII handle slug. Turkish letters are mapped first (İ→i, ı→i, ş→s…), other accents dropped, then
 * A–Z lowered by code point: no locale lower-casing can turn "I" into "ı" or "İ" into "i̇".
 */
export function slugify(text: string): string {
  const mapped = text.replace(/[çÇğĞıIİöÖşŞüÜ]/g, (c) => TURKISH_TO_ASCII[c] ?? c);
  const ascii = mapped.normalize('NFKD').replace(/\p{M}/gu, '');
  const lower = ascii.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  return lower
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}

/** Display text compared loosely (title look-alikes only): Turkish lower case, collapsed spaces. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFC').toLocaleLowerCase('tr').replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain Sentos `description` → HTML: blank lines split paragraphs, single newlines become <br>. */
export function plainTextToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeHtml(para).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
