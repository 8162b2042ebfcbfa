/**
 * Runs every GraphQL attempt through a bound on requests in flight (Slots, below) and the cost bucket of throttle.ts:
 * reserve the request's predicted cost once the bucket holds it (waiting in line until then), send, and settle the
 * reservation with the bucket Shopify reports. The first request goes alone: until an answer tells the bucket,
 * nothing can be paced. Plugged into HttpClient's `schedule` and `bodyRetrySignal` hooks.
 */
import type { Clock } from '../core/clock.js';
import type { AttemptOutcome, BodyRetrySignal, HttpRequest, HttpResponse } from '../core/http/client.js';
import type { RequestStats } from '../core/request-stats.js';
import { hasErrorCode, readCost } from './envelope.js';
import {
  availableAt,
  INITIAL_THROTTLE,
  planRequest,
  settle,
  throttledRetryMs,
  type ThrottleState,
  type ThrottleStatus,
} from './throttle.js';

export interface ThrottleEvent {
  operation: string;
  waitMs: number;
  /** 'bucket': paced before sending; 'throttled': Shopify answered THROTTLED and the retry waits. */
  reason: 'bucket' | 'throttled';
}

export interface CostPacerOptions {
  clock: Clock;
  stats?: RequestStats;
  /** Requests in flight at once (default DEFAULT_MAX_IN_FLIGHT); the bucket is the real bound. */
  maxConcurrent?: number;
  onThrottle?: (event: ThrottleEvent) => void;
}

/**
 * The ceiling on requests in flight; product writes overlap as many as the full bucket pays for at once below it
 * (throttle.ts inFlightFor). A Plus first sync of 1,000 products (22.8 points each, ~0.55 s a productSet) is
 * quota-bound only with ~160+ in flight: 1,000 × 0.55 s ÷ (2.8 s of restore beyond the bucket + one round trip); at 64
 * its writes took 3× that (docs/shopify-api.md#rate-limits-by-plan). Shopify documents no concurrency limit, only the
 * bucket, and a Standard bucket sizes its writes to ~87 whatever this says.
 */
export const DEFAULT_MAX_IN_FLIGHT = 256;

interface Waiter {
  operation: string;
  predicted: number;
  estimate: number;
  resolve: (reservation: number) => void;
}

/** A request with no prediction (none today: GraphqlTransport predicts every one) reserves this much. */
const UNPREDICTED_COST = 50;

export class CostPacer {
  private state: ThrottleState = INITIAL_THROTTLE;
  private readonly slots: Slots;
  /** Settles when the first request learning the bucket has its answer. */
  private learning: Promise<void> | undefined;
  /** Requests waiting for the bucket, first come first served (admit, pump). */
  private readonly waiting: Waiter[] = [];
  /** What the waiting requests will reserve (their estimates): only for the wait a new one is told. */
  private queuedCost = 0;
  /** Clock time of the pending wake-up, if any. */
  private wakeAt: number | undefined;

  constructor(private readonly options: CostPacerOptions) {
    this.slots = new Slots(options.maxConcurrent ?? DEFAULT_MAX_IN_FLIGHT);
  }

  /**
   * The bucket as last reported, restored to now, less what requests in flight have reserved; undefined before the
   * first answer.
   */
  bucket(): ThrottleStatus | undefined {
    const { bucket, reserved } = this.state;
    if (!bucket) return undefined;
    const available = Math.max(0, availableAt(bucket, this.options.clock.now()) - reserved);
    return {
      maximumAvailable: bucket.maximumAvailable,
      currentlyAvailable: available,
      restoreRate: bucket.restoreRate,
    };
  }

