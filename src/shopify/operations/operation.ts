/**
 * One GraphQL operation: its document, the narrow zod schema of its `data` (wire casing,
 * docs/house-style.md#3-wire-types-at-the-boundary)
 * and, as a phantom type, its variables. Every document is validated against the offline Admin schema in
 * operations.test.ts (docs/house-style.md#shopify-through-graphql-only: every document lives here and is validated).
 */
import type { z } from 'zod';

export type RequestKind = 'read' | 'write';

export interface Operation<TVariables, TData> {
  /** Equals the operation name inside `document`; used for stats, limiter keys and cost memory. */
  readonly name: string;
  readonly kind: RequestKind;
  readonly document: string;
  readonly data: z.ZodType<TData>;
  /** Phantom: never set at runtime; carries the variables type to `execute`. */
  readonly variables?: TVariables;
}

/** Curried so the variables type is explicit while the data type is inferred from the schema. */
export function defineOperation<TVariables>() {
  return <TSchema extends z.ZodType>(op: {
    name: string;
    kind: RequestKind;
    document: string;
    data: TSchema;
  }): Operation<TVariables, z.infer<TSchema>> => op as Operation<TVariables, z.infer<TSchema>>;
}

export type NoVariables = Record<string, never>;

/** What ALL_OPERATIONS lists: enough to validate the document. */
export interface OperationDocument {
  readonly name: string;
  readonly document: string;
}

export function isOperationDocument(value: unknown): value is OperationDocument {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.name === 'string' && typeof candidate.document === 'string';
}
