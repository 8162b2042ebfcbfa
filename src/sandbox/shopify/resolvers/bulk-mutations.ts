import type { ResolverMap } from '../context.js';
import type { StagedInput } from '../bulk/staged-uploads.js';
import { parseGid } from '../gid.js';
import { loadSchema } from '../schema-loader.js';

/**
 * stagedUploadsCreate, bulkOperationRunMutation and bulkOperationCancel (docs/shopify-api.md#bulk-mutations).
 * Each costs like any mutation (cost.ts); the lines the operation runs are not charged to the bucket.
 */
export const bulkMutationResolvers: ResolverMap = {
  Mutation: {
    stagedUploadsCreate: (_source, args, ctx) => ctx.staged.create(args.input as StagedInput[]),
    bulkOperationRunMutation: (_source, args, ctx) => {
      const path = args.stagedUploadPath as string;
      return ctx.bulkMutations.run({
        schema: loadSchema(ctx.version),
        version: ctx.version,
        mutation: args.mutation as string,
        file: ctx.staged.file(path),
        clientIdentifier: (args.clientIdentifier as string | null | undefined) ?? null,
        implemented: ctx.mutationImplemented,
      });
    },
    bulkOperationCancel: (_source, args, ctx) => {
      const parsed = parseGid(args.id);
      const notFound = {
        bulkOperation: null,
        userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }],
      };
      if (parsed?.type !== 'BulkOperation') return notFound;
      const query = ctx.bulk.list().find((op) => op.id === args.id);
      if (query && query.type === 'QUERY') {
        if (!['CREATED', 'RUNNING'].includes(query.status))
          return { bulkOperation: query, userErrors: [finished(query.status)] };
        ctx.bulk.settle(args.id, 'CANCELED');
        return { bulkOperation: query, userErrors: [] };
      }
      const outcome = ctx.bulkMutations.cancel(args.id);
      const record = ctx.bulkMutations.get(args.id);
      if (outcome === 'not-found' || !record) return notFound;
      return { bulkOperation: record, userErrors: outcome === 'finished' ? [finished(record.status)] : [] };
    },
  },
};

/** [I: wording modelled on Shopify's userErrors; the field is null as the error is about the operation's state.] */
function finished(status: string) {
  return { field: null, message: `A bulk operation cannot be canceled when it is ${status.toLowerCase()}` };
}