  /** HttpClient `schedule` hook. */
  readonly schedule = (request: HttpRequest, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome> =>
    this.slots.run(() => this.run(request, task));

  /**
   * HttpClient `bodyRetrySignal` hook: THROTTLED in a 200 body is retryable after the computed wait
   * (docs/shopify-api.md#errors).
   */
  readonly bodyRetrySignal = (response: HttpResponse): BodyRetrySignal | undefined => {
    if (!hasErrorCode(response.body, 'THROTTLED')) return undefined;
    return { code: 'THROTTLED', retryAfterMs: throttledRetryMs(readCost(response.body)) };
  };

  private async run(request: HttpRequest, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome> {
    while (!this.state.bucket && this.learning) await this.learning;
    const operation = request.operation;
    const predicted = request.predictedCost ?? UNPREDICTED_COST;
    const reservation = await this.admit(operation, predicted);
    let learned: (() => void) | undefined;
    if (!this.state.bucket) this.learning = new Promise<void>((resolve) => (learned = resolve));
    let response: HttpResponse | undefined;
    try {
      const outcome = await task();
      response = outcome.response;
      return outcome;
    } finally {
      this.observe(operation, { reservation, predicted }, response);
      if (learned) {
        this.learning = undefined;
        learned();
      }
      this.pump();
    }
  }

  /**
   * Reserves the request's cost at once when nothing waits and the bucket (less what is in flight) holds it; otherwise
   * it waits in line. A waiting request holds no reservation and its wait is not fixed up front: the line is looked at
   * again at every answer (which releases a reservation and reports the bucket) and when the head's computed wait is
   * up. A wait fixed at planning time counted the requests then in flight for their whole round trip, and with
   * hundreds in flight on Plus that held the last writes of a run back by seconds after the bucket had room.
   */
  private admit(operation: string, predicted: number): number | Promise<number> {
    const now = this.options.clock.now();
    if (this.waiting.length === 0) {
      const plan = planRequest(this.state, operation, predicted, now);
      if (plan.waitMs <= 0) {
        this.state = plan.state;
        return plan.reservation;
      }
    }
    // The wait as if every request ahead in line were reserved: what the progress shows (a slow run never looks hung).
    const ahead = { ...this.state, reserved: this.state.reserved + this.queuedCost };
    const estimate = planRequest(ahead, operation, predicted, now);
    this.options.onThrottle?.({ operation, waitMs: estimate.waitMs, reason: 'bucket' });
    this.queuedCost += estimate.reservation;
    return new Promise<number>((resolve) => {
      this.waiting.push({ operation, predicted, estimate: estimate.reservation, resolve });
      this.pump();
    });
  }

  /** Lets waiting requests go, in order, while the bucket holds each; else wakes again when the head's wait is up. */
  private pump(): void {
    while (this.waiting.length > 0) {
      const head = this.waiting[0]!;
      const plan = planRequest(this.state, head.operation, head.predicted, this.options.clock.now());
      if (plan.waitMs > 0) return this.wakeIn(plan.waitMs);
      this.state = plan.state;
      this.waiting.shift();
      this.queuedCost = Math.max(0, this.queuedCost - head.estimate);
      head.resolve(plan.reservation);
    }
  }

  /** One timer at a time, for the earliest wake-up asked; a later or stale timer only pumps again (harmless). */
  private wakeIn(ms: number): void {
    const due = this.options.clock.now() + ms;
    if (this.wakeAt !== undefined && this.wakeAt <= due) return;
    this.wakeAt = due;
    void this.options.clock.sleep(ms).then(() => {
      if (this.wakeAt === due) this.wakeAt = undefined;
      this.pump();
    });
  }

  private observe(operation: string, request: { reservation: number; predicted: number }, response?: HttpResponse) {
    const cost = response ? readCost(response.body) : undefined;
    this.state = settle(this.state, operation, request, cost, this.options.clock.now());
    if (typeof cost?.actualQueryCost === 'number') this.options.stats?.recordCost('shopify', cost.actualQueryCost);
    if (response && hasErrorCode(response.body, 'THROTTLED')) {
      const waitMs = throttledRetryMs(cost);
      if (waitMs !== undefined) this.options.onThrottle?.({ operation, waitMs, reason: 'throttled' });
    }
  }
}

/**
 * At most `size` tasks at once, the others waiting in arrival order: all the pacer needs of a limiter (the bucket does
 * the pacing), at ~15 µs of CPU per request where bottleneck's queue took ~300 µs, which a Plus run with hundreds in
 * flight pays a thousand times (docs/decisions/cost-pacer-slots.md).
 */
class Slots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy -= 1;
    }
  }
}
