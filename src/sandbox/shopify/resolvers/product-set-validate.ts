import type { ShopifyStore } from '../state/store.js';
import type { MetafieldRecord, ProductRecord } from '../state/types.js';
import { APP_NAMESPACE } from './catalog-types.js';
import { validateVariantFiles } from './product-media.js';
import {
  normalizeHandle,
  type FileInput,
  type MetafieldInput,
  type ProductSetArgs,
  type ProductSetUserError,
} from './product-set-input.js';

/**
 * productSet checks that do not concern options and variants: which product the call addresses (identifier rules,
 * docs/shopify-api.md#productset [V: ProductSetUserErrorCode descriptions]), title, handle uniqueness, metafields and
 * files.
 */
export type Target = { product?: ProductRecord } | 'invalid';

export function resolveTarget(store: ShopifyStore, args: ProductSetArgs, errors: ProductSetUserError[]): Target {
  const { identifier, input } = args;
  const fail = (code: string, field: string[], message: string): Target => (
    errors.push({ code, field, message }),
    'invalid'
  );
  if (identifier && input.id)
    return fail('ID_NOT_ALLOWED', ['input', 'id'], 'The id field is not allowed if identifier is provided.');
  if (!identifier) {
    if (!input.id) return {};
    const product = store.productById(input.id);
    return product ? { product } : fail('NOT_FOUND', ['input', 'id'], 'Product does not exist');
  }
  if (identifier.id) {
    const product = store.productById(identifier.id);
    return product
      ? { product }
      : fail('NOT_FOUND', ['identifier', 'id'], 'Resource matching the identifier was not found.');
  }
  if (identifier.handle) {
    if (input.handle === undefined || input.handle === null) {
      return fail(
        'MISSING_FIELD_REQUIRED',
        ['input', 'handle'],
        'The input field corresponding to the identifier is required.',
      );
    }
    if (input.handle !== identifier.handle) {
      return fail(
        'INPUT_MISMATCH',
        ['input', 'handle'],
        'The identifier value does not match the value of the corresponding field in the input.',
      );
    }
    return { product: store.productByHandle(normalizeHandle(identifier.handle)) };
  }
  const custom = identifier.customId;
  if (!custom) return {};
  const namespace = custom.namespace ?? APP_NAMESPACE;
  if (!input.metafields)
    return fail(
      'MISSING_FIELD_REQUIRED',
      ['input', 'metafields'],
      'The input field corresponding to the identifier is required.',
    );
  const carried = input.metafields.find(
    (field) => (field.namespace ?? APP_NAMESPACE) === namespace && field.key === custom.key,
  );
  if (!carried || carried.value !== custom.value) {
    return fail(
      'METAFIELD_MISMATCH',
      ['input', 'metafields'],
      'The input argument `metafields` (if present) must contain the `customId` value.',
    );
  }
  const product = store.products.find((candidate) =>
    candidate.metafields.some(
      (field) => field.namespace === namespace && field.key === custom.key && field.value === custom.value,
    ),
  );
  return { product };
}

export function validateBasics(
  store: ShopifyStore,
  args: ProductSetArgs,
  target: ProductRecord | undefined,
  errors: ProductSetUserError[],
): void {
  const { input } = args;
  if (!target && (!input.title || !input.title.trim()))
    errors.push({ code: 'INVALID_INPUT', field: ['input', 'title'], message: "Title can't be blank" });
  if (target && input.title !== undefined && (input.title === null || !input.title.trim())) {
    errors.push({ code: 'INVALID_INPUT', field: ['input', 'title'], message: "Title can't be blank" });
  }
  if (input.handle !== undefined && input.handle !== null) {
    const handle = normalizeHandle(input.handle);
    if (!handle) errors.push({ code: 'INVALID_INPUT', field: ['input', 'handle'], message: "Handle can't be blank" });
    const owner = store.productByHandle(handle);
    // An explicit duplicate handle is rejected since 2025-01 (docs/shopify-api.md#productset [V: changelog]).
    if (owner && owner !== target)
      errors.push({
        code: 'HANDLE_NOT_UNIQUE',
        field: ['input', 'handle'],
        message: 'Handle already in use. Please provide a new handle.',
      });
  }
  validateMetafields(input.metafields, ['input', 'metafields'], target?.metafields ?? [], errors);
  validateFiles(input.files, target, errors);
  validateVariantFiles(input.variants, input.files, errors);
}

