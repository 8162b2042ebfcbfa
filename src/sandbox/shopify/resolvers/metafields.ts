import type { RequestContext, ResolverMap } from '../context.js';
import type { ProductRecord, VariantRecord } from '../state/types.js';
import { APP_NAMESPACE, metafieldDigest } from './catalog-types.js';
import { upsertMetafields } from './product-set-apply.js';
import { valueProblem } from './product-set-validate.js';

/**
 * metafieldsSet: upsert per owner/namespace/key without touching the owner's other metafields; at most 25 per call;
 * atomic (nothing is written when any row fails); optional compareDigest CAS ([V: schema 2026-10 description]). Owners:
 * products and variants.
 */
interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}
interface SetError {
  code: string;
  field: string[];
  message: string;
  elementIndex: number | null;
}

const MAX_METAFIELDS = 25;

function ownerOf(ctx: RequestContext, id: string): ProductRecord | VariantRecord | undefined {
  return ctx.store.productById(id) ?? ctx.store.variantById(id);
}

function validate(ctx: RequestContext, rows: MetafieldsSetInput[]): SetError[] {
  if (rows.length > MAX_METAFIELDS) {
    return [
      {
        code: 'LESS_THAN_OR_EQUAL_TO',
        field: ['metafields'],
        message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS}.`,
        elementIndex: null,
      },
    ];
  }
  return rows.flatMap((row, index): SetError[] => {
    const error = (code: string, leaf: string, message: string): SetError[] => [
      { code, field: ['metafields', String(index), leaf], message, elementIndex: index },
    ];
    const owner = ownerOf(ctx, row.ownerId);
    if (!owner) return error('INVALID', 'ownerId', 'Owner subject does not exist.');
    const namespace = row.namespace ?? APP_NAMESPACE;
    const current = owner.metafields.find((field) => field.namespace === namespace && field.key === row.key);
    if (row.key.length < 2) return error('TOO_SHORT', 'key', 'Key is too short (minimum is 2 characters).');
    const type = row.type ?? current?.type;
    if (!type) return error('BLANK', 'type', "Type can't be blank.");
    if (!row.value) return error('BLANK', 'value', "Value can't be blank.");
    const problem = valueProblem(type, row.value);
    if (problem) return error('INVALID_VALUE', 'value', problem);
    if (row.compareDigest !== undefined) {
      const stale =
        row.compareDigest === null
          ? current !== undefined
          : !current || metafieldDigest(current.value) !== row.compareDigest;
      if (stale)
        return error(
          'STALE_OBJECT',
          'compareDigest',
          'The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.',
        );
    }
    return [];
  });
}

export const metafieldResolvers: ResolverMap = {
  Mutation: {
    metafieldsSet: (_source, args, ctx) => {
      const rows = args.metafields as MetafieldsSetInput[];
      const userErrors = validate(ctx, rows);
      if (userErrors.length > 0) return { metafields: null, userErrors };
      const now = ctx.store.now();
      const written = rows.flatMap((row) => {
        const owner = ownerOf(ctx, row.ownerId) as ProductRecord | VariantRecord;
        const before = owner.metafields;
        const fields = upsertMetafields(ctx.store, owner, [row], now);
        if (owner.metafields !== before) owner.updatedAt = now;
        return fields;
      });
      return { metafields: written, userErrors: [] };
    },
  },
};
