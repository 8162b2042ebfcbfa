import {
  getNamedType,
  isCompositeType,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldsOf, isConnectionType } from './rules.js';

/**
 * The checks bulkOperationRunMutation applies before it starts (docs/shopify-api.md#bulk-mutations): the mutation
 * document, then the uploaded JSONL. Codes are BulkMutationErrorCode values [V: schema 2026-10]. The rules:
 * a document valid against the schema holding one mutation operation [V: guide: "only one mutation"]; no bulk
 * operation inside it [V: "recursive bulk mutations are not allowed"]; at most one connection field in the
 * selection [V: community thread 186439, message "Bulk mutations cannot contain more than 1 connection."]; one
 * root field [I: the strictest reading of "one mutation"]. Each file line must be one JSON object [V: guide;
 * "Unexpected file structure - expected JSONL" from community thread 1302038 (code assumed)].
 */
export type BulkMutationErrorCode =
  | 'INTERNAL_FILE_SERVER_ERROR'
  | 'INVALID_MUTATION'
  | 'INVALID_STAGED_UPLOAD_FILE'
  | 'LIMIT_REACHED'
  | 'NO_SUCH_FILE'
  | 'OPERATION_IN_PROGRESS';

export interface BulkMutationUserError {
  code: BulkMutationErrorCode;
  field: string[] | null;
  message: string;
}

export interface CheckedBulkMutation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The one root field, e.g. productSet. */
  rootField: string;
}

const BULK_ROOTS = new Set(['bulkOperationRunMutation', 'bulkOperationRunQuery', 'bulkOperationCancel']);

function invalid(message: string): { errors: BulkMutationUserError[] } {
  return { errors: [{ code: 'INVALID_MUTATION', field: ['mutation'], message }] };
}

export function checkBulkMutation(
  schema: GraphQLSchema,
  text: string,
  implemented: (rootField: string) => boolean,
): CheckedBulkMutation | { errors: BulkMutationUserError[] } {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return invalid(`Invalid mutation: ${(error as Error).message.replace(/^Syntax Error: /, 'syntax error, ')}`);
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (!operation || operations.length > 1)
    return invalid('Invalid mutation: the document must hold exactly one operation.');
  if (operation.operation !== OperationTypeNode.MUTATION)
    return invalid('Invalid operation type. Only `mutation` operations are supported.');
  const schemaErrors = validate(schema, document);
  if (schemaErrors.length > 0) return invalid(`Invalid mutation: ${schemaErrors.map((e) => e.message).join(' ')}`);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const walk = { schema, fragments };
  const roots = fieldsOf(walk, operation.selectionSet, schema.getMutationType() as GraphQLCompositeType).filter(
    ({ field }) => !field.name.value.startsWith('__'),
  );
  const rootField = roots[0]?.field.name.value;
  if (!rootField || roots.length > 1)
    return invalid('Invalid mutation: a bulk mutation runs exactly one mutation field.');
  if (BULK_ROOTS.has(rootField)) return invalid(`Recursive bulk mutations are not allowed (${rootField}).`);
  if (!implemented(rootField))
    return invalid(`The sandbox does not implement Mutation.${rootField}, so it cannot run it in bulk.`);
  if (countConnections(walk, operation.selectionSet, schema.getMutationType() as GraphQLCompositeType) > 1)
    return invalid('Bulk mutations cannot contain more than 1 connection.');
  return { document, operation, rootField };
}

function countConnections(
  walk: { schema: GraphQLSchema; fragments: Record<string, FragmentDefinitionNode> },
  set: SelectionSetNode,
  type: GraphQLCompositeType,
): number {
  let count = 0;
  for (const { field, definition } of fieldsOf(walk, set, type)) {
    const named = getNamedType(definition.type);
    if (isConnectionType(named)) count += 1;
    if (field.selectionSet && isCompositeType(named)) count += countConnections(walk, field.selectionSet, named);
  }
  return count;
}

/** The JSONL's lines as variable objects; a blank last line is allowed (a trailing newline). */
export function parseVariablesFile(
  file: Buffer,
): { lines: Array<Record<string, unknown>> } | { errors: BulkMutationUserError[] } {
  const bad = (message: string) => ({
    errors: [{ code: 'INVALID_STAGED_UPLOAD_FILE' as const, field: ['stagedUploadPath'], message }],
  });
  const raw = file.toString('utf8').split('\n');
  if (raw.at(-1) === '') raw.pop();
  if (raw.length === 0) return bad('Unexpected file structure - expected JSONL: the file is empty.');
  const lines: Array<Record<string, unknown>> = [];
  for (const [index, text] of raw.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return bad(`Unexpected file structure - expected JSONL: line ${index + 1} is not one JSON object.`);
    lines.push(value as Record<string, unknown>);
  }
  return { lines };
}
