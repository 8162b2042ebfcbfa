/**
 * The retry decision, as pure functions (docs/house-style.md#6-pure-retry-decisions). p-retry runs the loop; this
 * decides.
 *
 * - Network errors, 429, 5xx and GraphQL THROTTLED are transient.
 * - 4xx other than 408/429 are validation or auth failures: never retried.
 * - A write that is not idempotent is only retried when we know it was not processed: a 429 (rejected by
 *   the limiter) or a connection that never opened. A 5xx or a reset after the body was sent leaves the
 *   outcome unknown, so the caller must look the record up before anything is re-sent.
 */

export type FailureKind =
  | { type: 'status'; status: number }
  | { type: 'network'; code: string; sent: boolean }
  | { type: 'graphql'; code: string };

export interface RetryInput {
  failure: FailureKind;
  /** true for reads and for writes that are safe to repeat (idempotency key, declarative upsert). */
  idempotent: boolean;
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  maxAttempts: number;
}

export type RetryDecision = 'retry' | 'fail' | 'outcome-unknown';

/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function wasNeverSent(code: string): boolean {
  return NOT_SENT_CODES.has(code);
}

export function shouldRetry(input: RetryInput): RetryDecision {
  const { failure, idempotent } = input;
  const transient = isTransient(failure);
  if (!transient) return 'fail';
  const safeToRepeat = idempotent || wasRejectedUnprocessed(failure);
  if (!safeToRepeat) return 'outcome-unknown';
  return input.attempt < input.maxAttempts ? 'retry' : 'fail';
}

function isTransient(failure: FailureKind): boolean {
  switch (failure.type) {
    case 'network':
      return true;
    case 'graphql':
      // MAX_COST_EXCEEDED will fail the same way every time: the query has to shrink.
      return failure.code === 'THROTTLED';
    case 'status':
      return failure.status === 408 || failure.status === 429 || failure.status >= 500;
  }
}

function wasRejectedUnprocessed(failure: FailureKind): boolean {
  if (failure.type === 'status') return failure.status === 429;
  if (failure.type === 'graphql') return failure.code === 'THROTTLED';
  return !failure.sent;
}

export interface DelayInput {
  attempt: number;
  /** Server-requested wait (already converted to ms), e.g. from Retry-After or a throttle computation. */
  retryAfterMs?: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1, injected so the table tests are deterministic. */
  random: number;
}

/**
 * Exponential backoff with full jitter above a floor of half the step; the server's own wait wins when
 * it asks for longer (Retry-After is a minimum, not a suggestion).
 */
export function retryDelayMs(input: DelayInput): number {
  const step = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** Math.max(0, input.attempt - 1));
  const jittered = step / 2 + (step / 2) * input.random;
  const serverMs = input.retryAfterMs ?? 0;
  return Math.round(Math.max(jittered, serverMs));
}
