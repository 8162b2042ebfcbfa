import { systemClock, type Clock } from '../core/clock.js';
import type { AttemptOutcome, HttpRequest } from '../core/http/client.js';
import { isAuthRejection } from './auth.js';
import { WindowSlots } from './window-slots.js';

/**
 * Sentos's published limits (docs/house-style.md#5-declarative-limits). Each constant cites its source.
 */
export interface SentosLimits {
  /**
   * Writes per window. "POST 12 per minute" (docs/sentos-api.md#rate-limits [V: MSO citing docs v1.5; ERPD]); PUT
   * shares it [I].
   */
  postsPerWindow: number;
  /**
   * "The same GET request twice per minute" (docs/sentos-api.md#rate-limits [V: MSO]); another `page` is another GET
   * [I].
   */
  sameGetPerWindow: number;
  /** "per minute" (docs/sentos-api.md#rate-limits [V: MSO]). Tests shrink it. */
  windowMs: number;
  /** Waits shorter than this are not announced through onWait. */
  noticeWaitMs: number;
}

export const DEFAULT_SENTOS_LIMITS: SentosLimits = {
  postsPerWindow: 12,
  sameGetPerWindow: 2,
  windowMs: 60_000,
  noticeWaitMs: 1_000,
};

export type SentosWaitLimit = 'writes' | 'same-get' | 'rate-limited';

export interface SentosWait {
  /** Human text for the CLI, e.g. "Sentos's 12 POST/min limit". */
  reason: string;
  waitMs: number;
  limit: SentosWaitLimit;
  operation: string;
}

export interface SentosScheduler {
  /** HttpClient's `schedule` hook: every attempt (retries included) passes through it. */
  schedule(request: HttpRequest, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome>;
}

export interface SentosSchedulerOptions {
  limits?: Partial<SentosLimits>;
  clock?: Clock;
  onWait?: (wait: SentosWait) => void;
}

export function createSentosScheduler(options: SentosSchedulerOptions = {}): SentosScheduler {
  const limits = { ...DEFAULT_SENTOS_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const writes = new WindowSlots(limits.postsPerWindow, limits.windowMs, clock);
  // One window per distinct GET (a Bottleneck per key, like Bottleneck.Group); idle ones are dropped whenever a
  // new key comes, so a long catalog read keeps only the GETs of the last window.
  const gets = new Map<string, WindowSlots>();
  const dropIdle = () => {
    for (const [key, slots] of gets) if (slots.idle) gets.delete(key);
  };

  const windowFor = (request: HttpRequest): { slots: WindowSlots; limit: SentosWaitLimit; key: string } => {
    if (request.method !== 'GET') return { slots: writes, limit: 'writes', key: 'writes' };
    const key = sameGetKey(request);
    let slots = gets.get(key);
    if (!slots) {
      dropIdle();
      slots = new WindowSlots(limits.sameGetPerWindow, limits.windowMs, clock);
      gets.set(key, slots);
    }
    return { slots, limit: 'same-get', key };
  };

  return {
    schedule(request: HttpRequest, task: () => Promise<AttemptOutcome>): Promise<AttemptOutcome> {
      const { slots, limit, key } = windowFor(request);
      const estimate = slots.estimateWait();
      if (estimate.waitMs > 0 && estimate.waitMs >= limits.noticeWaitMs) {
        const kind: SentosWaitLimit = estimate.paused ? 'rate-limited' : limit;
        options.onWait?.({
          reason: describeLimit(kind, limits, key),
          waitMs: estimate.waitMs,
          limit: kind,
          operation: request.operation,
        });
      }
      const holdMs = (outcome: AttemptOutcome): number => {
        const status = outcome.response?.status;
        // A request refused as unauthenticated is not the tenant's GET (auth detection probes) [I].
        if (status !== undefined && isAuthRejection(status)) return 0;
        // 429 without Retry-After: wait out the window rather than hammer with short backoffs
        // (docs/sentos-api.md#rate-limits [V: MSO 61 s, LSC 31 s]).
        if (status === 429 && !outcome.response?.headers.get('retry-after')?.trim()) slots.pause(limits.windowMs);
        return limits.windowMs;
      };
      return slots.run(task, holdMs);
    },
  };
}

/** Method + path + query in a stable order: "the same GET" (docs/sentos-api.md#rate-limits). */
export function sameGetKey(request: Pick<HttpRequest, 'method' | 'path' | 'query'>): string {
  const query = Object.entries(request.query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .sort()
    .join('&');
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

/** The text the CLI shows, e.g. "waiting 41s for Sentos's 12 POST/min limit". */
export function describeLimit(kind: SentosWaitLimit, limits: SentosLimits, key: string): string {
  const per = limits.windowMs === 60_000 ? 'min' : `${limits.windowMs}ms`;
  if (kind === 'writes') return `Sentos's ${limits.postsPerWindow} POST/${per} limit`;
  if (kind === 'same-get') return `Sentos's limit of ${limits.sameGetPerWindow} identical GETs/${per} (${key})`;
  return `Sentos answered 429 without Retry-After; waiting out its ${per === 'min' ? '1-minute' : per} window`;
}
