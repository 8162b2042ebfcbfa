import {
  OperationTypeNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { CostBucket } from './bucket.js';
import { sleep, type LatencyModel } from '../latency.js';
import { describeCall } from './call-shape.js';
import type { RequestContext, ResolverMap } from './context.js';
import { actualCost, requestedCost, type CostInput } from './cost.js';
import { maxCostBody, throttledBody, topLevelError, toWireErrors } from './errors.js';
import { rootFieldNames, runOperation, unimplementedRootFields } from './execute.js';
import { checkIdempotentDirectives } from './resolvers/idempotency.js';
import { loadSchema, type ApiVersion } from './schema-loader.js';

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface EndpointResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface EndpointDeps {
  bucket: CostBucket;
  maxQueryCost: number;
  resolvers: ResolverMap;
  context: (version: ApiVersion) => RequestContext;
  /** Time each request takes (default none); see ../latency.ts. */
  latency?: LatencyModel;
  /** Fault hook: holds the answer of an executed request until a test releases it (answer-hold.ts). */
  holdAnswer?: (rootFields: string[]) => Promise<void>;
}

/** Shopify's answer when the body has no usable `query` [I: shape observed from Shopify]. */
const MISSING_QUERY = { errors: { query: 'Required parameter missing or invalid' } };

/**
 * One GraphQL request: parse → validate against the version's real schema → coerce variables → sandbox pre-checks →
 * cost and bucket → latency → execute → envelope with extensions.cost (docs/shopify-api.md#transport-auth-and-envelope,
 * docs/shopify-api.md#errors, docs/shopify-api.md#rate-limits-by-plan). Rejected documents are not charged.
 *
 * Timing, as Shopify charges: the requested cost is taken from the bucket when the request ARRIVES (so requests in
 * flight hold their points and a burst of them can be THROTTLED), then the request takes its latency on a timer
 * (other requests are served meanwhile), executes, and is refunded down to its actual cost when it answers; the
 * throttleStatus in the answer is the bucket at that moment.
 */
export async function handleGraphQL(
  deps: EndpointDeps,
  version: ApiVersion,
  body: GraphQLRequestBody,
): Promise<EndpointResult> {
  if (typeof body.query !== 'string' || !body.query.trim()) return { status: 400, body: MISSING_QUERY };
  const schema = loadSchema(version);
  const prepared = prepare(schema, body);
  if ('errors' in prepared) return { status: 200, body: prepared };
  const { operation, input } = prepared;
  const unimplemented = notImplementedBody(deps.resolvers, operation);
  if (unimplemented) return { status: 200, body: unimplemented };
  const directiveProblem = checkIdempotentDirectives(schema, operation, input.variables);
  if (directiveProblem) return { status: 200, body: topLevelError(directiveProblem.message, directiveProblem.code) };
  const requested = requestedCost(input);
  if (requested.cost > deps.maxQueryCost) return { status: 200, body: maxCostBody(requested.cost, deps.maxQueryCost) };
  const context = deps.context(version);
  if (!deps.bucket.tryCharge(requested.cost)) {
    context.stats.throttled();
    const throttled = { status: 200, body: throttledBody(requested.cost, deps.bucket.status()) };
    // Refused before execution: it costs the round trip of a read, not the work (our estimate).
    if (deps.latency) await sleep(deps.latency.shopify({ kind: 'query', rootFields: [] }));
    return throttled;
  }
  if (deps.latency) await sleep(deps.latency.shopify(describeCall(input)));
  const result = runOperation({
    schema,
    document: prepared.document,
    operationName: operation.name?.value,
    variables: prepared.rawVariables,
    context,
    resolvers: deps.resolvers,
  });
  const actual = actualCost(input, result.data);
  deps.bucket.refund(requested.cost - actual);
  context.stats.executed(
    operation.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query',
    rootFieldNames(operation),
    actual,
  );
  const extensions: Record<string, unknown> = {
    cost: { requestedQueryCost: requested.cost, actualQueryCost: actual, throttleStatus: deps.bucket.status() },
  };
  if (context.searchWarnings.length > 0) {
    extensions.search = context.searchWarnings.map((warning) => ({
      path: [warning.path],
      warnings: [{ field: warning.field, message: 'Invalid search field for this query.' }],
    }));
  }
  // Executed and counted: only the answer waits (answer-hold.ts).
  await deps.holdAnswer?.(rootFieldNames(operation));
  const headers: Record<string, string> =
    requested.deprecatedFields.length > 0
      ? { 'x-shopify-api-deprecated-reason': 'https://shopify.dev/api/usage/versioning#deprecation-practices' }
      : {};
  return {
    status: 200,
    headers,
    body: {
      ...(result.errors ? { errors: toWireErrors(result.errors, 'INTERNAL_SERVER_ERROR') } : {}),
      data: result.data ?? null,
      extensions,
    },
  };
}

type Prepared =
  | {
      document: DocumentNode;
      operation: OperationDefinitionNode;
      input: CostInput;
      rawVariables: Record<string, unknown>;
    }
  | { errors: unknown[] };

/**
 * Parsing and validating a document depend only on its text and the schema, and a client sends the same few
 * documents again and again: each text is checked once per schema (validation against the Admin schema is most
 * of the simulator's time per request). Bounded, so a client that varies its documents cannot grow it forever.
 */
type CheckedDocument = DocumentNode | { errors: unknown[] };
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, CheckedDocument>>();
const CHECKED_DOCUMENTS_MAX = 500;

function checkedDocument(schema: GraphQLSchema, query: string): CheckedDocument {
  let known = checkedDocuments.get(schema);
  if (!known) checkedDocuments.set(schema, (known = new Map<string, CheckedDocument>()));
  const cached = known.get(query);
  if (cached) return cached;
  let checked: CheckedDocument;
  try {
    const document = parse(query);
    const validationErrors = validate(schema, document);
    checked =
      validationErrors.length > 0 ? { errors: toWireErrors(validationErrors, 'GRAPHQL_VALIDATION_FAILED') } : document;
  } catch (error) {
    checked = { errors: toWireErrors([error as GraphQLError], 'GRAPHQL_PARSE_FAILED') };
  }
  if (known.size >= CHECKED_DOCUMENTS_MAX) known.clear();
  known.set(query, checked);
  return checked;
}

function prepare(schema: GraphQLSchema, body: GraphQLRequestBody): Prepared {
  const checked = checkedDocument(schema, body.query as string);
  if ('errors' in checked) return checked;
  const document = checked;
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) {
    const message = operation
      ? 'Subscriptions are not supported.'
      : 'An operation name is required when the document holds several operations (or the name was not found).';
    return { errors: toWireErrors([new GraphQLError(message)], 'GRAPHQL_VALIDATION_FAILED') };
  }
  const rawVariables =
    typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return { errors: toWireErrors(coerced.errors, 'INVALID_VARIABLE') };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return { document, operation, rawVariables, input: { schema, operation, fragments, variables: coerced.coerced } };
}

/** Checked before charging: the sandbox refuses root fields it does not model, rather than half-answering. */
function notImplementedBody(resolvers: ResolverMap, operation: OperationDefinitionNode) {
  const missing = unimplementedRootFields(operation, resolvers);
  if (missing.length === 0) return undefined;
  const root = operation.operation === OperationTypeNode.MUTATION ? 'Mutation' : 'QueryRoot';
  return topLevelError(
    `The sandbox does not implement ${missing.map((name) => `${root}.${name}`).join(', ')}.`,
    'NOT_IMPLEMENTED_IN_SANDBOX',
  );
}
