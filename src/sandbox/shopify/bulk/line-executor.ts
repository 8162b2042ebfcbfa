import { GraphQLError } from 'graphql';
import type { RequestContext, ResolverMap } from '../context.js';
import { runOperation } from '../execute.js';
import { checkIdempotentDirectives } from '../resolvers/idempotency.js';
import { loadSchema, type ApiVersion } from '../schema-loader.js';
import type { LineExecutor } from './mutations.js';

/**
 * One JSONL line of a bulk mutation, run as a synchronous request would be (docs/shopify-api.md#bulk-mutations):
 * the same `@idempotent` rule, variable coercion and resolvers (so `productSet` has one implementation), but no
 * cost bucket, latency or request stats. Problems come back as the line's GraphQL errors.
 */
export function createLineExecutor(
  resolvers: ResolverMap,
  context: (version: ApiVersion) => RequestContext,
): LineExecutor {
  return (checked, variables, version) => {
    const schema = loadSchema(version);
    const problem = checkIdempotentDirectives(schema, checked.operation, variables);
    if (problem) return { errors: [new GraphQLError(problem.message, { extensions: { code: problem.code } })] };
    return runOperation({
      schema,
      document: checked.document,
      variables,
      context: { ...context(version), inBulkOperation: true },
      resolvers,
    });
  };
}