const METAFIELD_TYPE_NAMES = [
  'single_line_text_field',
  'multi_line_text_field',
  'number_integer',
  'number_decimal',
  'boolean',
  'json',
  'url',
  'date',
  'date_time',
  'color',
  'rich_text_field',
  'product_reference',
  'variant_reference',
  'file_reference',
  'money',
  'weight',
  'dimension',
  'volume',
  'rating',
  'id',
];
const METAFIELD_TYPES = new RegExp(`^(list\\.)?(${METAFIELD_TYPE_NAMES.join('|')})$`);

export function validateMetafields(
  fields: MetafieldInput[] | null | undefined,
  path: string[],
  existing: MetafieldRecord[],
  errors: ProductSetUserError[],
): void {
  const seen = new Set<string>();
  (fields ?? []).forEach((field, index) => {
    const at = [...path, String(index)];
    const namespace = field.namespace ?? APP_NAMESPACE;
    const current = existing.find(
      (candidate) => candidate.id === field.id || (candidate.namespace === namespace && candidate.key === field.key),
    );
    const bad = (message: string, leaf: string) =>
      errors.push({ code: 'INVALID_METAFIELD', field: [...at, leaf], message });
    if (!field.key && !current) return void bad("Key can't be blank", 'key');
    if (field.value === undefined || field.value === null) return void bad("Value can't be blank", 'value');
    const type = field.type ?? current?.type;
    if (!type) return void bad("Type can't be blank", 'type');
    if (!METAFIELD_TYPES.test(type)) return void bad(`Type '${type}' is not a valid metafield type`, 'type');
    const problem = valueProblem(type, field.value);
    if (problem) return void bad(problem, 'value');
    const identity = `${namespace}.${field.key ?? current?.key}`;
    if (seen.has(identity))
      errors.push({ code: 'DUPLICATED_VALUE', field: at, message: `Metafield ${identity} is given twice.` });
    seen.add(identity);
  });
}

/** The value checks a client most often gets wrong: JSON lists, integers, booleans. */
export function valueProblem(type: string, value: string): string | undefined {
  if (type.startsWith('list.') || type === 'json') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (type.startsWith('list.') && !Array.isArray(parsed)) return 'Value must be a JSON array for a list type.';
    } catch {
      return 'Value must be valid JSON.';
    }
  }
  if (type === 'number_integer' && !/^-?\d+$/.test(value)) return 'Value must be an integer.';
  if (type === 'boolean' && value !== 'true' && value !== 'false') return 'Value must be true or false.';
  return undefined;
}

function validateFiles(
  files: FileInput[] | null | undefined,
  target: ProductRecord | undefined,
  errors: ProductSetUserError[],
): void {
  (files ?? []).forEach((file, index) => {
    const field = ['input', 'files', String(index)];
    if (file.id && !target?.media.some((media) => media.id === file.id)) {
      errors.push({ code: 'INVALID_INPUT', field: [...field, 'id'], message: 'File does not exist on this product.' });
    } else if (!file.id && (!file.originalSource || !/^https?:\/\/\S+$/.test(file.originalSource))) {
      errors.push({
        code: 'INVALID_INPUT',
        field: [...field, 'originalSource'],
        message: 'originalSource must be an http(s) URL.',
      });
    } else if (file.contentType && file.contentType !== 'IMAGE') {
      errors.push({
        code: 'INVALID_INPUT',
        field: [...field, 'contentType'],
        message: 'The sandbox stores IMAGE files only.',
      });
    }
  });
}
