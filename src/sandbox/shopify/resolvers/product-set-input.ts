/** The parts of productSet's coerced arguments the sandbox reads (docs/shopify-api.md#productset). */
export interface OptionValueInput {
  id?: string | null;
  name?: string | null;
}
export interface OptionInput {
  id?: string | null;
  name?: string | null;
  position?: number | null;
  values?: OptionValueInput[] | null;
}
export interface VariantOptionValueInput {
  optionId?: string | null;
  optionName?: string | null;
  id?: string | null;
  name?: string | null;
}
export interface MetafieldInput {
  id?: string | null;
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
}
export interface FileInput {
  id?: string | null;
  originalSource?: string | null;
  alt?: string | null;
  contentType?: string | null;
}

export interface VariantInput {
  id?: string | null;
  optionValues: VariantOptionValueInput[];
  sku?: string | null;
  barcode?: string | null;
  price?: string | null;
  compareAtPrice?: string | null;
  position?: number | null;
  inventoryPolicy?: 'DENY' | 'CONTINUE' | null;
  taxable?: boolean | null;
  inventoryItem?: {
    sku?: string | null;
    tracked?: boolean | null;
    requiresShipping?: boolean | null;
    cost?: string | null;
  } | null;
  inventoryQuantities?: Array<{ locationId: string; name: string; quantity: number }> | null;
  metafields?: MetafieldInput[] | null;
  file?: FileInput | null;
}

export interface ProductSetInput {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED' | null;
  tags?: string[] | null;
  productOptions?: OptionInput[] | null;
  variants?: VariantInput[] | null;
  metafields?: MetafieldInput[] | null;
  files?: FileInput[] | null;
}

export interface ProductSetIdentifier {
  id?: string | null;
  handle?: string | null;
  customId?: { namespace?: string | null; key: string; value: string } | null;
}

export interface ProductSetArgs {
  identifier?: ProductSetIdentifier | null;
  input: ProductSetInput;
  synchronous?: boolean | null;
}

export interface ProductSetUserError {
  code: string;
  field: string[] | null;
  message: string;
}

/** Limits from the schema descriptions (docs/shopify-api.md#productset). */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 2048;
export const MAX_INVENTORY_QUANTITIES = 50_000;

/**
 * Handles are lower-case and hyphenated; Shopify normalises what it is given [I], so "ERP Tee" is stored as
 * "erp-tee" and a client comparing handles byte for byte with its own input will notice.
 */
export function normalizeHandle(handle: string): string {
  return handle
    .trim()
    .replace(/[A-Z]/g, (char) => char.toLowerCase())
    .replace(/\s+/g, '-');
}

/** Handle generated from a title (Turkish letters transliterated), e.g. "Çelik Kupa" → "celik-kupa". */
export function handleFromTitle(title: string): string {
  const map: Record<string, string> = {
    ç: 'c',
    ğ: 'g',
    ı: 'i',
    ö: 'o',
    ş: 's',
    ü: 'u',
    Ç: 'c',
    Ğ: 'g',
    İ: 'i',
    Ö: 'o',
    Ş: 's',
    Ü: 'u',
  };
  const ascii = [...title]
    .map((char) => map[char] ?? char)
    .join('')
    .replace(/[A-Z]/g, (char) => char.toLowerCase());
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

export function optionNameOf(option: OptionInput, existing: Array<{ id: string; name: string }>): string | undefined {
  return option.name ?? existing.find((candidate) => candidate.id === option.id)?.name;
}
