import {
  OperationTypeNode,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The rules bulkOperationRunQuery applies to its inner query (docs/shopify-api.md#bulk-export [V: schema 2026-10
 * description: "at least one connection field … up to five connections with a maximum nesting depth of two levels";
 * top-level node/nodes not allowed]). Messages and the edges-only rule follow responses recorded from Shopify by a
 * public proxy's parity fixtures [I]; pagination arguments and pagination fields are refused because
 * docs/shopify-api.md#bulk-export says the inner query has none [I: the strictest reading, as a simulator should be].
 * Every problem is a BulkOperationUserError with code INVALID and field ["query"].
 */
export interface BulkUserError {
  code: 'INVALID' | 'LIMIT_REACHED' | 'OPERATION_IN_PROGRESS';
  field: string[] | null;
  message: string;
}

export interface CheckedBulkQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;
const PAGINATION_ARGS = new Set(['first', 'last', 'after', 'before']);

export function invalid(message: string): BulkUserError {
  return { code: 'INVALID', field: ['query'], message };
}

/** Parse, validate against the version's schema, then the bulk rules. */
export function checkBulkQuery(schema: GraphQLSchema, text: string): CheckedBulkQuery | { errors: BulkUserError[] } {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return {
      errors: [invalid(`Invalid bulk query: ${(error as Error).message.replace(/^Syntax Error: /, 'syntax error, ')}`)],
    };
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (!operation || operations.length > 1)
    return { errors: [invalid('Invalid bulk query: the document must hold exactly one operation.')] };
  if (operation.operation !== OperationTypeNode.QUERY)
    return { errors: [invalid('Invalid operation type. Only `query` operations are supported.')] };
  const schemaErrors = validate(schema, document);
  if (schemaErrors.length > 0)
    return { errors: schemaErrors.map((error) => invalid(`Invalid bulk query: ${error.message}`)) };
  if ((operation.variableDefinitions ?? []).length > 0)
    return { errors: [invalid('Invalid bulk query: bulk queries cannot declare variables.')] };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const errors = ruleErrors(analyze(schema, operation, fragments));
  return errors.length > 0 ? { errors } : { document, operation, fragments };
}

interface Analysis {
  connections: number;
  maxDepth: number;
  topLevel: string[];
  nonConnectionRoots: string[];
  viaNodes: string[];
  withoutParentId: string[];
  paginated: string[];
  paginationFields: string[];
  inList: boolean;
}

function ruleErrors(a: Analysis): BulkUserError[] {
  const errors: BulkUserError[] = [];
  const quoted = (names: string[]) => names.map((name) => `'${name}'`).join(', ');
  if (a.viaNodes.length > 0) {
    errors.push(
      invalid(
        `All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: ` +
          (`'${a.viaNodes[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection ` +
            `fields: ${quoted(a.viaNodes)}.`),
      ),
    );
  }
  for (const name of a.topLevel) errors.push(invalid(`Bulk queries cannot contain a top level \`${name}\` field.`));
  if (a.maxDepth > MAX_DEPTH)
    errors.push(invalid(`Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`));
  if (a.connections > MAX_CONNECTIONS)
    errors.push(invalid(`Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`));
  if (a.withoutParentId.length > 0) {
    errors.push(
      invalid(
        `The parent 'node' field for a nested connection must select the 'id' field without an alias and must ` +
          `be of 'ID' return type. Connection fields without 'id': ${a.withoutParentId.join(', ')}.`,
      ),
    );
  }
  if (a.inList)
    errors.push(invalid('Queries that contain a connection field within a list field are not currently supported.'));
  if (a.paginated.length > 0) {
    errors.push(
      invalid(
        `Bulk queries read every connection in full and take no pagination arguments (first, last, after, ` +
          `before). Invalid connection fields: ${quoted(a.paginated)}.`,
      ),
    );
  }
  if (a.paginationFields.length > 0)
    errors.push(invalid(`Bulk queries cannot select pagination fields: ${quoted(a.paginationFields)}.`));
  if (a.nonConnectionRoots.length > 0 && a.connections > 0) {
    errors.push(
      invalid(
        `The sandbox exports only connection fields at the top level of a bulk query. Invalid fields: ` +
          `${quoted(a.nonConnectionRoots)}.`,
      ),
    );
  }
  if (a.connections === 0 && errors.length === a.topLevel.length)
    errors.push(invalid('Bulk queries must contain at least one connection.'));
  return errors;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  analysis: Analysis;
}

