/**
 * Sentos rate limits (docs/sentos-api.md#rate-limits [V: MSO citing docs v1.5]): 12 POST per minute, and the same GET
 * at
 * most twice per minute. Sliding windows; a limited request is not processed and does not use up quota.
 * "The same GET" is method + full path + query (+ body, for a GET with a body); a different page is a
 * different GET (docs/sentos-api.md#rate-limits [I]).
 */
import type { SentosSimLimits } from './options.js';

export type LimitDecision = { limited: false } | { limited: true; retryAfterMs: number };

export interface SentosLimiter {
  /** Writes share one window; each distinct read key has its own. */
  check(kind: 'read' | 'write', key: string, now: number): LimitDecision;
}

const PRUNE_AT = 5_000;

export function createLimiter(limits: SentosSimLimits): SentosLimiter {
  const writes: number[] = [];
  const reads = new Map<string, number[]>();
  const admit = (log: number[], max: number, now: number): LimitDecision => {
    while (log.length > 0 && (log[0] as number) <= now - limits.windowMs) log.shift();
    if (log.length >= max)
      return { limited: true, retryAfterMs: Math.max(1, (log[0] as number) + limits.windowMs - now) };
    log.push(now);
    return { limited: false };
  };
  return {
    check(kind, key, now) {
      if (kind === 'write') return admit(writes, limits.postsPerWindow, now);
      if (reads.size > PRUNE_AT) prune(reads, now - limits.windowMs);
      let log = reads.get(key);
      if (!log) reads.set(key, (log = []));
      return admit(log, limits.sameGetPerWindow, now);
    },
  };
}

function prune(reads: Map<string, number[]>, cutoff: number): void {
  for (const [key, log] of reads) if ((log[log.length - 1] ?? 0) <= cutoff) reads.delete(key);
}

/**
 * Retry-After is seconds (RFC 9110). Whole seconds for real-sized windows; fractions when a test shrinks
 * the window below a second (the client's parser accepts "0.25").
 */
export function formatRetryAfter(retryAfterMs: number, windowMs: number): string {
  if (windowMs >= 1000) return String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return (Math.max(1, retryAfterMs) / 1000).toFixed(3);
}
