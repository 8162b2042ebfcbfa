/**
 * Runs every GraphQL attempt through a Bottleneck limiter (at most 2 in flight, §7.1 "maxConcurrent 1–2")
 * and the cost bucket of throttle.ts: wait for the expected cost before sending, learn the real bucket
 * from each response. Plugged into HttpClient's `schedule` and `bodyRetrySignal` hooks.
 */
import Bottleneck from 'bottleneck';
import type { Clock } from '../core/clock.js';
import type { AttemptOutcome, BodyRetrySignal, HttpRequest, HttpResponse } from '../core/http/client.js';
import type { RequestStats } from '../core/request-stats.js';
import { hasErrorCode, readCost } from './envelope.js';
import {
  INITIAL_THROTTLE,
  observeCost,
  planRequest,
  refundReservation,
  throttledRetryMs,
  type ThrottleState,
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
  /** 1–2 (§7.1); default 2. */
  maxConcurrent?: number;
  onThrottle?: (event: ThrottleEvent) => void;
}

export class CostPacer {
  private state: ThrottleState = INITIAL_THROTTLE;
  private readonly limiter: Bottleneck;

  constructor(private readonly options: CostPacerOptions) {
    this.limiter = new Bottleneck({ maxConcurrent: options.maxConcurrent ?? 2 });
  }

  /** HttpClient `schedule` hook. */
  readonly schedule = (request: HttpRequest, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome> =>
    this.limiter.schedule(() => this.run(request.operation, task));

  /** HttpClient `bodyRetrySignal` hook: THROTTLED in a 200 body is retryable after the computed wait (§6.2). */
  readonly bodyRetrySignal = (response: HttpResponse): BodyRetrySignal | undefined => {
    if (!hasErrorCode(response.body, 'THROTTLED')) return undefined;
    return { code: 'THROTTLED', retryAfterMs: throttledRetryMs(readCost(response.body)) };
  };

  private async run(operation: string, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome> {
    const plan = planRequest(this.state, operation, this.options.clock.now());
    this.state = plan.state;
    if (plan.waitMs > 0) {
      this.options.onThrottle?.({ operation, waitMs: plan.waitMs, reason: 'bucket' });
      await this.options.clock.sleep(plan.waitMs);
    }
    const outcome = await task();
    this.observe(operation, outcome.response);
    return outcome;
  }

  private observe(operation: string, response: HttpResponse | undefined): void {
    const cost = response ? readCost(response.body) : undefined;
    if (!response || !cost) {
      this.state = refundReservation(this.state, operation);
      return;
    }
    this.state = observeCost(this.state, operation, cost, this.options.clock.now());
    if (typeof cost?.actualQueryCost === 'number') this.options.stats?.recordCost('shopify', cost.actualQueryCost);
    if (hasErrorCode(response.body, 'THROTTLED')) {
      const waitMs = throttledRetryMs(cost);
      if (waitMs !== undefined) this.options.onThrottle?.({ operation, waitMs, reason: 'throttled' });
    }
  }
}
