/** Counters behind GET /__sandbox/stats: what the tool asked for, what it cost, what went wrong on purpose. */
export interface SimulatorStats {
  requests: {
    total: number;
    queries: number;
    mutations: number;
    /** Mutations that change shop data: every mutation but bulkOperationRunQuery, which only starts an export. */
    dataMutations: number;
    byOperation: Record<string, number>;
  };
  costSpent: number;
  throttled: number;
  faults: Record<string, number>;
  idempotentReplays: number;
  /**
   * GETs of bulk operation result files, and how many of them carried an X-Shopify-Access-Token (a leak: the URL is
   * signed).
   */
  bulkDownloads: { total: number; withAccessToken: number };
  /**
   * Bulk mutations (docs/shopify-api.md#bulk-mutations): operations started, JSONL lines run (each exactly once),
   * lines that failed (GraphQL errors or userErrors), lines per mutation field (productSet: n).
   */
  bulkMutations: { operations: number; lines: number; failedLines: number; linesByMutation: Record<string, number> };
  /** POSTs to the staged upload target: files stored, uploads refused, uploads that carried a Shopify token. */
  stagedUploads: { stored: number; rejected: number; withAccessToken: number };
  /**
   * Epoch ms at which the first data mutation was answered since the last reset (null: none yet);
   * a bulk export (READ_ONLY_MUTATIONS) does not count. The benchmark's "read time".
   */
  firstWriteAtMs: number | null;
}

/**
 * GraphQL mutations that write no shop data: a bulk query export reads (docs/shopify-api.md#bulk-export); a staged
 * upload target only prepares a file (docs/shopify-api.md#bulk-mutations).
 */
const READ_ONLY_MUTATIONS = new Set(['bulkOperationRunQuery', 'bulkOperationCancel', 'stagedUploadsCreate']);

export class StatsRecorder {
  private stats: SimulatorStats = StatsRecorder.empty();
  /** Fault counts at the last reset: the injector keeps counting, stats report the difference. */
  private faultBaseline: Record<string, number> = {};

  constructor(private readonly faultCounts: () => Record<string, number>) {}

  private static empty(): SimulatorStats {
    return {
      requests: { total: 0, queries: 0, mutations: 0, dataMutations: 0, byOperation: {} },
      costSpent: 0,
      throttled: 0,
      faults: {},
      idempotentReplays: 0,
      bulkDownloads: { total: 0, withAccessToken: 0 },
      bulkMutations: { operations: 0, lines: 0, failedLines: 0, linesByMutation: {} },
      stagedUploads: { stored: 0, rejected: 0, withAccessToken: 0 },
      firstWriteAtMs: null,
    };
  }

  request(): void {
    this.stats.requests.total += 1;
  }

  /** An operation that was executed, counted per root field name (productSet, orders, …). */
  executed(kind: 'query' | 'mutation', rootFields: string[], cost: number): void {
    if (kind === 'query') this.stats.requests.queries += 1;
    else {
      this.stats.requests.mutations += 1;
      if (rootFields.some((field) => !READ_ONLY_MUTATIONS.has(field))) this.stats.requests.dataMutations += 1;
      if (this.stats.firstWriteAtMs === null && rootFields.some((field) => !READ_ONLY_MUTATIONS.has(field)))
        this.stats.firstWriteAtMs = Date.now();
    }
    for (const field of rootFields)
      this.stats.requests.byOperation[field] = (this.stats.requests.byOperation[field] ?? 0) + 1;
    this.stats.costSpent += cost;
  }

  throttled(): void {
    this.stats.throttled += 1;
  }

  replayed(): void {
    this.stats.idempotentReplays += 1;
  }

  bulkDownload(withAccessToken: boolean): void {
    this.stats.bulkDownloads.total += 1;
    if (withAccessToken) this.stats.bulkDownloads.withAccessToken += 1;
  }

  bulkMutationStarted(): void {
    this.stats.bulkMutations.operations += 1;
  }

  /** One JSONL line run by a bulk mutation; a data write like any other (firstWriteAtMs). */
  bulkLine(rootField: string, failed: boolean): void {
    const bulk = this.stats.bulkMutations;
    bulk.lines += 1;
    if (failed) bulk.failedLines += 1;
    bulk.linesByMutation[rootField] = (bulk.linesByMutation[rootField] ?? 0) + 1;
    if (this.stats.firstWriteAtMs === null) this.stats.firstWriteAtMs = Date.now();
  }

  upload(outcome: 'stored' | 'rejected', withAccessToken: boolean): void {
    this.stats.stagedUploads[outcome] += 1;
    if (withAccessToken) this.stats.stagedUploads.withAccessToken += 1;
  }

  snapshot(): SimulatorStats {
    const faults: Record<string, number> = {};
    for (const [kind, count] of Object.entries(this.faultCounts())) {
      const delta = count - (this.faultBaseline[kind] ?? 0);
      if (delta > 0) faults[kind] = delta;
    }
    return structuredClone({ ...this.stats, faults });
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
    this.faultBaseline = this.faultCounts();
  }
}
