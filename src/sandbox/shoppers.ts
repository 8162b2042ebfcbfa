import type { SimulatorState } from './shopify/index.js';
import { createRandom, type Random } from './seed/random.js';

/**
 * Shoppers for the sandbox (docs/architecture.md#no-oversell): while a sync runs, customers keep buying on Shopify.
 * They check out through the simulator's `placeOrder`, which takes stock like Shopify's checkout (available −q,
 * committed +q at one location), so a sync that puts sold units back on sale is caught by the simulators' own numbers.
 *
 * Arrivals are a Poisson process (exponential gaps, mean 1/rate) from a seeded PRNG: the same seed buys the same
 * way given the same stock. Only what a storefront sells is bought: ACTIVE products, tracked items, a location
 * with available > 0, and never more than is available there (inventoryPolicy DENY, as the tool creates them).
 */
export interface ShoppersOptions {
  /** Mean orders per second (on real timers). */
  ratePerSecond: number;
  /**
   * Paced by the Shopify simulator's requests instead of the wall clock: the chance that a shopper checks out
   * as each GraphQL request arrives (0–1; set, it replaces `ratePerSecond`). Tests use it so the number of sales
   * landing inside a run depends on the run's requests, not on how fast the machine is.
   */
  perRequest?: number;
  seed?: number;
  /** Share of orders left unpaid (bank transfer awaited: Sentos gets them as "awaiting approval"). Default 0. */
  unpaidShare?: number;
  /** Start paused; `resume()` lets them in. Default false. */
  paused?: boolean;
}

export interface ShopperOrder {
  /** Order gid; `legacyId` is what the tool sends to Sentos as order_id. */
  id: string;
  legacyId: number;
  name: string;
  sku: string;
  quantity: number;
  locationId: string;
  financialStatus: 'PAID' | 'PENDING';
  atMs: number;
}

export interface Shoppers {
  /** Every order placed so far, in order. */
  readonly placed: readonly ShopperOrder[];
  /** True while no order arrives on its own: paused, stopped, or a rate of 0. */
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  /** Stops for good (close() of the sandbox calls it). */
  stop(): void;
  /** One purchase now, chosen like the others; undefined when nothing is in stock. Works while paused. */
  buyOnce(): ShopperOrder | undefined;
}

interface Candidate {
  sku: string;
  locations: Array<{ locationId: string; available: number }>;
}

export function startShoppers(
  state: SimulatorState,
  options: ShoppersOptions,
  onRequest?: (listener: () => void) => void,
): Shoppers {
  if (!(options.ratePerSecond >= 0)) throw new Error('shoppers: ratePerSecond must be 0 or more');
  const perRequest = options.perRequest;
  if (perRequest !== undefined && !(perRequest >= 0 && perRequest <= 1))
    throw new Error('shoppers: perRequest must be between 0 and 1');
  if (perRequest !== undefined && !onRequest) throw new Error('shoppers: perRequest needs the request hook');
  const random = createRandom((options.seed ?? 1) ^ 0x5b0b);
  const placed: ShopperOrder[] = [];
  const buyOnce = () => {
    const order = buy(state, random, options.unpaidShare ?? 0);
    if (order) placed.push(order);
    return order;
  };
  const arrivals =
    perRequest === undefined
      ? new Arrivals(options.ratePerSecond, random, buyOnce)
      : new RequestArrivals(perRequest, random, buyOnce, onRequest!);
  if (!options.paused) arrivals.resume();
  return {
    placed,
    get paused() {
      return !arrivals.running;
    },
    pause: () => arrivals.pause(),
    resume: () => arrivals.resume(),
    stop: () => arrivals.stop(),
    buyOnce,
  };
}

/** A Poisson process: exponential gaps, -ln(U)/rate. Timers are unref'd so they never keep a process alive. */
class Arrivals {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly ratePerSecond: number,
    private readonly random: Random,
    private readonly arrive: () => void,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  resume(): void {
    if (this.stopped || this.timer || this.ratePerSecond === 0) return;
    // 1 - next() keeps U in (0, 1], so the log is finite.
    const gapMs = (-Math.log(1 - this.random.next()) / this.ratePerSecond) * 1000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.arrive();
      this.resume();
    }, gapMs);
    this.timer.unref();
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.pause();
  }
}

/** Arrivals paced by the simulator's requests: each request is a chance `perRequest` that someone buys. */
class RequestArrivals {
  running = false;
  private stopped = false;

  constructor(
    private readonly perRequest: number,
    private readonly random: Random,
    private readonly arrive: () => void,
    onRequest: (listener: () => void) => void,
  ) {
    onRequest(() => {
      if (this.running && this.random.next() < this.perRequest) this.arrive();
    });
  }

  resume(): void {
    this.running = !this.stopped && this.perRequest > 0;
  }

  pause(): void {
    this.running = false;
  }

  stop(): void {
    this.stopped = true;
    this.running = false;
  }
}

/** One checkout, chosen at random among what the storefront can sell now. */
function buy(state: SimulatorState, random: Random, unpaidShare: number): ShopperOrder | undefined {
  const candidate = pickCandidate(state, random);
  if (!candidate) return undefined;
  const where = random.pick(candidate.locations);
  const quantity = random.int(1, Math.min(2, where.available));
  const financialStatus = random.chance(unpaidShare) ? 'PENDING' : 'PAID';
  const gateway = financialStatus === 'PAID' ? 'shopify_payments' : 'Havale/EFT';
  const order = state.placeOrder({
    lines: [{ sku: candidate.sku, quantity }],
    locationId: where.locationId,
    financialStatus,
    gateway,
  });
  return {
    id: order.id,
    legacyId: order.legacyId,
    name: order.name,
    sku: candidate.sku,
    quantity,
    locationId: where.locationId,
    financialStatus,
    atMs: state.store.nowMs(),
  };
}

/** A variant a storefront would sell now, with the locations that can ship it. */
function pickCandidate(state: SimulatorState, random: Random): Candidate | undefined {
  const candidates: Candidate[] = [];
  for (const product of state.products) {
    if (product.status !== 'ACTIVE') continue;
    for (const variant of product.variants) {
      if (!variant.sku) continue;
      const item = state.store.itemOf(variant);
      if (!item.tracked) continue;
      const locations = item.levels
        .filter((l) => l.isActive && l.quantities.available > 0)
        .map((l) => ({ locationId: l.locationId, available: l.quantities.available }));
      // Duplicated SKUs: placeOrder takes the oldest variant, so only that one is a fair pick.
      if (locations.length > 0 && state.variantBySku(variant.sku)?.id === variant.id)
        candidates.push({ sku: variant.sku, locations });
    }
  }
  return candidates.length > 0 ? random.pick(candidates) : undefined;
}
