import { z } from 'zod';
import { parseTurkishMoney, type MoneyResult } from '../../core/money.js';

/**
 * Field-level schemas for the quirks of the Sentos wire (docs/sentos-api.md#product-shape-and-quirks,
 * docs/sentos-api.md#order-shape-and-status-codes). Each one accepts every form a credible source has seen and
 * normalises it, so the object schemas stay narrow and readable. The backend is PHP: an empty object can arrive as
 * `[]`, and a list with gaps as an object (docs/sentos-api.md#base-url-auth-and-transport [V: SAL flexible converters;
 * I: the object-list form]).
 */

const isEmptyArray = (value: unknown): boolean => Array.isArray(value) && value.length === 0;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Ids arrive as numbers or strings (docs/sentos-api.md#order-shape-and-status-codes [V: MSO fixture]); the tool
 * compares them as strings.
 */
export const wireId = z.union([z.number().int(), z.string().trim().min(1)]).transform((v) => String(v));

/** An id that may be missing, null, "" or 0-as-"none" is not assumed: 0 stays "0". */
export const wireOptionalId = z
  .union([z.number().int(), z.string().trim()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : String(v)));

/** Free text that may be null, missing, "" or a number (barcodes); trimmed, "" → undefined. */
export const wireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v).trim() || undefined));

/**
 * A SKU is the matching key (docs/house-style.md#matching-key): trimmed here once, never case-folded.
 */
export const wireSku = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => v !== '', 'SKU is empty');

/**
 * Money never fails the schema: "1.299,90", "220,00", "220.50", 220.5 parse to minor units; anything else becomes `{
 * ok: false }` so only the product that needs the price fails later (docs/sentos-api.md#product-shape-and-quirks quirk
 * 1). Missing, null and "" mean "no price here" (variants then fall back to the product's, [V: VGP, SCX]).
 */
export const wireMoney = z
  .unknown()
  .transform((v): MoneyResult | undefined =>
    v === undefined || v === null || v === '' || isEmptyArray(v) ? undefined : parseTurkishMoney(v),
  )
  .optional();

/**
 * Stock and quantities: a number or a numeric string such as "4" (docs/sentos-api.md#product-shape-and-quirks quirk 2
 * [V: MSO mapper test]).
 */
export const wireCount = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'not a number')
    .transform(Number),
]);

/** An int such as vat_rate; a value we cannot read is dropped rather than failing the product. */
export const wireOptionalInt = wireCount
  .nullish()
  .catch(undefined)
  .transform((v) => (v === null ? undefined : v));

/**
 * `warehouse` is an id, or `{ id, name }` in some responses (docs/sentos-api.md#product-shape-and-quirks quirk 2 [V:
 * MSO]).
 */
const wireWarehouseRef = z.union([wireId, z.object({ id: wireId }).transform((o) => o.id)]);

export const wireStock = z
  .object({ warehouse: wireWarehouseRef, stock: wireCount })
  .transform((s) => ({ warehouseId: s.warehouse, quantity: s.stock }));

/** A list that may be missing, null, or (PHP) an object keyed by index. */
export function wireList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === null || v === undefined ? [] : isPlainObject(v) ? Object.values(v) : v),
    z.array(item),
  );
}

/**
 * Images: `[{id, url}]`, plain URL strings, or a single object (order lines,
 * docs/sentos-api.md#order-shape-and-status-codes [V: MSO fixture]).
 */
export const wireImages = z
  .preprocess(
    (v) => (isPlainObject(v) && 'url' in v ? [v] : v),
    wireList(z.union([z.string(), z.object({ url: z.string().nullish() })])),
  )
  .transform((items) =>
    items
      .map((i) => (typeof i === 'string' ? i : (i.url ?? '')))
      .map((u) => u.trim())
      .filter((u) => u !== ''),
  );

/**
 * The second variant axis. `{ name, value }` [V: SAL, MSO]; VGP also accepts a plain string [I: real], which
 * we read as the size under the attribute name "Beden" (the only name any source shows). An empty model
 * (`{name:"", value:""}`, `[]`, null) means "no second axis".
 */
export const DEFAULT_MODEL_NAME = 'Beden';
export const wireModel = z
  .union([z.string(), z.object({ name: wireText, value: wireText }), z.array(z.unknown()).max(0)])
  .nullish()
  .transform((m) => {
    if (m === null || m === undefined || Array.isArray(m)) return undefined;
    if (typeof m === 'string') return m.trim() === '' ? undefined : { name: DEFAULT_MODEL_NAME, value: m.trim() };
    return m.value === undefined ? undefined : { name: m.name ?? DEFAULT_MODEL_NAME, value: m.value };
  });

/**
 * An object that PHP may send as `[]` when empty (prices, errors, product: docs/sentos-api.md#product-shape-and-quirks
 * quirk 3 [V: SAL]).
 */
export function wireObjectOrEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (isEmptyArray(v) ? undefined : v), schema);
}

export { isPlainObject };
