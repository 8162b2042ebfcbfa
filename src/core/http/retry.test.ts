import { describe, expect, it } from 'vitest';
import { retryDelayMs, shouldRetry, type FailureKind, type RetryDecision } from './retry.js';

const status = (code: number): FailureKind => ({ type: 'status', status: code });
const net = (code: string, sent = true): FailureKind => ({ type: 'network', code, sent });
const gql = (code: string): FailureKind => ({ type: 'graphql', code });

describe('shouldRetry', () => {
  it.each<[string, FailureKind, boolean, number, RetryDecision]>([
    ['429 on a read', status(429), true, 1, 'retry'],
    ['429 on a non-idempotent write (rejected, not processed)', status(429), false, 1, 'retry'],
    ['503 on a read', status(503), true, 1, 'retry'],
    ['500 on a non-idempotent write: may have been applied', status(500), false, 1, 'outcome-unknown'],
    ['500 on an idempotent write', status(500), true, 2, 'retry'],
    ['408 on a read', status(408), true, 1, 'retry'],
    ['400 validation', status(400), true, 1, 'fail'],
    ['401 auth', status(401), true, 1, 'fail'],
    ['404', status(404), true, 1, 'fail'],
    ['422 validation on a write', status(422), false, 1, 'fail'],
    ['reset after sending a read', net('ECONNRESET'), true, 1, 'retry'],
    ['reset after sending a non-idempotent write', net('ECONNRESET'), false, 1, 'outcome-unknown'],
    ['connection refused before sending a write', net('ECONNREFUSED', false), false, 1, 'retry'],
    ['THROTTLED on a query', gql('THROTTLED'), true, 1, 'retry'],
    ['THROTTLED on a mutation (not executed)', gql('THROTTLED'), false, 1, 'retry'],
    ['MAX_COST_EXCEEDED never', gql('MAX_COST_EXCEEDED'), true, 1, 'fail'],
    ['last attempt used up', status(503), true, 5, 'fail'],
  ])('%s', (_name, failure, idempotent, attempt, expected) => {
    expect(shouldRetry({ failure, idempotent, attempt, maxAttempts: 5 })).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it.each([
    // attempt, retryAfterMs, random, expected
    [1, undefined, 0, 500],
    [1, undefined, 1, 1000],
    [2, undefined, 0.5, 1500],
    [3, undefined, 1, 4000],
    [10, undefined, 1, 8000], // capped by maxDelayMs
    [1, 5000, 0, 5000], // Retry-After longer than backoff wins
    [3, 100, 1, 4000], // backoff longer than Retry-After wins
  ])('attempt %i, Retry-After %s ms, random %s → %i ms', (attempt, retryAfterMs, random, expected) => {
    expect(retryDelayMs({ attempt, retryAfterMs, random, baseDelayMs: 1000, maxDelayMs: 8000 })).toBe(expected);
  });
});
