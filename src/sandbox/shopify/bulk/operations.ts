import { randomBytes } from 'node:crypto';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { gid, IdAllocator } from '../gid.js';
import type { ApiVersion } from '../schema-loader.js';
import { toJsonl } from './jsonl.js';
import type { BulkMutationRunner } from './mutations.js';
import { checkBulkQuery, type BulkUserError, type CheckedBulkQuery } from './rules.js';
import { IN_PROGRESS, newBulkOperationRecord } from './record.js';

/**
 * Bulk query operations of the shop (docs/shopify-api.md#bulk-export): status CREATED → RUNNING → COMPLETED as the
 * client polls, the JSONL kept in memory and served by server.ts at a signed-looking loopback URL.
 *
 * - Since 2026-01 up to five bulk query operations may run at once per shop [V: schema 2026-10 description,
 *   bulk-operations guide]; the sixth is refused with LIMIT_REACHED [I: code chosen from the enum's wording
 *   "Bulk operations limit reached. Please try again later."].
 * - Result URLs expire seven days after completion [V]; the operation then reads EXPIRED and `url` is null.
 * - The export runs when the operation completes, so it reflects the store at that moment [I].
 */
export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED' | 'CANCELING' | 'EXPIRED';
export type BulkErrorCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

export interface BulkOperationRecord {
  __typename: 'BulkOperation';
  id: string;
  legacyId: number;
  type: 'QUERY' | 'MUTATION';
  status: BulkStatus;
  errorCode: BulkErrorCode | null;
  query: string;
  createdAt: string;
  completedAt: string | null;
  /** UnsignedInt64 values travel as strings (docs/shopify-api.md#pitfalls). */
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
}

export interface BulkOptions {
  /** bulkOperation(id:) reads until COMPLETED (the first read after creation shows RUNNING when > 1). Default 2. */
  pollsToComplete: number;
  /** Operations end FAILED with this code instead of COMPLETED (to exercise a client's error path). */
  failWith?: BulkErrorCode;
  /** Concurrent bulk query operations per shop; 5 since 2026-01 [V]. */
  maxConcurrent: number;
}

/** Runs the checked inner query over the store, every connection unbounded. */
export type BulkExecutor = (
  query: CheckedBulkQuery,
  version: ApiVersion,
) => { schema: GraphQLSchema; result: ExecutionResult };

interface Internal {
  record: BulkOperationRecord;
  checked: CheckedBulkQuery;
  version: ApiVersion;
  groupObjects: boolean;
  polls: number;
  /** Clock ms before which the operation stays RUNNING (the latency model's export time; 0 without one). */
  readyAt: number;
  signature: string;
  lines?: string[];
}

const RETENTION_MS = 7 * 86_400_000;
/**
 * Export files the sandbox keeps in memory: those of the newest completed exports; an older one reads EXPIRED at once.
 * A sandbox limit, stricter than Shopify's seven days, so a sandbox left running (serve reconciling every few minutes
 * on a large catalog) does not grow without bound. A client reads its export's file as soon as it completes.
 */
export const KEPT_EXPORT_FILES = 8;

export class BulkOperationStore {
  private readonly operations = new Map<string, Internal>();
  private readonly ids = new IdAllocator();
  private baseUrl = 'http://127.0.0.1';
  /** Bulk mutation operations (mutations.ts): same id space, listed and polled together with the queries. */
  private mutations?: BulkMutationRunner;

  constructor(
    private readonly options: BulkOptions,
    private readonly clockMs: () => number,
    private readonly execute: BulkExecutor,
    /** How long an export started now takes to complete, in ms (latency model; 0 = as soon as polled enough). */
    private readonly runMs: () => number = () => 0,
  ) {}

  attachMutations(runner: BulkMutationRunner): void {
    this.mutations = runner;
  }

  /** The clientIdentifier a bulk mutation was started with (Shopify cannot read it back in 2026-10). */
  clientIdentifier(id: string): string | null | undefined {
    return this.mutations?.clientIdentifier(id);
  }

  failNextMutationRuns(count: number): void {
    this.mutations?.failNextRuns(count);
  }

  /** Bulk operation ids are one sequence whatever the type. */
  allocateLegacyId(): number {
    return this.ids.allocate('BulkOperation');
  }

