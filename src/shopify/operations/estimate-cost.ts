/**
 * A static, deliberately pessimistic estimate of Shopify's requestedQueryCost, used by the tests to keep every document
 * with its default page sizes well under the 1,000-point single-query limit (docs/shopify-api.md#rate-limits-by-plan):
 * scalars and enums 0, objects 1, connections 2 + first × node, nested connections multiply, mutations 10 + selection.
 * Lists that take `first` cost first × item; other lists count one item, or one per id for `nodes(ids:)`. Shopify's
 * real figure is usually lower; the client learns the real one from every response (throttle.ts).
 */
import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

const MUTATION_BASE_COST = 10;

interface Context {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function estimateQueryCost(
  schema: GraphQLSchema,
  document: string,
  variables: Record<string, unknown> = {},
): number {
  const ast = parse(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of ast.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const ctx: Context = { schema, fragments, variables };
  let total = 0;
  for (const def of ast.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = def.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
    if (!root) throw new Error(`schema has no ${def.operation} type`);
    total +=
      selectionCost(ctx, root, def.selectionSet) +
      (def.operation === OperationTypeNode.MUTATION ? MUTATION_BASE_COST : 0);
  }
  return total;
}

function selectionCost(ctx: Context, parent: GraphQLCompositeType, set: SelectionSetNode): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) cost += fieldCost(ctx, parent, selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? ctx.schema.getType(selection.typeCondition.name.value) : parent;
      cost += selectionCost(ctx, type as GraphQLCompositeType, selection.selectionSet);
    } else {
      const fragment = ctx.fragments.get(selection.name.value);
      if (!fragment) throw new Error(`unknown fragment ${selection.name.value}`);
      const type = ctx.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
      cost += selectionCost(ctx, type, fragment.selectionSet);
    }
  }
  return cost;
}

function fieldCost(ctx: Context, parent: GraphQLCompositeType, field: FieldNode): number {
  if (field.name.value === '__typename' || !('getFields' in parent)) return 0;
  const definition = parent.getFields()[field.name.value];
  if (!definition) throw new Error(`unknown field ${parent.name}.${field.name.value}`);
  const named = getNamedType(definition.type);
  if (isLeafType(named) || !field.selectionSet) return 0;
  const item = 1 + selectionCost(ctx, named as GraphQLCompositeType, field.selectionSet);
  const size = sizeArgument(ctx, field);
  if (named.name.endsWith('Connection'))
    return 2 + (size ?? 1) * connectionItemCost(ctx, named as GraphQLCompositeType, field.selectionSet);
  if (isList(definition.type)) return (size ?? 1) * item;
  return item;
}

/** Inside a connection, `nodes`/`edges` are charged per item and the connection object itself is free. */
function connectionItemCost(ctx: Context, connection: GraphQLCompositeType, set: SelectionSetNode): number {
  let perItem = 0;
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const name = selection.name.value;
    const definition = 'getFields' in connection ? connection.getFields()[name] : undefined;
    if (!definition) continue;
    const itemType = getNamedType(definition.type) as GraphQLCompositeType;
    const inner = 1 + selectionCost(ctx, itemType, selection.selectionSet);
    if (name === 'nodes' || name === 'edges') perItem += inner;
  }
  return perItem;
}

function sizeArgument(ctx: Context, field: FieldNode): number | undefined {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value === 'first' || arg.name.value === 'last') return numberValue(ctx, arg.value);
    if (arg.name.value === 'ids') return listLength(ctx, arg.value);
  }
  return undefined;
}

function numberValue(ctx: Context, value: ValueNode): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const resolved = ctx.variables[value.name.value];
    return typeof resolved === 'number' ? resolved : undefined;
  }
  return undefined;
}

function listLength(ctx: Context, value: ValueNode): number | undefined {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const resolved = ctx.variables[value.name.value];
    return Array.isArray(resolved) ? resolved.length : undefined;
  }
  return undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
