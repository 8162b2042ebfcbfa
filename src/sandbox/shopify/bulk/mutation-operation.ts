import { randomBytes } from 'node:crypto';
import { createRandom } from '../../seed/random.js';
import { toWireErrors } from '../errors.js';
import type { ApiVersion } from '../schema-loader.js';
import type { CheckedBulkMutation } from './mutation-check.js';
import type { BulkErrorCode, BulkOperationRecord } from './operations.js';
import { IN_PROGRESS, newBulkOperationRecord } from './record.js';
import type { BulkMutationStats, LineExecutor, MutationBulkOptions } from './mutations.js';

const RETENTION_MS = 7 * 86_400_000;
/** Wall time one tick may spend running lines, so polls and other requests are answered in between. */
const TICK_BUDGET_MS = 25;

/**
 * One bulk mutation operation and its lines (docs/shopify-api.md#bulk-mutations). Pacing uses real time (so a
 * frozen test clock still progresses); timestamps, the 24 h limit and the seven-day expiry use the sandbox clock.
 * Result lines: `{"data": …, "__lineNumber": n}` (n from 0), with `errors` when the line had GraphQL errors.
 */
export class MutationOperation {
  readonly record: BulkOperationRecord;
  readonly signature = randomBytes(16).toString('hex');
  private readonly results: string[] = [];
  /** Clock ms at which a FAILED or CANCELED operation ended (completedAt stays null then). */
  private endedAtMs?: number;

  constructor(
    legacyId: number,
    mutation: string,
    createdAtMs: number,
    readonly checked: CheckedBulkMutation,
    readonly version: ApiVersion,
    private readonly variables: Array<Record<string, unknown>>,
    readonly clientIdentifier: string | null,
    /** Real-time ms from which lines are due (creation + the latency model's queueing time). */
    private readonly startAtMs: number,
    private readonly baseUrl: () => string,
  ) {
    this.record = newBulkOperationRecord(legacyId, 'MUTATION', mutation, new Date(createdAtMs).toISOString());
  }

  get inProgress(): boolean {
    return IN_PROGRESS.includes(this.record.status);
  }

  /** Runs the lines now due; true while the operation still has work. */
  tick(options: MutationBulkOptions, clockMs: number, execute: LineExecutor, stats: BulkMutationStats): boolean {
    this.checkLimits(options, clockMs);
    const { record } = this;
    if (record.status === 'CANCELING') return (this.end('CANCELED', null, clockMs), false);
    if (record.status !== 'CREATED' && record.status !== 'RUNNING') return false;
    const now = Date.now();
    if (now < this.startAtMs) return true;
    record.status = 'RUNNING';
    const total = this.variables.length;
    const due = Math.min(total, Math.floor(((now - this.startAtMs) / 1000) * options.linesPerSecond) + 1);
    const deadline = performance.now() + TICK_BUDGET_MS;
    for (let ran = 0; this.results.length < due && (ran === 0 || performance.now() < deadline); ran += 1)
      this.runLine(this.results.length, execute, stats);
    record.objectCount = record.rootObjectCount = String(this.results.length);
    if (this.results.length < total) return true;
    const lines = this.lines(options);
    Object.assign(record, {
      status: 'COMPLETED',
      completedAt: new Date(clockMs).toISOString(),
      fileSize: String(lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)),
      url: this.fileUrl(),
    });
    return false;
  }

  /** FAILED/TIMEOUT once past the time limit; EXPIRED seven days after the end [V: BulkOperation description]. */
  checkLimits(options: MutationBulkOptions, clockMs: number): void {
    const { record } = this;
    if (this.inProgress && clockMs - Date.parse(record.createdAt) >= options.timeLimitMs)
      return this.end('FAILED', 'TIMEOUT', clockMs);
    const ended = record.completedAt ? Date.parse(record.completedAt) : this.endedAtMs;
    if (ended !== undefined && !this.inProgress && record.status !== 'EXPIRED' && clockMs - ended >= RETENTION_MS)
      this.expire();
  }

  /** FAILED or CANCELED: the lines run so far stay behind partialDataUrl; no further line runs. */
  end(status: 'FAILED' | 'CANCELED', errorCode: BulkErrorCode | null, clockMs: number): void {
    this.endedAtMs = clockMs;
    Object.assign(this.record, {
      status,
      errorCode,
      url: null,
      completedAt: null,
      fileSize: null,
      objectCount: String(this.results.length),
      rootObjectCount: String(this.results.length),
      partialDataUrl: this.results.length > 0 ? this.fileUrl() : null,
    });
  }

  expire(): void {
    Object.assign(this.record, { status: 'EXPIRED', url: null, partialDataUrl: null });
  }

  /** The result file in the configured order ('shuffled' is a seeded permutation, stable per operation). */
  lines(options: MutationBulkOptions): string[] {
    if (options.resultOrder === 'input') return this.results;
    const random = createRandom(options.seed ^ this.record.legacyId);
    const lines = [...this.results];
    for (let i = lines.length - 1; i > 0; i -= 1) {
      const j = random.int(0, i);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines;
  }

  private runLine(index: number, execute: LineExecutor, stats: BulkMutationStats): void {
    const result = execute(this.checked, this.variables[index] as Record<string, unknown>, this.version);
    const line: Record<string, unknown> = {};
    if (result.errors?.length) line.errors = toWireErrors(result.errors, 'INTERNAL_SERVER_ERROR');
    if (result.data !== undefined) line.data = result.data;
    line.__lineNumber = index;
    const payload = result.data?.[this.checked.rootField] as { userErrors?: unknown[] } | null | undefined;
    const failed = Boolean(result.errors?.length) || !payload || (payload.userErrors?.length ?? 0) > 0;
    this.results.push(JSON.stringify(line));
    stats.bulkLine(this.checked.rootField, failed);
  }

  private fileUrl(): string {
    return `${this.baseUrl()}/__sandbox/bulk/${this.record.legacyId}.jsonl?signature=${this.signature}`;
  }
}
