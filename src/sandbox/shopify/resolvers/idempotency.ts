import {
  getDirectiveValues,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { StatsRecorder } from '../stats.js';

/**
 * `@idempotent(key:)` (docs/shopify-api.md#inventory): required at runtime from 2026-04 on inventory
 * mutations although the schema shows it optional; same key + same parameters returns the original result
 * without applying anything again; same key + other parameters is IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
 * The missing-directive message is the one a live 2026 shop returned (github.com/luke-selrai/
 * openclaw-workshop-kit#218 [V: third-party report]).
 */
export const IDEMPOTENCY_REQUIRED = new Set([
  'inventoryActivate',
  'inventorySetQuantities',
  'inventoryAdjustQuantities',
  'inventoryMoveQuantities',
  'inventorySetOnHandQuantities',
  'refundCreate',
]);

/**
 * Mutations whose description documents @idempotent in 2026-07 (docs/shopify-api.md#inventory); on any other the
 * sandbox refuses it.
 */
const IDEMPOTENCY_SUPPORTED = new Set([
  ...IDEMPOTENCY_REQUIRED,
  'locationActivate',
  'locationDeactivate',
  'appUsageRecordCreate',
  'orderCreateMandatePayment',
  'subscriptionBillingAttemptCreate',
]);

export interface DirectiveProblem {
  message: string;
  code: string;
}

/** Read the key from the field's directive; undefined when the directive is absent. */
export function idempotencyKeyOf(
  schema: GraphQLSchema,
  field: FieldNode,
  variables: Record<string, unknown>,
): string | undefined {
  const directive = schema.getDirective('idempotent');
  if (!directive) return undefined;
  const values = getDirectiveValues(directive, field, variables);
  return typeof values?.key === 'string' ? values.key : undefined;
}

/** Checked before execution so a mutation with a directive problem applies nothing. */
export function checkIdempotentDirectives(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): DirectiveProblem | undefined {
  if (operation.operation !== OperationTypeNode.MUTATION) return undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const name = selection.name.value;
    const present = selection.directives?.some((directive) => directive.name.value === 'idempotent') ?? false;
    const key = present ? idempotencyKeyOf(schema, selection, variables) : undefined;
    if (!present && IDEMPOTENCY_REQUIRED.has(name)) {
      return {
        message: 'The @idempotent directive is required for this mutation but was not provided.',
        code: 'BAD_REQUEST',
      };
    }
    if (present && !IDEMPOTENCY_SUPPORTED.has(name)) {
      return { message: `The @idempotent directive is not supported on ${name}.`, code: 'BAD_REQUEST' };
    }
    if (present && (!key || !key.trim())) {
      return { message: 'The idempotency key cannot be an empty string or whitespace only.', code: 'BAD_REQUEST' };
    }
  }
  return undefined;
}

interface Remembered {
  fingerprint: string;
  result: unknown;
}

export type IdempotentOutcome<T> = { kind: 'fresh'; result: T } | { kind: 'replay'; result: T } | { kind: 'mismatch' };

export class IdempotencyStore {
  private readonly entries = new Map<string, Remembered>();

  constructor(private readonly stats: StatsRecorder) {}

  /** Run `apply` once per key; a repeat with the same fingerprint returns the remembered result. */
  run<T>(key: string, mutation: string, args: unknown, apply: () => T): IdempotentOutcome<T> {
    const fingerprint = `${mutation}:${stableJson(args)}`;
    const remembered = this.entries.get(key);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) return { kind: 'mismatch' };
      this.stats.replayed();
      return { kind: 'replay', result: remembered.result as T };
    }
    const result = apply();
    this.entries.set(key, { fingerprint, result });
    return { kind: 'fresh', result };
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const MISMATCH_MESSAGE = 'The same idempotency key cannot be used with different operation parameters.';
