/**
 * The GraphQL cost bucket as a pure state machine (docs/house-style.md#11-pure-core-table-tested;
 * docs/shopify-api.md#rate-limits-by-plan).
 * Shopify reports `extensions.cost.throttleStatus` on every response; between responses the bucket refills at
 * `restoreRate` points per second. Before a request the pacer reserves its predicted requested cost
 * (operations/predict-cost.ts, scaled by what Shopify last charged against that prediction) and waits until the
 * bucket, less every reservation still in flight, holds it; Shopify charges the requested cost on arrival and
 * refunds to the actual cost, which the next observed throttleStatus carries. Bucket sizes and rates are never
 * hard-coded: they differ by plan and Shopify may lower them.
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

/** The last known bucket, `at` = clock time of the observation. */
export interface Bucket extends ThrottleStatus {
  at: number;
}

export interface ThrottleState {
  bucket: Bucket | undefined;
  /** Points reserved by requests planned and not answered yet (sent, or waiting for their turn). */
  reserved: number;
  /** Per operation: Shopify's last requestedQueryCost over our prediction for it (1 = the prediction is exact). */
  correction: Readonly<Record<string, number>>;
}

export const INITIAL_THROTTLE: ThrottleState = { bucket: undefined, reserved: 0, correction: {} };

/** Points available at `now`, extrapolating the restore since the observation. */
export function availableAt(bucket: Bucket, now: number): number {
  const restored = bucket.currentlyAvailable + (bucket.restoreRate * Math.max(0, now - bucket.at)) / 1000;
  return Math.min(bucket.maximumAvailable, restored);
}

/** What to reserve: the prediction, corrected by experience, never above the bucket (it could never be sent). */
export function expectedCost(state: ThrottleState, operation: string, predicted: number): number {
  const cost = Math.ceil(predicted * (state.correction[operation] ?? 1));
  return state.bucket ? Math.min(cost, state.bucket.maximumAvailable) : cost;
}

export interface PlannedRequest {
  /** How long to wait before sending. */
  waitMs: number;
  /** Points reserved; give them to `settle` with the answer. */
  reservation: number;
  state: ThrottleState;
}

/**
 * Reserves the expected cost and says how long to wait first: until the bucket, less what other requests in
 * flight have reserved, holds it. Without any observation yet there is nothing to pace against (the pacer sends
 * a single first request to learn the bucket).
 */
export function planRequest(state: ThrottleState, operation: string, predicted: number, now: number): PlannedRequest {
  const reservation = expectedCost(state, operation, predicted);
  const next = { ...state, reserved: state.reserved + reservation };
  const { bucket } = state;
  if (!bucket) return { waitMs: 0, reservation, state: next };
  const deficit = reservation - (availableAt(bucket, now) - state.reserved);
  const waitMs = deficit <= 0 || bucket.restoreRate <= 0 ? 0 : Math.ceil((deficit / bucket.restoreRate) * 1000);
  return { waitMs, reservation, state: next };
}

/**
 * An answer came: its reservation is released and the server's bucket taken, with the other reservations
 * still in flight kept on top of it (their charges may not be in this status yet). Answers can arrive out of
 * order: an older status may lack charges a newer one already showed, so the bucket never rises above what the
 * last observation, restored since, allows. Without cost data (network error, 429, 5xx) nothing was charged:
 * the reservation simply goes back.
 */
export function settle(
  state: ThrottleState,
  operation: string,
  request: { reservation: number; predicted: number },
  cost: QueryCost | undefined,
  now: number,
): ThrottleState {
  const reserved = Math.max(0, state.reserved - request.reservation);
  const correction =
    // Only from answers that ran (a THROTTLED answer carries no actual cost, and its requested figure may not
    // be this query's: the sandbox's injected THROTTLED reports max + 1).
    typeof cost?.requestedQueryCost === 'number' && typeof cost.actualQueryCost === 'number' && request.predicted > 0
      ? { ...state.correction, [operation]: cost.requestedQueryCost / request.predicted }
      : state.correction;
  const status = cost?.throttleStatus;
  if (!status) return { ...state, reserved, correction };
  const previous = state.bucket ? availableAt(state.bucket, now) : Infinity;
  const bucket = { ...status, currentlyAvailable: Math.min(status.currentlyAvailable, previous), at: now };
  return { bucket, reserved, correction };
}

/** How long to wait after THROTTLED before the same query can be afforded; undefined when unknown. */
export function throttledRetryMs(cost: QueryCost | undefined): number | undefined {
  const status = cost?.throttleStatus;
  if (!status || typeof cost?.requestedQueryCost !== 'number' || status.restoreRate <= 0) return undefined;
  const deficit = cost.requestedQueryCost - status.currentlyAvailable;
  return Math.max(0, Math.ceil((deficit / status.restoreRate) * 1000));
}

/**
 * How many requests of `cost` points are worth keeping in flight: as many as the full bucket pays for at once (more
 * would only wait for the restore), at least 1 and at most `max` (shopify.maxInFlight). Unknown bucket: `max`.
 */
export function inFlightFor(bucket: Pick<ThrottleStatus, 'maximumAvailable'> | undefined, cost: number, max: number) {
  if (!bucket || cost <= 0) return max;
  return Math.max(1, Math.min(max, Math.floor(bucket.maximumAvailable / cost)));
}
