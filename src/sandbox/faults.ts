import { createRandom, type Random } from './seed/random.js';

/**
 * Scripted, seeded faults for both simulators. A fault is decided per request before it is handled, so a run with the
 * same seed and the same request sequence meets the same faults.
 *
 * - rate-limit:   429 with Retry-After, request not processed
 * - server-error: 500/503, request not processed
 * - drop-before:  the socket is destroyed before the request is processed
 * - drop-after:   the request IS processed, then the socket is destroyed without a response
 *                 (the "outcome unknown" case that breaks naive retries of writes)
 * - slow:         the response is delayed by slowMs
 * - throttled:    Shopify only: a THROTTLED GraphQL error, request not processed
 */
export type FaultKind = 'rate-limit' | 'server-error' | 'drop-before' | 'drop-after' | 'slow' | 'throttled';

export const ALL_FAULTS: readonly FaultKind[] = [
  'rate-limit',
  'server-error',
  'drop-before',
  'drop-after',
  'slow',
  'throttled',
];

export interface FaultOptions {
  /** Probability in [0, 1] that a request meets a fault. */
  rate: number;
  seed?: number;
  kinds?: readonly FaultKind[];
  /** Retry-After sent with injected 429s, in seconds (fractions allowed so tests stay fast). */
  retryAfterSeconds?: number;
  slowMs?: number;
}

export interface FaultInjector {
  /** Decide the fault for the next request, given the kinds this simulator supports. */
  next(supported: readonly FaultKind[]): FaultKind | undefined;
  readonly retryAfterSeconds: number;
  readonly slowMs: number;
  /** Faults injected so far by kind, for /__sandbox/stats. */
  counts(): Record<string, number>;
}

export function createFaultInjector(options: FaultOptions | undefined): FaultInjector {
  const rate = Math.min(1, Math.max(0, options?.rate ?? 0));
  const random: Random = createRandom(options?.seed ?? 1);
  const kinds = options?.kinds ?? ALL_FAULTS;
  const counts: Record<string, number> = {};
  return {
    retryAfterSeconds: options?.retryAfterSeconds ?? 1,
    slowMs: options?.slowMs ?? 200,
    next(supported) {
      if (rate === 0) return undefined;
      const hit = random.chance(rate);
      const candidates = kinds.filter((kind) => supported.includes(kind));
      const kind = candidates.length > 0 ? random.pick(candidates) : undefined;
      if (!hit || !kind) return undefined;
      counts[kind] = (counts[kind] ?? 0) + 1;
      return kind;
    },
    counts: () => ({ ...counts }),
  };
}
