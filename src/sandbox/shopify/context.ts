import type { GraphQLResolveInfo } from 'graphql';
import type { BulkMutationRunner } from './bulk/mutations.js';
import type { BulkOperationStore } from './bulk/operations.js';
import type { StagedUploadStore } from './bulk/staged-uploads.js';
import type { IdempotencyStore } from './resolvers/idempotency.js';
import type { ApiVersion } from './schema-loader.js';
import type { ShopifyStore } from './state/store.js';
import type { StatsRecorder } from './stats.js';
import type { WebhookHub } from './webhooks/hub.js';

/** Per-request context handed to every resolver. */
export interface RequestContext {
  store: ShopifyStore;
  version: ApiVersion;
  idempotency: IdempotencyStore;
  bulk: BulkOperationStore;
  /** Bulk mutation operations and the staged uploads they read (docs/shopify-api.md#bulk-mutations). */
  bulkMutations: BulkMutationRunner;
  staged: StagedUploadStore;
  /** True while a bulk mutation runs one of its JSONL lines (productSet then ignores `synchronous`). */
  inBulkOperation?: boolean;
  /** Whether the sandbox has a resolver for this Mutation field (a bulk mutation must name one). */
  mutationImplemented: (field: string) => boolean;
  stats: StatsRecorder;
  webhooks: WebhookHub;
  /** Search terms the sandbox ignored, reported under extensions.search like Shopify's warnings. */
  searchWarnings: Array<{ path: string; field: string }>;
}

/**
 * Field arguments as graphql-js hands them to a resolver: already validated and coerced against the schema. In
 * the Admin schema each of these argument names has one type wherever it appears (`id: ID!`, `first: Int`,
 * `query: String`, `sortKey: <enum>`, ...), so the names are typed once here; any other argument is `unknown`
 * and its resolver narrows it.
 */
export interface Args {
  [name: string]: unknown;
  id: string;
  ids?: string[];
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  limit?: number | null;
  namespace?: string | null;
  key: string;
  keys?: string[] | null;
  names?: string[] | null;
  inventoryItemId: string;
  locationId: string;
  inventoryItemIds?: string[] | null;
  locationIds?: string[] | null;
  quantityNames?: string[] | null;
  available?: number | null;
  onHand?: number | null;
}
/*
 * Resolvers receive the stored record of their parent type; each map declares that record type on its own
 * resolvers, which a shared map type cannot express, so the source is left open here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the per-type maps type their sources
export type Resolver<S = any> = (source: S, args: Args, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
export type TypeResolvers<S = never> = Record<string, Resolver<S>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for Resolver: one map holds every parent type
export type ResolverMap = Record<string, Record<string, Resolver<any>>>;

export function warnSearch(ctx: RequestContext, info: GraphQLResolveInfo): (field: string) => void {
  return (field) => ctx.searchWarnings.push({ path: info.fieldName, field });
}
