/**
 * The GraphQL cost bucket as a pure state machine (design.md style 11; shopify-admin-api.md §7.1 "Client
 * strategy"). Shopify reports `extensions.cost.throttleStatus` on every response; between responses the
 * bucket refills at `restoreRate` points per second. Before a request we reserve its expected cost (the
 * last requestedQueryCost seen for that operation) and wait for the deficit; on THROTTLED we wait
 * (requestedQueryCost − currentlyAvailable) / restoreRate. Bucket sizes and rates are never hard-coded:
 * they differ by plan and Shopify may lower them (§7.1).
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

/** The last known bucket, `at` = clock time of the observation. currentlyAvailable may go negative: debt. */
export interface Bucket extends ThrottleStatus {
  at: number;
}

export interface ThrottleState {
  bucket: Bucket | undefined;
  /** Last requestedQueryCost per operation name. */
  lastCost: Readonly<Record<string, number>>;
}

export const INITIAL_THROTTLE: ThrottleState = { bucket: undefined, lastCost: {} };

/**
 * Expected cost of an operation never seen before. 1,000 is the most any single query may request (§7.1),
 * so this can only over-wait, once per operation; capped by the bucket size so it never waits forever.
 */
export const FIRST_COST_GUESS = 1_000;

/** Points available at `now`, extrapolating the restore since the observation. */
export function availableAt(bucket: Bucket, now: number): number {
  const restored = bucket.currentlyAvailable + (bucket.restoreRate * Math.max(0, now - bucket.at)) / 1000;
  return Math.min(bucket.maximumAvailable, restored);
}

export function expectedCost(state: ThrottleState, operation: string): number {
  const guess = state.lastCost[operation] ?? FIRST_COST_GUESS;
  return state.bucket ? Math.min(guess, state.bucket.maximumAvailable) : guess;
}

/**
 * Reserves the expected cost of `operation` and says how long to wait first. Without any observation yet
 * there is nothing to pace against: go. The reservation lets a second concurrent request see the debt.
 */
export function planRequest(
  state: ThrottleState,
  operation: string,
  now: number,
): { waitMs: number; state: ThrottleState } {
  const { bucket } = state;
  if (!bucket) return { waitMs: 0, state };
  const remaining = availableAt(bucket, now) - expectedCost(state, operation);
  const waitMs = remaining >= 0 || bucket.restoreRate <= 0 ? 0 : Math.ceil((-remaining / bucket.restoreRate) * 1000);
  return { waitMs, state: { ...state, bucket: { ...bucket, currentlyAvailable: remaining, at: now } } };
}

/** Takes the server's word for the bucket and remembers what this operation requested. */
export function observeCost(
  state: ThrottleState,
  operation: string,
  cost: QueryCost | undefined,
  now: number,
): ThrottleState {
  if (!cost) return state;
  const lastCost =
    typeof cost.requestedQueryCost === 'number'
      ? { ...state.lastCost, [operation]: cost.requestedQueryCost }
      : state.lastCost;
  const bucket = cost.throttleStatus ? { ...cost.throttleStatus, at: now } : state.bucket;
  return { bucket, lastCost };
}

/**
 * A request that came back without cost data (network error, 429, 5xx) was not charged: give its
 * reservation back, or two failures in a row leave the pacer waiting for a bucket that is in fact full.
 */
export function refundReservation(state: ThrottleState, operation: string): ThrottleState {
  const { bucket } = state;
  if (!bucket) return state;
  const currentlyAvailable = Math.min(
    bucket.maximumAvailable,
    bucket.currentlyAvailable + expectedCost(state, operation),
  );
  return { ...state, bucket: { ...bucket, currentlyAvailable } };
}

/** How long to wait after THROTTLED before the same query can be afforded; undefined when unknown. */
export function throttledRetryMs(cost: QueryCost | undefined): number | undefined {
  const status = cost?.throttleStatus;
  if (!status || typeof cost?.requestedQueryCost !== 'number' || status.restoreRate <= 0) return undefined;
  const deficit = cost.requestedQueryCost - status.currentlyAvailable;
  return Math.max(0, Math.ceil((deficit / status.restoreRate) * 1000));
}
