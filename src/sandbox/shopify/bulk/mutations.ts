import { randomBytes } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { createRandom } from '../../seed/random.js';
import { toWireErrors } from '../errors.js';
import { gid } from '../gid.js';
import type { ApiVersion } from '../schema-loader.js';
import type { BulkErrorCode, BulkOperationRecord } from './operations.js';
import { checkBulkMutation, parseVariablesFile, type BulkMutationUserError } from './mutation-check.js';
import type { CheckedBulkMutation } from './mutation-check.js';

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

interface MutationOp {
  record: BulkOperationRecord;
  checked: CheckedBulkMutation;
  version: ApiVersion;
  variables: Array<Record<string, unknown>>;
  results: string[];
  clientIdentifier: string | null;
  signature: string;
  /** Real-time ms from which lines are due (creation + the latency model's queueing time). */
  startAtMs: number;
  /** Clock ms at which a FAILED or CANCELED operation ended (completedAt stays null then). */
  endedAtMs?: number;
}

const RETENTION_MS = 7 * 86_400_000;
/** Lines per operation per tick at most, so one tick never holds the event loop for long. */
const MAX_LINES_PER_TICK = 200;

export class BulkMutationRunner {
  private readonly operations = new Map<string, MutationOp>();
  private timer: NodeJS.Timeout | undefined;
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
    schema: Parameters<typeof checkBulkMutation>[0];
    version: ApiVersion;
    mutation: string;
    file: Buffer | undefined;
    clientIdentifier: string | null;
    implemented: (rootField: string) => boolean;
  }): { bulkOperation: BulkOperationRecord | null; userErrors: BulkMutationUserError[] } {
    const fail = (errors: BulkMutationUserError[]) => ({ bulkOperation: null, userErrors: errors });
    const checked = checkBulkMutation(params.schema, params.mutation, params.implemented);
    if ('errors' in checked) return fail(checked.errors);
    if (!params.file)
      return fail([
        {
          code: 'NO_SUCH_FILE',
          field: ['stagedUploadPath'],
          message:
            'The JSONL file could not be found. Upload it to the target stagedUploadsCreate returned, and pass ' +
            'the `key` parameter of that target as stagedUploadPath.',
        },
      ]);
    const parsed = parseVariablesFile(params.file);
    if ('errors' in parsed) return fail(parsed.errors);
    const running = this.list().filter((op) => ['CREATED', 'RUNNING', 'CANCELING'].includes(op.status));
    if (running.length >= this.options.maxConcurrent)
      return fail([
        {
          code: 'LIMIT_REACHED',
          field: null,
          message:
            `Bulk operations limit reached. Please try again later. ${this.options.maxConcurrent} bulk mutation ` +
            `operations are in progress: ${running.map((op) => op.id).join(', ')}.`,
        },
      ]);
    const legacyId = this.allocateId();
    const record: BulkOperationRecord = {
      __typename: 'BulkOperation',
      id: gid('BulkOperation', legacyId),
      legacyId,
      type: 'MUTATION',
      status: 'CREATED',
      errorCode: null,
      query: params.mutation,
      createdAt: new Date(this.clockMs()).toISOString(),
      completedAt: null,
      objectCount: '0',
      rootObjectCount: '0',
      fileSize: null,
      url: null,
      partialDataUrl: null,
    };
    this.operations.set(record.id, {
      record,
      checked,
      version: params.version,
      variables: parsed.lines,
      results: [],
      clientIdentifier: params.clientIdentifier,
      signature: randomBytes(16).toString('hex'),
      startAtMs: Date.now() + this.queueMs(),
    });
    this.stats.bulkMutationStarted();
    this.schedule();
    return { bulkOperation: record, userErrors: [] };
  }

  get(id: string): BulkOperationRecord | undefined {
    const op = this.operations.get(id);
    if (op) this.checkLimits(op);
    return op?.record;
  }

  list(): BulkOperationRecord[] {
    return [...this.operations.values()].map((op) => (this.checkLimits(op), op.record));
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

  /**
   * Test helper: end an operation as Shopify may. FAILED and CANCELED keep the lines done so far behind
   * partialDataUrl; EXPIRED drops every URL. The lines not yet run are never run.
   */
  settle(id: string, status: 'FAILED' | 'CANCELED' | 'EXPIRED', errorCode: BulkErrorCode | null): void {
    const op = this.operations.get(id);
    if (!op) throw new Error(`settle: no bulk operation ${id}`);
    if (status === 'EXPIRED') return void Object.assign(op.record, { status, url: null, partialDataUrl: null });
    this.end(op, status, errorCode);
  }

  /** The result JSONL behind `url` or `partialDataUrl`, when the signature matches. */
  file(legacyId: number, signature: string | null): string[] | undefined {
    const op = this.operations.get(gid('BulkOperation', legacyId));
    if (!op || op.signature !== signature) return undefined;
    this.checkLimits(op);
    return op.record.url || op.record.partialDataUrl ? this.ordered(op) : undefined;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    const interval = Math.min(200, Math.max(5, 1000 / this.options.linesPerSecond));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const active = [...this.operations.values()].filter((op) => this.tick(op));
      if (active.length > 0) this.schedule();
    }, interval);
    this.timer.unref();
  }

  /** Moves one operation on; true while it still has work. */
  private tick(op: MutationOp): boolean {
    this.checkLimits(op);
    const { record } = op;
    if (record.status === 'CANCELING') return (void this.end(op, 'CANCELED', null), false);
    if (record.status !== 'CREATED' && record.status !== 'RUNNING') return false;
    const now = Date.now();
    if (now < op.startAtMs) return true;
    record.status = 'RUNNING';
    const total = op.variables.length;
    const due = Math.min(total, Math.floor(((now - op.startAtMs) / 1000) * this.options.linesPerSecond) + 1);
    const until = Math.min(due, op.results.length + MAX_LINES_PER_TICK);
    while (op.results.length < until) this.runLine(op, op.results.length);
    record.objectCount = String(op.results.length);
    record.rootObjectCount = String(op.results.length);
    if (op.results.length < total) return true;
    const lines = this.ordered(op);
    Object.assign(record, {
      status: 'COMPLETED',
      completedAt: new Date(this.clockMs()).toISOString(),
      fileSize: String(lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)),
      url: this.fileUrl(op),
    });
    return false;
  }

  private runLine(op: MutationOp, index: number): void {
    const result = this.execute(op.checked, op.variables[index] as Record<string, unknown>, op.version);
    const line: Record<string, unknown> = {};
    if (result.errors?.length) line.errors = toWireErrors(result.errors, 'INTERNAL_SERVER_ERROR');
    if (result.data !== undefined) line.data = result.data;
    line.__lineNumber = index;
    const payload = result.data?.[op.checked.rootField] as { userErrors?: unknown[] } | null | undefined;
    const failed = Boolean(result.errors?.length) || (payload?.userErrors?.length ?? 0) > 0 || !payload;
    op.results.push(JSON.stringify(line));
    this.stats.bulkLine(op.checked.rootField, failed);
  }

  /** FAILED/TIMEOUT once past the time limit; EXPIRED seven days after the end [V: BulkOperation description]. */
  private checkLimits(op: MutationOp): void {
    const { record } = op;
    const now = this.clockMs();
    const inProgress = ['CREATED', 'RUNNING', 'CANCELING'].includes(record.status);
    if (inProgress && now - Date.parse(record.createdAt) >= this.options.timeLimitMs)
      return this.end(op, 'FAILED', 'TIMEOUT');
    const ended = record.completedAt ? Date.parse(record.completedAt) : op.endedAtMs;
    if (ended !== undefined && !inProgress && record.status !== 'EXPIRED' && now - ended >= RETENTION_MS)
      Object.assign(record, { status: 'EXPIRED', url: null, partialDataUrl: null });
  }

  private end(op: MutationOp, status: 'FAILED' | 'CANCELED', errorCode: BulkErrorCode | null): void {
    op.endedAtMs = this.clockMs();
    Object.assign(op.record, {
      status,
      errorCode,
      url: null,
      completedAt: null,
      fileSize: null,
      objectCount: String(op.results.length),
      rootObjectCount: String(op.results.length),
      partialDataUrl: op.results.length > 0 ? this.fileUrl(op) : null,
    });
  }

  private fileUrl(op: MutationOp): string {
    return `${this.baseUrl}/__sandbox/bulk/${op.record.legacyId}.jsonl?signature=${op.signature}`;
  }

  private ordered(op: MutationOp): string[] {
    if (this.options.resultOrder === 'input') return op.results;
    const random = createRandom(this.options.seed ^ op.record.legacyId);
    const lines = [...op.results];
    for (let i = lines.length - 1; i > 0; i -= 1) {
      const j = random.int(0, i);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines;
  }
}