  /** The simulator's own URL, known once it listens. */
  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  run(
    schema: GraphQLSchema,
    version: ApiVersion,
    query: string,
    groupObjects: boolean,
  ): { bulkOperation: BulkOperationRecord | null; userErrors: BulkUserError[] } {
    const checked = checkBulkQuery(schema, query);
    if ('errors' in checked) return { bulkOperation: null, userErrors: checked.errors };
    const running = this.queries().filter((op) => IN_PROGRESS.includes(op.status));
    if (running.length >= this.options.maxConcurrent) {
      const message =
        `A maximum of ${this.options.maxConcurrent} bulk query operations can run at the same ` +
        `time for this app and shop. In progress: ${running.map((op) => op.id).join(', ')}.`;
      return { bulkOperation: null, userErrors: [{ code: 'LIMIT_REACHED', field: null, message }] };
    }
    const legacyId = this.allocateLegacyId();
    const record = newBulkOperationRecord(legacyId, 'QUERY', query, this.now());
    this.operations.set(record.id, {
      record,
      checked,
      version,
      groupObjects,
      polls: 0,
      readyAt: this.clockMs() + this.runMs(),
      signature: randomBytes(16).toString('hex'),
    });
    return { bulkOperation: record, userErrors: [] };
  }

  /** bulkOperation(id:): each read moves a running operation on (see BulkOptions.pollsToComplete). */
  poll(id: string): BulkOperationRecord | undefined {
    const op = this.operations.get(id);
    if (!op) return this.mutations?.get(id);
    if (op.record.status === 'CREATED' || op.record.status === 'RUNNING') {
      op.polls += 1;
      if (op.polls >= Math.max(1, this.options.pollsToComplete) && this.clockMs() >= op.readyAt) this.finish(op);
      else op.record.status = 'RUNNING';
    }
    this.expire(op);
    return op.record;
  }

  /** Newest first, as bulkOperations sorts by default (schema 2026-10 description [V]). */
  list(): BulkOperationRecord[] {
    return [...this.queries(), ...(this.mutations?.list() ?? [])].sort((a, b) => b.legacyId - a.legacyId);
  }

  private queries(): BulkOperationRecord[] {
    for (const op of this.operations.values()) this.expire(op);
    return [...this.operations.values()].map((op) => op.record);
  }

  /** The JSONL of a completed operation, when the signature matches: what the download route serves. */
  file(legacyId: number, signature: string | null): string[] | undefined {
    const op = this.operations.get(gid('BulkOperation', legacyId));
    if (!op) return this.mutations?.file(legacyId, signature);
    if (op.signature !== signature) return undefined;
    this.expire(op);
    return op.record.status === 'COMPLETED' ? op.lines : undefined;
  }

  /** Test helper: end an operation as Shopify may (FAILED with a code, CANCELED, EXPIRED). */
  settle(id: string, status: 'FAILED' | 'CANCELED' | 'EXPIRED', errorCode: BulkErrorCode | null = null): void {
    const op = this.operations.get(id);
    if (!op && this.mutations?.get(id)) return this.mutations.settle(id, status, errorCode);
    if (!op) throw new Error(`settle: no bulk operation ${id}`);
    Object.assign(op.record, { status, errorCode, url: null, completedAt: op.record.completedAt ?? this.now() });
    op.lines = undefined;
  }

  private finish(op: Internal): void {
    op.record.completedAt = this.now();
    if (this.options.failWith) return this.settle(op.record.id, 'FAILED', this.options.failWith);
    const { schema, result } = this.execute(op.checked, op.version);
    if (result.errors?.length || !result.data) return this.settle(op.record.id, 'FAILED', 'INTERNAL_SERVER_ERROR');
    const { lines, rootCount } = toJsonl(schema, op.checked, result.data, op.groupObjects);
    const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    op.lines = lines;
    // An export without results has no file [I].
    const url =
      lines.length > 0 ? `${this.baseUrl}/__sandbox/bulk/${op.record.legacyId}.jsonl?signature=${op.signature}` : null;
    Object.assign(op.record, {
      status: 'COMPLETED',
      objectCount: String(lines.length),
      rootObjectCount: String(rootCount),
      fileSize: lines.length > 0 ? String(size) : null,
      url,
    });
    this.dropOldFiles();
  }

  /** Keeps the files of the KEPT_EXPORT_FILES newest completed exports (ids grow with time). */
  private dropOldFiles(): void {
    const kept = [...this.operations.values()].filter((op) => op.lines !== undefined);
    kept.sort((a, b) => b.record.legacyId - a.record.legacyId);
    for (const op of kept.slice(KEPT_EXPORT_FILES)) Object.assign(op.record, { status: 'EXPIRED', url: null });
    for (const op of kept.slice(KEPT_EXPORT_FILES)) op.lines = undefined;
  }

  private expire(op: Internal): void {
    const completed = op.record.completedAt ? Date.parse(op.record.completedAt) : undefined;
    if (op.record.status !== 'COMPLETED' || completed === undefined || this.clockMs() - completed < RETENTION_MS)
      return;
    op.record.status = 'EXPIRED';
    op.record.url = null;
    op.lines = undefined;
  }

  private now(): string {
    return new Date(this.clockMs()).toISOString();
  }
}
