import type { Service } from './errors.js';

export type RequestKind = 'read' | 'write';

export interface ServiceStats {
  reads: number;
  writes: number;
  retries: number;
  /** Shopify only: GraphQL cost actually spent (sum of actualQueryCost). */
  cost: number;
  byOperation: Record<string, number>;
}

/** Counts every request per remote and kind, for the run report. */
export class RequestStats {
  private readonly services: Record<Service, ServiceStats> = { sentos: emptyStats(), shopify: emptyStats() };

  record(service: Service, kind: RequestKind, operation: string): void {
    const stats = this.services[service];
    if (kind === 'read') stats.reads += 1;
    else stats.writes += 1;
    stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
  }

  recordRetry(service: Service): void {
    this.services[service].retries += 1;
  }

  recordCost(service: Service, cost: number): void {
    this.services[service].cost += cost;
  }

  snapshot(): Record<Service, ServiceStats> {
    return structuredClone(this.services);
  }
}

function emptyStats(): ServiceStats {
  return { reads: 0, writes: 0, retries: 0, cost: 0, byOperation: {} };
}

/** What was sent between two snapshots: the figures of one phase of a run that has several (`sync`). */
export function statsSince(
  after: Record<Service, ServiceStats>,
  before: Record<Service, ServiceStats> | undefined,
): Record<Service, ServiceStats> {
  if (!before) return after;
  const minus = (a: ServiceStats, b: ServiceStats): ServiceStats => ({
    reads: a.reads - b.reads,
    writes: a.writes - b.writes,
    retries: a.retries - b.retries,
    cost: a.cost - b.cost,
    byOperation: Object.fromEntries(
      Object.entries(a.byOperation)
        .map(([op, n]): [string, number] => [op, n - (b.byOperation[op] ?? 0)])
        .filter(([, n]) => n > 0),
    ),
  });
  return { sentos: minus(after.sentos, before.sentos), shopify: minus(after.shopify, before.shopify) };
}
