import { GraphQLError } from 'graphql';
import type { BulkOperationRecord } from '../bulk/operations.js';
import { paginate, type SortKey } from '../connection.js';
import { warnSearch, type ResolverMap } from '../context.js';
import { parseGid } from '../gid.js';
import { loadSchema } from '../schema-loader.js';
import { filterBySearch, matchAnyOf, matchLegacyId, matchTime, type TermMatcher } from '../search-query.js';

/**
 * bulkOperationRunQuery, bulkOperation(id:), bulkOperations and the deprecated currentBulkOperation
 * (docs/shopify-api.md#bulk-export). The mutation costs like any mutation (cost.ts: 10 + payload), whatever the size of
 * the export: the export itself is not charged to the bucket (docs/shopify-api.md#bulk-export).
 */
function matchers(nowMs: number): Record<string, TermMatcher<BulkOperationRecord>> {
  return {
    status: (op, term) => matchAnyOf(op.status, term),
    operation_type: (op, term) => matchAnyOf(op.type, term),
    id: (op, term) => matchLegacyId(op.legacyId, term),
    created_at: (op, term) => matchTime(op.createdAt, term, nowMs),
  };
}

/** Shopify rejects a malformed gid, and answers "Invalid id" for one of another type [I: proxy parity fixtures]. */
function requireBulkGid(id: string): void {
  const parsed = parseGid(id);
  if (!parsed) throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: 'INVALID_GLOBAL_ID' } });
  if (parsed.type !== 'BulkOperation')
    throw new GraphQLError(`Invalid id: ${id}`, { extensions: { code: 'BAD_REQUEST' } });
}

export const bulkOperationResolvers: ResolverMap = {
  Mutation: {
    bulkOperationRunQuery: (_source, args, ctx) =>
      ctx.bulk.run(loadSchema(ctx.version), ctx.version, args.query as string, Boolean(args.groupObjects)),
  },
  QueryRoot: {
    bulkOperation: (_source, args, ctx) => {
      requireBulkGid(args.id);
      return ctx.bulk.poll(args.id) ?? null;
    },
    bulkOperations: (_source, args, ctx, info) => {
      const matched = filterBySearch(ctx.bulk.list(), args.query, matchers(ctx.store.nowMs()), warnSearch(ctx, info));
      // Newest first by default; reverse: true gives oldest first (schema description [V]). Ids grow with creation
      // time.
      const descending = (op: BulkOperationRecord): SortKey => {
        const time = args.sortKey === 'COMPLETED_AT' ? Date.parse(op.completedAt ?? '') || 0 : op.legacyId;
        return [-time, -op.legacyId];
      };
      return paginate(matched, descending, args);
    },
    currentBulkOperation: (_source, args, ctx) =>
      ctx.bulk.list().find((op) => op.type === (args.type ?? 'QUERY')) ?? null,
  },
};
