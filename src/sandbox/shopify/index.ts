import type { AddressInfo } from 'node:net';
import { createFaultInjector } from '../faults.js';
import { AnswerHolds, type AnswerHold } from './answer-hold.js';
import { TokenStore } from './auth.js';
import { createLineExecutor } from './bulk/line-executor.js';
import { BulkMutationRunner } from './bulk/mutations.js';
import { BulkOperationStore } from './bulk/operations.js';
import { StagedUploadStore } from './bulk/staged-uploads.js';
import { CostBucket } from './bucket.js';
import type { RequestContext } from './context.js';
import { runOperation } from './execute.js';
import { parseGid } from './gid.js';
import { resolveOptions, type ShopifySimulatorOptions } from './options.js';
import { allResolvers } from './resolvers/index.js';
import { IdempotencyStore } from './resolvers/idempotency.js';
import { settleMedia } from './resolvers/product-media.js';
import { loadSchema, type ApiVersion } from './schema-loader.js';
import { createShopifyServer } from './server.js';
import { SimulatorState } from './state/facade.js';
import { createSeededStore } from './state/seed-state.js';
import { StatsRecorder, type SimulatorStats } from './stats.js';
import { WebhookHub } from './webhooks/hub.js';

export type { ShopifySimulatorOptions } from './options.js';
export type { SimulatorStats } from './stats.js';
export type { SimulatorState, LevelSnapshot } from './state/facade.js';
export type { BulkOperationRecord, BulkErrorCode } from './bulk/operations.js';
export type { PlaceOrderInput, Tracking } from './state/order-ops.js';
export type { AnswerHold } from './answer-hold.js';
export { SUPPORTED_VERSIONS } from './schema-loader.js';
export type { WebhookHub, WebhookOptions, DeliveryRecord } from './webhooks/hub.js';

export interface ShopifySimulator {
  /** http://127.0.0.1:PORT — the tool's "store" URL; the API lives under /admin/api/<version>/graphql.json. */
  url: string;
  accessToken: string;
  clientId: string;
  clientSecret: string;
  state: SimulatorState;
  /** JSONL lines a bulk mutation runs per second (docs/shopify-api.md#bulk-mutations). */
  bulkMutationLinesPerSecond: number;
  /** Subscriptions and signed deliveries (signed with `clientSecret`). */
  webhooks: WebhookHub;
  stats(): SimulatorStats;
  resetStats(): void;
  /** Registers a listener called as each GraphQL request arrives, before it is answered. */
  onRequest: (listener: () => void) => void;
  /**
   * Fault hook: execute requests with this root field, then hold their answers until released (answer-hold.ts);
   * `stagedUpload` and `bulkResultFile` hold those two routes instead (before the upload is stored, before the
   * result file is served).
   */
  holdAnswers(rootField: string): AnswerHold;
  close(): Promise<void>;
}

/**
 * A loopback Shopify Admin GraphQL API (docs/house-style.md#the-sandbox-is-an-independent-oracle): validates every
 * document against the real
 * schema of the requested version, answers from an in-memory store, charges a cost bucket and injects seeded
 * faults. It imports nothing from the tool's own Shopify client, so it can catch the client's mistakes.
 */
export async function startShopifySimulator(options: ShopifySimulatorOptions = {}): Promise<ShopifySimulator> {
  const resolved = resolveOptions(options);
  const store = createSeededStore(resolved);
  const faults = createFaultInjector(resolved.faults);
  const stats = new StatsRecorder(() => faults.counts());
  const idempotency = new IdempotencyStore(stats);
  const tokens = new TokenStore(resolved, resolved.clock);
  const bucket = new CostBucket(resolved.bucket.maximumAvailable, resolved.bucket.restoreRate, resolved.clock);
  const resolvers = allResolvers();
  const webhooks = new WebhookHub(store, resolved.clientSecret, '2026-10', resolved.webhooks);
  // The export runs the checked inner query over the same resolvers, every connection read in full.
  const bulk = new BulkOperationStore(
    resolved.bulk,
    resolved.clock,
    (query, version) => {
      const schema = loadSchema(version);
      return {
        schema,
        result: runOperation({
          schema,
          document: query.document,
          variables: {},
          context: context(version),
          resolvers,
          unboundedConnections: true,
        }),
      };
    },
    () => resolved.latency.bulkRun(store.products.length + store.inventoryItems.size),
  );
  const staged = new StagedUploadStore(parseGid(store.shop.id)?.id ?? 1, resolved.bulkMutations.maxUploadBytes);
  // Each JSONL line runs through the very resolvers a synchronous request uses (productSet and all), uncharged.
  const bulkMutations = new BulkMutationRunner(
    resolved.bulkMutations,
    resolved.clock,
    () => bulk.allocateLegacyId(),
    createLineExecutor(resolvers, (version) => context(version)),
    stats,
    () => resolved.latency.bulkRun(0),
  );
  bulk.attachMutations(bulkMutations);
  const mutationImplemented = (field: string) => Boolean(resolvers.Mutation?.[field]);
  const context = (version: ApiVersion): RequestContext => {
    // Media a previous request uploaded has been processed by the time the next one arrives.
    settleMedia(store);
    return {
      store,
      version,
      idempotency,
      bulk,
      bulkMutations,
      staged,
      mutationImplemented,
      stats,
      webhooks,
      searchWarnings: [],
    };
  };
  const requestListeners: Array<() => void> = [];
  const holds = new AnswerHolds();
  const server = createShopifyServer({
    endpoint: {
      bucket,
      maxQueryCost: resolved.maxQueryCost,
      resolvers,
      context,
      latency: resolved.latency,
      holdAnswer: (fields) => holds.wait(fields),
    },
    tokens,
    faults,
    stats,
    bulk,
    staged,
    onRequest: () => requestListeners.forEach((listener) => listener()),
    holdRoute: (name) => holds.wait([name]),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${resolved.host}:${port}`;
  bulk.setBaseUrl(url);
  bulkMutations.setBaseUrl(url);
  staged.setBaseUrl(url);
  return {
    url,
    accessToken: resolved.accessToken,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    state: new SimulatorState(store, bulk, webhooks),
    bulkMutationLinesPerSecond: resolved.bulkMutations.linesPerSecond,
    webhooks,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    onRequest: (listener) => void requestListeners.push(listener),
    holdAnswers: (rootField) => holds.hold(rootField),
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.close();
        bulkMutations.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
