import {
  OperationTypeNode,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Calculated query cost (docs/shopify-api.md#rate-limits-by-plan [V: scalar/enum 0, object 1; connection rule from
 * Shopify's engineering blog; mutation base 10 I; productSet formula V]):
 * - scalar and enum fields cost 0, an object 1 (plus its selection);
 * - a connection costs 2 + n × (1 + cost of one node's selection), n = first/last (requested) or the number of
 *   nodes actually returned (actual); pageInfo is free;
 * - a mutation root field costs 10 + its payload selection; productSet adds 0.2 × variants + 0.6 × variant
 *   files + 0.4 × variant metafields + 0.4 × product metafields + 1.9 × product files.
 * Fragments on different types are all counted (an upper bound, as a static estimate must be).
 */
export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** `values` threaded through the walk are the response objects (actual cost) or undefined (requested cost). */
interface Walk extends CostInput {
  /**
   * Deprecated fields met on the way, for the X-Shopify-API-Deprecated-Reason header
   * (docs/shopify-api.md#transport-auth-and-envelope).
   */
  deprecated: Set<string>;
}

export function requestedCost(input: CostInput): { cost: number; deprecatedFields: string[] } {
  const walk: Walk = { ...input, deprecated: new Set() };
  const root = rootType(input);
  const cost =
    input.operation.operation === OperationTypeNode.MUTATION
      ? mutationCost(walk, root, undefined)
      : selectionCost(walk, input.operation.selectionSet, root, undefined);
  return { cost: Math.ceil(cost), deprecatedFields: [...walk.deprecated] };
}

/** Cost of what was returned: connections count the nodes they hold; never above the requested cost. */
export function actualCost(input: CostInput, data: Record<string, unknown> | null | undefined): number {
  const walk: Walk = { ...input, deprecated: new Set() };
  const root = rootType(input);
  const values = data ? [data] : [];
  const cost =
    input.operation.operation === OperationTypeNode.MUTATION
      ? mutationCost(walk, root, values)
      : selectionCost(walk, input.operation.selectionSet, root, values);
  return Math.min(Math.ceil(cost), requestedCost(input).cost);
}

function rootType(input: CostInput): GraphQLCompositeType {
  const root =
    input.operation.operation === OperationTypeNode.MUTATION
      ? input.schema.getMutationType()
      : input.schema.getQueryType();
  if (!root) throw new Error('schema without a root type');
  return root;
}

function mutationCost(
  walk: Walk,
  root: GraphQLCompositeType,
  values: Array<Record<string, unknown>> | undefined,
): number {
  let total = 0;
  for (const selection of walk.operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
    const field = fieldOf(root, selection.name.value);
    if (!field) continue;
    const args = getArgumentValues(field, selection, walk.variables);
    total += 10 + (selection.name.value === 'productSet' ? productSetSurcharge(args) : 0);
    const key = selection.alias?.value ?? selection.name.value;
    const payloads = values?.map((value) => value[key]).filter(isRecord);
    if (selection.selectionSet)
      total += selectionCost(walk, selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, payloads);
  }
  return total;
}

/**
 * docs/shopify-api.md#productset [V: https://shopify.dev/changelog/dynamic-complexity-cost-for-productset-mutation].
 */
export function productSetSurcharge(args: Record<string, unknown>): number {
  const input = (args.input ?? {}) as {
    variants?: Array<{ metafields?: unknown[]; file?: unknown }>;
    metafields?: unknown[];
    files?: unknown[];
  };
  const variants = input.variants ?? [];
  const variantFiles = variants.filter((variant) => variant.file).length;
  const variantMetafields = variants.reduce((sum, variant) => sum + (variant.metafields?.length ?? 0), 0);
  return (
    0.2 * variants.length +
    0.6 * variantFiles +
    0.4 * variantMetafields +
    0.4 * (input.metafields?.length ?? 0) +
    1.9 * (input.files?.length ?? 0)
  );
}

function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  values: Array<Record<string, unknown>> | undefined,
): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) total += selectionCost(walk, selection.selectionSet, type, values);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const type = fragment ? walk.schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && type && isCompositeType(type)) total += selectionCost(walk, fragment.selectionSet, type, values);
    } else if (!selection.name.value.startsWith('__')) {
      const field = fieldOf(parent, selection.name.value);
      if (!field) continue;
      if (field.deprecationReason) walk.deprecated.add(`${parent.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (!selection.selectionSet || !isCompositeType(named)) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const children = values?.flatMap((value) => asRecords(value[key]));
      if (isConnection(named)) {
        const size = pageSize(getArgumentValues(field, selection, walk.variables));
        total += connectionCost(walk, selection.selectionSet, named, size, children);
      } else {
        total += (children ? children.length : 1) + selectionCost(walk, selection.selectionSet, named, children);
      }
    }
  }
  return total;
}

function connectionCost(
  walk: Walk,
  set: SelectionSetNode,
  connection: GraphQLCompositeType,
  size: number,
  values: Array<Record<string, unknown>> | undefined,
): number {
  if (values) {
    return values.reduce((sum, value) => {
      const nodes = nodesOf(set, value);
      return sum + 2 + nodes.length + nodeSelectionCost(walk, set, connection, nodes);
    }, 0);
  }
  return 2 + size * (1 + nodeSelectionCost(walk, set, connection, undefined));
}

/** Cost of one node's selection through `nodes { … }` or `edges { node { … } }` (the larger, not both). */
function nodeSelectionCost(
  walk: Walk,
  set: SelectionSetNode,
  connection: GraphQLCompositeType,
  nodes: Array<Record<string, unknown>> | undefined,
): number {
  let best = 0;
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const field = fieldOf(connection, selection.name.value);
    const named = field ? getNamedType(field.type) : undefined;
    if (!named || !isCompositeType(named)) continue;
    if (selection.name.value === 'nodes')
      best = Math.max(best, selectionCost(walk, selection.selectionSet, named, nodes));
    if (selection.name.value === 'edges') {
      for (const inner of selection.selectionSet.selections) {
        if (inner.kind !== Kind.FIELD || inner.name.value !== 'node' || !inner.selectionSet) continue;
        const nodeType = getNamedType(fieldOf(named, 'node')?.type);
        if (nodeType && isCompositeType(nodeType))
          best = Math.max(best, selectionCost(walk, inner.selectionSet, nodeType, nodes));
      }
    }
  }
  return best;
}

function nodesOf(set: SelectionSetNode, connection: Record<string, unknown>): Array<Record<string, unknown>> {
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const value = connection[selection.alias?.value ?? selection.name.value];
    if (selection.name.value === 'nodes') return asRecords(value);
    if (selection.name.value === 'edges') {
      const nodeKey = selection.selectionSet?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'node');
      const key = nodeKey?.kind === Kind.FIELD ? (nodeKey.alias?.value ?? 'node') : 'node';
      return asRecords(value).flatMap((edge) => asRecords(edge[key]));
    }
  }
  return [];
}

function fieldOf(
  type: GraphQLCompositeType | GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return type && (isObjectType(type) || 'getFields' in type)
    ? (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name]
    : undefined;
}

function isConnection(type: GraphQLNamedType): boolean {
  return (
    isObjectType(type) &&
    type.name.endsWith('Connection') &&
    ('nodes' in type.getFields() || 'edges' in type.getFields())
  );
}

function pageSize(args: Record<string, unknown>): number {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : 0;
  return Math.max(0, size);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecords(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(asRecords);
  return isRecord(value) ? [value] : [];
}
