/**
 * The client's own prediction of a request's requestedQueryCost, from the document and its variables, without
 * the schema (docs/shopify-api.md#rate-limits-by-plan; the rule in docs/shopify-api.md#productset): a field
 * without a selection is a scalar or enum (0); one with a selection is an object or a list (1 + its selection);
 * one with `first`/`last` and `nodes`/`edges` is a connection (2 + n × each item, pageInfo free); `nodes(ids:)` counts
 * one
 * item per id (Shopify's exact rule for it is not documented: the larger reading, so the pacer never under-
 * reserves). A mutation root field costs 10 + its payload, and productSet adds its documented surcharge.
 * The pacer reserves this before sending (cost-pacer.ts), so a request is never sent into a THROTTLED answer.
 */
import {
  Kind,
  OperationTypeNode,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

const MUTATION_BASE_COST = 10;

interface Ctx {
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

interface Parsed {
  operations: OperationDefinitionNode[];
  fragments: Map<string, FragmentDefinitionNode>;
}

/** Documents are constants: each is parsed once per process. */
const parsedDocuments = new Map<string, Parsed>();

function parsedOf(document: string): Parsed {
  let result = parsedDocuments.get(document);
  if (!result) {
    const definitions = parse(document).definitions;
    result = { operations: [], fragments: new Map() };
    for (const d of definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) result.operations.push(d);
      if (d.kind === Kind.FRAGMENT_DEFINITION) result.fragments.set(d.name.value, d);
    }
    parsedDocuments.set(document, result);
  }
  return result;
}

export function predictCost(document: string, variables: Record<string, unknown> = {}): number {
  const { operations, fragments } = parsedOf(document);
  const ctx: Ctx = { variables, fragments };
  let total = 0;
  for (const definition of operations) {
    if (definition.operation !== OperationTypeNode.MUTATION) {
      total += selectionCost(definition.selectionSet, ctx);
      continue;
    }
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      total += MUTATION_BASE_COST + (selection.selectionSet ? selectionCost(selection.selectionSet, ctx) : 0);
      if (selection.name.value === 'productSet') total += productSetSurcharge(argument(selection, 'input', ctx));
    }
  }
  return Math.ceil(total);
}

/**
 * 0.2 × variants + 0.6 × variant files + 0.4 × variant metafields + 0.4 × product metafields + 1.9 × product
 * files (docs/shopify-api.md#productset).
 */
export function productSetSurcharge(input: unknown): number {
  const value = (input ?? {}) as {
    variants?: Array<{ file?: unknown; metafields?: unknown[] }>;
    metafields?: unknown[];
    files?: unknown[];
  };
  const variants = value.variants ?? [];
  let surcharge = 0.2 * variants.length + 0.4 * (value.metafields?.length ?? 0) + 1.9 * (value.files?.length ?? 0);
  for (const variant of variants) surcharge += (variant.file ? 0.6 : 0) + 0.4 * (variant.metafields?.length ?? 0);
  return surcharge;
}

function selectionCost(set: SelectionSetNode, ctx: Ctx): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) cost += fieldCost(selection, ctx);
    else if (selection.kind === Kind.INLINE_FRAGMENT) cost += selectionCost(selection.selectionSet, ctx);
    else {
      const fragment = ctx.fragments.get(selection.name.value);
      if (fragment) cost += selectionCost(fragment.selectionSet, ctx);
    }
  }
  return cost;
}

function fieldCost(field: FieldNode, ctx: Ctx): number {
  if (!field.selectionSet || field.name.value === 'pageInfo') return 0;
  const size = numberArgument(field, 'first', ctx) ?? numberArgument(field, 'last', ctx);
  const items = field.selectionSet.selections.filter(
    (inner): inner is FieldNode =>
      inner.kind === Kind.FIELD && (inner.name.value === 'nodes' || inner.name.value === 'edges'),
  );
  // A connection; a plain list that takes `first` (options, taxLines) counts as one object, like any list.
  if (size !== undefined && items.length > 0) {
    let perItem = 0;
    for (const inner of items) if (inner.selectionSet) perItem += 1 + selectionCost(inner.selectionSet, ctx);
    return 2 + size * perItem;
  }
  const ids = argument(field, 'ids', ctx);
  const count = Array.isArray(ids) ? ids.length : 1;
  return count * (1 + selectionCost(field.selectionSet, ctx));
}

function argument(field: FieldNode, name: string, ctx: Ctx): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueOf(arg.value, ctx) : undefined;
}

function numberArgument(field: FieldNode, name: string, ctx: Ctx): number | undefined {
  const value = argument(field, name, ctx);
  return typeof value === 'number' ? value : undefined;
}

function valueOf(value: ValueNode, ctx: Ctx): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return ctx.variables[value.name.value];
    case Kind.INT:
      return Number(value.value);
    case Kind.LIST:
      return value.values.map((v) => valueOf(v, ctx));
    default:
      return undefined;
  }
}
