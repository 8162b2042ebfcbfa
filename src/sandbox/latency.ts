import { createRandom, type Random } from './seed/random.js';

/**
 * How long the simulators take to answer (docs/shopify-api.md#latency-model and docs/sentos-api.md#latency-model).
 * `none` answers at loopback speed (tests, the in-process harness); `field` draws each request's latency from
 * the model below, seeded, so a run replays; a number is a fixed latency in ms for every request.
 *
 * Neither vendor publishes response times. Every figure here is OUR ESTIMATE of a request from Europe/Turkey to
 * the vendor's cloud, including the network round trip (~30–60 ms of it), to be replaced by measurements from a
 * real shop or tenant. The delays are timers (never busy waits), so requests in flight overlap as on a real
 * server: latency adds wall time, never serialises the simulator.
 */
export type LatencySetting = 'none' | 'field' | number;

/** What the Shopify simulator knows about a request when it picks a latency. */
export interface ShopifyCall {
  kind: 'query' | 'mutation';
  rootFields: readonly string[];
  /** productSet only: the number of variants in the input. */
  variants?: number;
}

export interface LatencyModel {
  readonly setting: LatencySetting;
  /** ms for one Shopify GraphQL request (0 when `none`). */
  shopify(call: ShopifyCall): number;
  /** ms for one Sentos request (0 when `none`). */
  sentos(method: string): number;
  /** ms a bulk export takes from creation to COMPLETED, given the objects it exports. */
  bulkRun(objects: number): number;
  /** One paragraph, printed by the benchmark and the sandbox command. */
  describe(): string;
}

/** A uniform range in ms; `perVariantMs` only for productSet. */
interface Range {
  min: number;
  max: number;
}

/** The `field` model (all OUR ESTIMATES, see above). */
export const FIELD_MODEL = {
  // Reads (products, variants, locations, orders pages, shop, bulk polls): typical Admin GraphQL read.
  shopifyRead: { min: 100, max: 250 },
  // productSet (synchronous): a base plus a per-variant part, as Shopify writes each variant and its inventory item.
  productSetBase: { min: 250, max: 450 },
  productSetPerVariantMs: 25,
  // inventorySetQuantities, inventoryActivate, inventoryBulkToggleActivation.
  inventoryWrite: { min: 150, max: 300 },
  // Any other mutation (productUpdate, metafieldsSet, publishablePublish, bulkOperationRunQuery ...).
  otherMutation: { min: 150, max: 300 },
  // A bulk export: a queueing base plus a rate of objects per second written to the JSONL.
  bulkBaseMs: 3000,
  bulkObjectsPerSecond: 5000,
  // Sentos (a PHP application behind one host): reads and writes alike.
  sentos: { min: 150, max: 400 },
} as const;

const INVENTORY_WRITES = new Set(['inventorySetQuantities', 'inventoryActivate', 'inventoryBulkToggleActivation']);

export function parseLatency(value: string): LatencySetting {
  if (value === 'none' || value === 'field') return value;
  const ms = Number(value);
  if (value.trim() === '' || !Number.isFinite(ms) || ms < 0)
    throw new Error(`latency must be none, field or milliseconds, got "${value}"`);
  return ms;
}

export function createLatencyModel(setting: LatencySetting = 'none', seed = 1): LatencyModel {
  if (setting === 'none' || setting === 0) return fixed(setting, 0);
  if (typeof setting === 'number') return fixed(setting, setting);
  return field(createRandom(seed ^ 0x1a7e), createRandom(seed ^ 0x5e70));
}

function fixed(setting: LatencySetting, ms: number): LatencyModel {
  return {
    setting,
    shopify: () => ms,
    sentos: () => ms,
    bulkRun: () => ms,
    describe: () => (ms === 0 ? 'latency: none (loopback speed)' : `latency: ${ms} ms for every request`),
  };
}

function field(shopifyRandom: Random, sentosRandom: Random): LatencyModel {
  const draw = (random: Random, range: Range) => range.min + random.next() * (range.max - range.min);
  const m = FIELD_MODEL;
  return {
    setting: 'field',
    shopify(call) {
      if (call.kind === 'query') return draw(shopifyRandom, m.shopifyRead);
      if (call.rootFields.includes('productSet'))
        return draw(shopifyRandom, m.productSetBase) + (call.variants ?? 1) * m.productSetPerVariantMs;
      if (call.rootFields.some((field) => INVENTORY_WRITES.has(field))) return draw(shopifyRandom, m.inventoryWrite);
      return draw(shopifyRandom, m.otherMutation);
    },
    sentos: () => draw(sentosRandom, m.sentos),
    bulkRun: (objects) => m.bulkBaseMs + (objects / m.bulkObjectsPerSecond) * 1000,
    describe: () =>
      [
        'latency: field (our estimates, seeded):',
        `Shopify reads ${span(m.shopifyRead)},`,
        `productSet ${span(m.productSetBase)} + ${m.productSetPerVariantMs} ms/variant,`,
        `inventory writes ${span(m.inventoryWrite)}, other mutations ${span(m.otherMutation)},`,
        `bulk export ${m.bulkBaseMs / 1000} s + 1 s per ${m.bulkObjectsPerSecond} objects; Sentos ${span(m.sentos)}`,
      ].join(' '),
  };
}

function span(range: Range): string {
  return `${range.min}–${range.max} ms`;
}

/** A timer, never a busy wait: other requests are served while this one "takes" its latency. */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