/** Where a selection sits: connection depth, inside a list, and the nearest connection node above it. */
interface Position {
  depth: number;
  inList: boolean;
  parent?: { connection: string; hasId: boolean };
}

function analyze(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Analysis {
  const analysis: Analysis = {
    connections: 0,
    maxDepth: 0,
    topLevel: [],
    nonConnectionRoots: [],
    viaNodes: [],
    withoutParentId: [],
    paginated: [],
    paginationFields: [],
    inList: false,
  };
  const walk: Walk = { schema, fragments, analysis };
  const root = schema.getQueryType() as GraphQLCompositeType;
  for (const { field, definition } of fieldsOf(walk, operation.selectionSet, root)) {
    const name = field.name.value;
    if (name === 'node' || name === 'nodes') analysis.topLevel.push(name);
    else if (!isConnectionType(getNamedType(definition.type)) && !name.startsWith('__'))
      analysis.nonConnectionRoots.push(name);
  }
  visit(walk, operation.selectionSet, root, { depth: 0, inList: false });
  return analysis;
}

function visit(walk: Walk, set: SelectionSetNode, type: GraphQLCompositeType, at: Position): void {
  for (const { field, definition } of fieldsOf(walk, set, type)) {
    const named = getNamedType(definition.type);
    if (!field.selectionSet || !isCompositeType(named)) continue;
    if (isConnectionType(named)) visitConnection(walk, field, named, at);
    else visit(walk, field.selectionSet, named, { ...at, inList: at.inList || isList(definition.type) });
  }
}

function visitConnection(walk: Walk, field: FieldNode, connection: GraphQLCompositeType, at: Position): void {
  const a = walk.analysis;
  const name = field.name.value;
  const depth = at.depth + 1;
  a.connections += 1;
  a.maxDepth = Math.max(a.maxDepth, depth);
  if (at.inList) a.inList = true;
  if (at.parent && !at.parent.hasId) pushUnique(a.withoutParentId, at.parent.connection);
  if ((field.arguments ?? []).some((arg) => PAGINATION_ARGS.has(arg.name.value))) pushUnique(a.paginated, name);
  for (const { field: inner, definition } of fieldsOf(walk, field.selectionSet as SelectionSetNode, connection)) {
    if (inner.name.value === 'nodes') pushUnique(a.viaNodes, name);
    if (inner.name.value === 'pageInfo') pushUnique(a.paginationFields, 'pageInfo');
    if (inner.name.value !== 'edges' || !inner.selectionSet) continue;
    const edgeType = getNamedType(definition.type) as GraphQLCompositeType;
    for (const { field: edgeField, definition: edgeDef } of fieldsOf(walk, inner.selectionSet, edgeType)) {
      if (edgeField.name.value === 'cursor') pushUnique(a.paginationFields, 'cursor');
      if (edgeField.name.value !== 'node' || !edgeField.selectionSet) continue;
      const nodeType = getNamedType(edgeDef.type) as GraphQLCompositeType;
      const hasId = fieldsOf(walk, edgeField.selectionSet, nodeType).some(
        ({ field: f }) => f.name.value === 'id' && !f.alias,
      );
      visit(walk, edgeField.selectionSet, nodeType, { depth, inList: at.inList, parent: { connection: name, hasId } });
    }
  }
}

/** The fields of a selection set with their definitions, fragments flattened (type conditions included). */
export function fieldsOf(
  walk: Pick<Walk, 'schema' | 'fragments'>,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
): Array<{ field: FieldNode; definition: GraphQLField<unknown, unknown> }> {
  const out: Array<{ field: FieldNode; definition: GraphQLField<unknown, unknown> }> = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
      if (definition) out.push({ field: selection, definition });
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[selection.name.value] : selection;
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    if (condition && isCompositeType(condition)) out.push(...fieldsOf(walk, fragment.selectionSet, condition));
  }
  return out;
}

export function isConnectionType(type: GraphQLNamedType | undefined): type is GraphQLCompositeType {
  if (!type || !isCompositeType(type) || !type.name.endsWith('Connection') || !('getFields' in type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
