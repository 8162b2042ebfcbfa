import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  buildClientSchema,
  GraphQLError,
  Kind,
  type GraphQLSchema,
  type IntrospectionQuery,
  type ValueNode,
} from 'graphql';
import { isDecimalString, isMoneyString } from './decimal.js';

/**
 * The real Admin API introspection per version (schema/README.md). Real Shopify serves an unknown or retired version
 * with the oldest supported one ("falls forward", docs/shopify-api.md#api-versions); the sandbox answers
 * 404 instead, on purpose, so a client pinned to a version the sandbox cannot check is noticed.
 */
export const SUPPORTED_VERSIONS = ['2026-10', '2026-07'] as const;
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];

export function isSupportedVersion(version: string): version is ApiVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}

const cache = new Map<ApiVersion, GraphQLSchema>();

/** Loaded on first use and kept for the life of the process (≈150 ms per version). */
export function loadSchema(version: ApiVersion): GraphQLSchema {
  const cached = cache.get(version);
  if (cached) return cached;
  const file = join(schemaDirectory(), `admin_${version}.json.gz`);
  const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { data: IntrospectionQuery };
  const schema = buildClientSchema(json.data);
  tightenMoneyScalars(schema);
  cache.set(version, schema);
  return schema;
}

/**
 * Works from src/ (vitest) and from a tsup bundle in dist/: walk up from this module to the folder holding
 * package.json, then use the schema folder in the source tree (the .gz files are not bundled).
 */
export function schemaDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'sandbox', 'shopify', 'schema');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sandbox: cannot find package.json above the Shopify simulator');
    dir = parent;
  }
}

/**
 * buildClientSchema gives custom scalars identity coercion, so `price: 19.99` (a JSON number) or "1.299,90" would pass.
 * Money and Decimal are strings on the wire (docs/shopify-api.md#pitfalls); the simulator rejects anything else at
 * coercion time, which surfaces as a top-level variable/validation error as it would from Shopify [I].
 */
function tightenMoneyScalars(schema: GraphQLSchema): void {
  const rules: Array<[string, (value: unknown) => boolean, string]> = [
    ['Money', isMoneyString, 'a decimal string with at most two decimals, e.g. "19.99"'],
    ['Decimal', isDecimalString, 'a decimal string, e.g. "7.5"'],
  ];
  for (const [name, accepts, expected] of rules) {
    const scalar = schema.getType(name);
    if (!scalar) continue;
    const parseValue = (value: unknown) => {
      if (!accepts(value)) throw new GraphQLError(`${name} must be ${expected}; got ${JSON.stringify(value)}`);
      return value;
    };
    const parseLiteral = (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name} must be ${expected}; got a ${node.kind} literal`);
      return parseValue(node.value);
    };
    Object.assign(scalar, { parseValue, parseLiteral });
  }
}
