/**
 * The GraphQL response envelope (docs/shopify-api.md#transport-auth-and-envelope): `data`, top-level `errors`, and
 * `extensions.cost`. Parsed leniently: a malformed cost block must not hide the data.
 */
import { z } from 'zod';
import type { QueryCost } from './throttle.js';

const errorSchema = z.object({
  message: z.string(),
  locations: z.array(z.unknown()).optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z
    .object({ code: z.string().optional(), cost: z.number().optional(), maxCost: z.number().optional() })
    .loose()
    .optional(),
});

export type GraphqlErrorEntry = z.infer<typeof errorSchema>;

const envelopeSchema = z.object({ data: z.unknown().optional(), errors: z.array(errorSchema).optional() }).loose();

const costSchema = z.object({
  requestedQueryCost: z.number().optional(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: z
    .object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() })
    .optional(),
});

export interface Envelope {
  data: unknown;
  errors: GraphqlErrorEntry[];
  cost: QueryCost | undefined;
}

/** undefined when the body is not a GraphQL envelope at all (HTML error page, empty body). */
export function readEnvelope(body: unknown): Envelope | undefined {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success || (parsed.data.data === undefined && parsed.data.errors === undefined)) return undefined;
  return { data: parsed.data.data, errors: parsed.data.errors ?? [], cost: readCost(body) };
}

export function readCost(body: unknown): QueryCost | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const cost = (body as { extensions?: { cost?: unknown } }).extensions?.cost;
  const parsed = costSchema.safeParse(cost);
  return parsed.success && cost !== undefined ? parsed.data : undefined;
}

export function errorCode(entry: GraphqlErrorEntry): string | undefined {
  return entry.extensions?.code;
}

export function hasErrorCode(body: unknown, code: string): boolean {
  const parsed = envelopeSchema.safeParse(body);
  return parsed.success && (parsed.data.errors ?? []).some((entry) => errorCode(entry) === code);
}
