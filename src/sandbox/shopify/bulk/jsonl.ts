import {
  getNamedType,
  isCompositeType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { fieldsOf, isConnectionType, type CheckedBulkQuery } from './rules.js';

/**
 * Turns an executed bulk query into JSONL (docs/shopify-api.md#bulk-export [V: shopify-api-ruby#729, Shopify docs
 * example]): one object per line; every node of a connection gets its own line, and a nested one carries
 * `__parentId` = the id of the connection node above it; non-connection objects stay inline; children always
 * come after their parent.
 *
 * Layout: with groupObjects each node is followed directly by its descendants. Without it (the default
 * since 2026-01) Shopify does not group children under their parent, so the sandbox writes the roots in
 * chunks and the chunk's descendants after them: a client that assumes "children follow immediately"
 * breaks here, as it would against Shopify [I: exact interleaving unknown; only "after the parent" is V].
 */
export interface JsonlExport {
  lines: string[];
  rootCount: number;
}

/** Roots per chunk in the ungrouped layout. */
export const UNGROUPED_CHUNK = 50;

interface Row {
  object: Record<string, unknown>;
  children: Row[];
}

interface Walk {
  schema: GraphQLSchema;
  fragments: CheckedBulkQuery['fragments'];
}

export function toJsonl(
  schema: GraphQLSchema,
  query: CheckedBulkQuery,
  data: Record<string, unknown>,
  groupObjects: boolean,
): JsonlExport {
  const walk: Walk = { schema, fragments: query.fragments };
  const roots: Row[] = [];
  const root = schema.getQueryType() as GraphQLCompositeType;
  for (const { field, definition } of fieldsOf(walk, query.operation.selectionSet, root)) {
    const connection = data[field.alias?.value ?? field.name.value];
    if (connection) roots.push(...connectionRows(walk, field, definition, connection, undefined));
  }
  const lines: string[] = [];
  const emitTree = (row: Row): void => {
    lines.push(JSON.stringify(row.object));
    row.children.forEach(emitTree);
  };
  if (groupObjects) roots.forEach(emitTree);
  else {
    for (let start = 0; start < roots.length; start += UNGROUPED_CHUNK) {
      const chunk = roots.slice(start, start + UNGROUPED_CHUNK);
      for (const row of chunk) lines.push(JSON.stringify(row.object));
      for (const row of chunk) row.children.forEach(emitTree);
    }
  }
  return { lines, rootCount: roots.length };
}

/** The rows of one connection value (`{ edges: [{ node }] }`): each node with its own nested rows. */
function connectionRows(
  walk: Walk,
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  value: unknown,
  parentId: unknown,
): Row[] {
  const connectionType = getNamedType(definition.type) as GraphQLCompositeType;
  const edgesField = fieldsOf(walk, field.selectionSet!, connectionType).find(
    ({ field: f }) => f.name.value === 'edges',
  );
  if (!edgesField?.field.selectionSet) return [];
  const edgeType = getNamedType(edgesField.definition.type) as GraphQLCompositeType;
  const nodeField = fieldsOf(walk, edgesField.field.selectionSet, edgeType).find(
    ({ field: f }) => f.name.value === 'node',
  );
  if (!nodeField?.field.selectionSet) return [];
  const nodeType = getNamedType(nodeField.definition.type) as GraphQLCompositeType;
  const edges = (value as Record<string, unknown>)[edgesField.field.alias?.value ?? 'edges'];
  const rows: Row[] = [];
  for (const edge of Array.isArray(edges) ? edges : []) {
    const node = (edge as Record<string, unknown>)[nodeField.field.alias?.value ?? 'node'] as Record<
      string,
      unknown
    > | null;
    if (!node) continue;
    const children: Row[] = [];
    const object = inline(walk, node, nodeField.field.selectionSet, nodeType, children, node.id);
    if (parentId !== undefined) object.__parentId = parentId;
    rows.push({ object, children });
  }
  return rows;
}

/**
 * A copy of `value` with its connection fields removed (their nodes become `children`, parented to
 * `nodeId`, the id of the nearest connection node) and nested objects inlined the same way.
 */
function inline(
  walk: Walk,
  value: Record<string, unknown>,
  set: FieldNode['selectionSet'] & object,
  type: GraphQLCompositeType,
  children: Row[],
  nodeId: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field, definition } of fieldsOf(walk, set, type)) {
    const key = field.alias?.value ?? field.name.value;
    if (!(key in value) || key in out) continue;
    const item = value[key];
    const named = getNamedType(definition.type);
    if (isConnectionType(named)) {
      if (item) children.push(...connectionRows(walk, field, definition, item, nodeId));
      continue;
    }
    if (!field.selectionSet || !isCompositeType(named) || item === null || item === undefined) {
      out[key] = item;
      continue;
    }
    const selection = field.selectionSet;
    const one = (entry: unknown) =>
      entry === null ? null : inline(walk, entry as Record<string, unknown>, selection, named, children, nodeId);
    out[key] = Array.isArray(item) ? item.map(one) : one(item);
  }
  return out;
}
