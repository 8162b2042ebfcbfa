import {
  OperationTypeNode,
  execute,
  getNamedType,
  GraphQLError,
  isNonNullType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import type { Args, RequestContext, ResolverMap } from './context.js';

/**
 * Runs a validated document over the client schema. The schema has no resolvers of its own, so one field
 * resolver dispatches to the hand-written map (`resolvers[Type][field]`) and otherwise reads the property of
 * the stored record. A non-null field the sandbox has no data for fails loudly, naming the field, instead of
 * graphql-js's generic "Cannot return null" — so a client selecting something unmodelled learns why.
 */
export function runOperation(params: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  context: RequestContext;
  resolvers: ResolverMap;
  /** Bulk exports (bulk/): connections without first/last return every node instead of failing. */
  unboundedConnections?: boolean;
}): ExecutionResult {
  return execute({
    schema: params.schema,
    document: params.document,
    operationName: params.operationName,
    variableValues: params.variables,
    contextValue: params.context,
    rootValue: {},
    fieldResolver: fieldResolverFor(params.resolvers, params.unboundedConnections ?? false),
    typeResolver,
  }) as ExecutionResult;
}

function fieldResolverFor(
  resolvers: ResolverMap,
  unbounded: boolean,
): GraphQLFieldResolver<unknown, RequestContext, Args> {
  return (source, args, context, info) => {
    const resolver = resolvers[info.parentType.name]?.[info.fieldName];
    if (resolver) return resolver(source, unbounded ? unboundedArgs(args, info.returnType) : args, context, info);
    const value =
      typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[info.fieldName] : undefined;
    if (value === undefined && isNonNullType(info.returnType)) {
      throw new GraphQLError(`The sandbox does not implement ${info.parentType.name}.${info.fieldName}`, {
        extensions: { code: 'NOT_IMPLEMENTED_IN_SANDBOX' },
      });
    }
    return value ?? null;
  };
}

/** A connection read in full: `first: Infinity` is the marker connection.ts lets through. */
function unboundedArgs(args: Args, returnType: Parameters<typeof getNamedType>[0]): Args {
  const isConnection = getNamedType(returnType)?.name.endsWith('Connection') ?? false;
  if (!isConnection || args.first != null || args.last != null) return args;
  return { ...args, first: Number.POSITIVE_INFINITY };
}

/** Stored records carry __typename; interface and union fields resolve through it. */
const typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value) => {
  const name = typeof value === 'object' && value !== null ? (value as { __typename?: unknown }).__typename : undefined;
  return typeof name === 'string' ? name : undefined;
};

/** Root fields of the operation the sandbox has no resolver for (checked before anything runs). */
export function unimplementedRootFields(operation: OperationDefinitionNode, resolvers: ResolverMap): string[] {
  const rootType = operation.operation === OperationTypeNode.MUTATION ? 'Mutation' : 'QueryRoot';
  return operation.selectionSet.selections
    .filter((selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'))
    .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : ''))
    .filter((name) => !resolvers[rootType]?.[name]);
}

export function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
}
