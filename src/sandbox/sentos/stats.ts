/**
 * Request accounting behind GET /__sandbox/stats: tests assert the request log
 * (docs/house-style.md#12-four-test-tiers), and
 * benchmarks report it.
 */
import type { FaultInjector } from '../faults.js';

export interface SentosSimStats {
  requests: { total: number; reads: number; writes: number; byRoute: Record<string, number> };
  /** 429s from the simulated limits (injected 429s are under faults). */
  rateLimited: number;
  /** The same 429s by route (the keys of requests.byRoute): what a route's answered count leaves out. */
  rateLimitedByRoute: Record<string, number>;
  unauthorized: number;
  faults: Record<string, number>;
  /** Orders currently stored (duplicates included). */
  orders: number;
}

export interface StatsRecorder {
  request(method: string, routeKey: string): void;
  rateLimited(routeKey: string): void;
  unauthorized(): void;
  snapshot(orders: number): SentosSimStats;
  reset(): void;
}

export function createStatsRecorder(faults: FaultInjector): StatsRecorder {
  let requests = { total: 0, reads: 0, writes: 0, byRoute: {} as Record<string, number> };
  let rateLimited = 0;
  let rateLimitedByRoute: Record<string, number> = {};
  let unauthorized = 0;
  // The injector's counts cannot be reset: remember a baseline and subtract it.
  let faultBaseline: Record<string, number> = {};
  return {
    request(method, routeKey) {
      requests.total += 1;
      if (method === 'GET' || method === 'HEAD') requests.reads += 1;
      else requests.writes += 1;
      requests.byRoute[routeKey] = (requests.byRoute[routeKey] ?? 0) + 1;
    },
    rateLimited(routeKey) {
      rateLimited += 1;
      rateLimitedByRoute[routeKey] = (rateLimitedByRoute[routeKey] ?? 0) + 1;
    },
    unauthorized: () => void (unauthorized += 1),
    snapshot(orders) {
      const faultCounts = Object.fromEntries(
        Object.entries(faults.counts())
          .map(([kind, n]) => [kind, n - (faultBaseline[kind] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
      return {
        requests: { ...requests, byRoute: { ...requests.byRoute } },
        rateLimited,
        rateLimitedByRoute: { ...rateLimitedByRoute },
        unauthorized,
        faults: faultCounts,
        orders,
      };
    },
    reset() {
      requests = { total: 0, reads: 0, writes: 0, byRoute: {} };
      rateLimited = 0;
      rateLimitedByRoute = {};
      unauthorized = 0;
      faultBaseline = faults.counts();
    },
  };
}
