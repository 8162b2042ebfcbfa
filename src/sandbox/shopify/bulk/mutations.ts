import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { gid } from '../gid.js';
import type { ApiVersion } from '../schema-loader.js';
import { checkBulkMutation, parseVariablesFile, type BulkMutationUserError } from './mutation-check.js';
import type { CheckedBulkMutation } from './mutation-check.js';
import { MutationOperation } from './mutation-operation.js';
import type { BulkErrorCode, BulkOperationRecord } from './operations.js';

/**
 * Bulk mutation operations (docs/shopify-api.md#bulk-mutations). Each JSONL line's variables run through the same
 * resolvers as a synchronous call (the executor index.ts passes in), outside the cost bucket, at a fixed rate of
 * lines per second per operation, on the sandbox's own timer: the run goes on when the client that started it is
 * gone. A line that fails carries its errors in its result line and does not stop the others. Status
 * CREATED → RUNNING → COMPLETED; CANCELING → CANCELED; FAILED with TIMEOUT past the 24 h limit.
 */
export interface MutationBulkOptions {
  /** Lines processed per second, per operation [I: no public figure; docs/shopify-api.md#bulk-mutations]. */
  linesPerSecond: number;
  /** Bulk mutations running at once per shop: 5 from 2026-01 [V: bulk import guide]. */
  maxConcurrent: number;
  /** An operation not done within this (clock ms) ends FAILED/TIMEOUT: 24 h [V: bulk import guide]. */
  timeLimitMs: number;
  /** Result line order: 'shuffled' (seeded; the strictest reading) or 'input'. */
  resultOrder: 'shuffled' | 'input';
  seed: number;
}

export type LineExecutor = (
  checked: CheckedBulkMutation,
  variables: Record<string, unknown>,
  version: ApiVersion,
) => ExecutionResult;

export interface BulkMutationStats {
  bulkMutationStarted(): void;
  bulkLine(rootField: string, failed: boolean): void;
}

type RunResult = { bulkOperation: BulkOperationRecord | null; userErrors: BulkMutationUserError[] };

export class BulkMutationRunner {
  private readonly operations = new Map<string, MutationOperation>();
  private timer: NodeJS.Timeout | undefined;
  /** Start refusals a test queued (failNextRuns): each is consumed by one otherwise valid run. */
  private readonly injected: Array<'INTERNAL_FILE_SERVER_ERROR'> = [];
  private baseUrl = 'http://127.0.0.1';

  constructor(
    private readonly options: MutationBulkOptions,
    private readonly clockMs: () => number,
    private readonly allocateId: () => number,
    private readonly execute: LineExecutor,
    private readonly stats: BulkMutationStats,
    /** Queueing time before the first line, in ms (latency model; 0 = at once). */
    private readonly queueMs: () => number = () => 0,
  ) {}

  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  run(params: {
    schema: GraphQLSchema;
    version: ApiVersion;
    mutation: string;
    file: Buffer | undefined;
    clientIdentifier: string | null;
    implemented: (rootField: string) => boolean;
  }): RunResult {
    const fail = (error: BulkMutationUserError): RunResult => ({ bulkOperation: null, userErrors: [error] });
    const checked = checkBulkMutation(params.schema, params.mutation, params.implemented);
    if ('errors' in checked) return { bulkOperation: null, userErrors: checked.errors };
    if (!params.file)
      return fail({
        code: 'NO_SUCH_FILE',
        field: ['stagedUploadPath'],
        message:
          'The JSONL file could not be found. Upload it to the target stagedUploadsCreate returned, and pass ' +
          'the `key` parameter of that target as stagedUploadPath.',
      });
    if (this.injected.shift())
      return fail({
        code: 'INTERNAL_FILE_SERVER_ERROR',
        field: null,
        message: 'There was a problem reading the JSONL file. Try performing the same mutation again.',
      });
    const parsed = parseVariablesFile(params.file);
    if ('errors' in parsed) return { bulkOperation: null, userErrors: parsed.errors };
    const running = this.all().filter((op) => op.inProgress);
    if (running.length >= this.options.maxConcurrent)
      return fail({
        code: 'LIMIT_REACHED',
        field: null,
        message:
          `Bulk operations limit reached. Please try again later. ${this.options.maxConcurrent} bulk mutation ` +
          `operations are in progress: ${running.map((op) => op.record.id).join(', ')}.`,
      });
    const op = new MutationOperation(
      this.allocateId(),
      params.mutation,
      this.clockMs(),
      checked,
      params.version,
      parsed.lines,
      params.clientIdentifier,
      Date.now() + this.queueMs(),
      () => this.baseUrl,
    );
    this.operations.set(op.record.id, op);
    this.stats.bulkMutationStarted();
    this.schedule();
    return { bulkOperation: op.record, userErrors: [] };
  }

  /** Test helper: the next `count` runs meet Shopify's intermittent INTERNAL_FILE_SERVER_ERROR [V: enum text]. */
  failNextRuns(count: number): void {
    for (let i = 0; i < count; i += 1) this.injected.push('INTERNAL_FILE_SERVER_ERROR');
  }

  get(id: string): BulkOperationRecord | undefined {
    const op = this.operations.get(id);
    op?.checkLimits(this.options, this.clockMs());
    return op?.record;
  }

  list(): BulkOperationRecord[] {
    return this.all().map((op) => op.record);
  }

  /** The clientIdentifier given at creation (not a BulkOperation field in 2026-10 [V: schema]). */
  clientIdentifier(id: string): string | null | undefined {
    return this.operations.get(id)?.clientIdentifier;
  }

  /** Starts cancelation: CANCELING now, CANCELED at the next tick with the lines done so far as partial data. */
  cancel(id: string): 'canceling' | 'not-found' | 'finished' {
    const op = this.operations.get(id);
    if (!op) return 'not-found';
    if (!['CREATED', 'RUNNING'].includes(op.record.status)) return 'finished';
    op.record.status = 'CANCELING';
    this.schedule();
    return 'canceling';
  }

  /** Test helper: end an operation as Shopify may (see MutationOperation.end); EXPIRED drops every URL. */
  settle(id: string, status: 'FAILED' | 'CANCELED' | 'EXPIRED', errorCode: BulkErrorCode | null): void {
    const op = this.operations.get(id);
    if (!op) throw new Error(`settle: no bulk operation ${id}`);
    if (status === 'EXPIRED') op.expire();
    else op.end(status, errorCode, this.clockMs());
  }

  /** The result JSONL behind `url` or `partialDataUrl`, when the signature matches. */
  file(legacyId: number, signature: string | null): string[] | undefined {
    const op = this.operations.get(gid('BulkOperation', legacyId));
    if (!op || op.signature !== signature) return undefined;
    op.checkLimits(this.options, this.clockMs());
    return op.record.url || op.record.partialDataUrl ? op.lines(this.options) : undefined;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private all(): MutationOperation[] {
    const now = this.clockMs();
    return [...this.operations.values()].map((op) => (op.checkLimits(this.options, now), op));
  }

  private schedule(): void {
    if (this.timer) return;
    const interval = Math.min(200, Math.max(5, 1000 / this.options.linesPerSecond));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = this.clockMs();
      const busy = [...this.operations.values()].filter((op) => op.tick(this.options, now, this.execute, this.stats));
      if (busy.length > 0) this.schedule();
    }, interval);
    this.timer.unref();
  }
}
