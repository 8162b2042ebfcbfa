import type { GraphQLResolveInfo } from 'graphql';
import type { BulkOperationStore } from './bulk/operations.js';
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
  stats: StatsRecorder;
  webhooks: WebhookHub;
  /** Search terms the sandbox ignored, reported under extensions.search like Shopify's warnings. */
  searchWarnings: Array<{ path: string; field: string }>;
}

/* Resolvers receive stored records whose shape the GraphQL type fixes; `any` keeps the per-type maps terse. */
export type Args = Record<string, any>;
export type Resolver<S = any> = (source: S, args: Args, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
export type TypeResolvers<S = never> = Record<string, Resolver<S>>;
export type ResolverMap = Record<string, Record<string, Resolver<any>>>;

export function warnSearch(ctx: RequestContext, info: GraphQLResolveInfo): (field: string) => void {
  return (field) => ctx.searchWarnings.push({ path: info.fieldName, field });
}
