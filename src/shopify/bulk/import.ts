/**
 * A bulk import after its file is staged (docs/shopify-api.md#bulk-mutations): start it, watch it, find it again, read
 * its result file. Each step is its own call so the caller can journal between them (docs/architecture.md#bulk-import).
 */
import { RemoteError } from '../../core/errors.js';
import { BulkMutationsSince, BulkOperationPoll, BulkOperationRunMutation } from '../operations/index.js';
import { downloadJsonl } from './download.js';
import type { StagedTarget } from './upload.js';
import { nextPollDelayMs, type BulkDeps, type BulkPolling } from './operation.js';

export interface BulkImportState {
  id: string;
  /** CREATED, RUNNING, COMPLETED, FAILED, CANCELED, CANCELING, EXPIRED, or a status added later (still running). */
  status: string;
  errorCode: string | null;
  /** Lines processed so far (UnsignedInt64 string on the wire). */
  objectCount: number;
  url: string | null;
  partialDataUrl: string | null;
  fileSize: number | undefined;
}

/** The steps of a bulk import, one call each, so the caller journals between them (docs/shopify-api.md#bulk-mutations).
 */
export interface BulkImportApi {
  /** StagedUploadsCreate (BULK_MUTATION_VARIABLES): where the JSONL file goes. */
  stage(filename: string, bytes: number): Promise<StagedTarget>;
  /** Multipart POST of the file to the staged target, without the access token. */
  upload(target: StagedTarget, filename: string, body: Buffer | Blob, signal?: AbortSignal): Promise<void>;
  /** BulkOperationRunMutation: the operation id (waits while the shop's bulk slots are busy). */
  start(start: StartImport, signal?: AbortSignal): Promise<string>;
  /** BulkOperationPoll once; undefined when Shopify does not know the id. */
  poll(id: string): Promise<BulkImportState | undefined>;
  /** Polls until finished; Ctrl-C or the wait limit returns the last state (still running). */
  wait(
    id: string,
    onProgress: (state: BulkImportState) => void,
    signal?: AbortSignal,
    totalLines?: number,
  ): Promise<BulkImportState>;
  /** BulkMutationsSince: the operation whose document holds `marker`, created since `sinceIso`. */
  find(marker: string, sinceIso: string): Promise<{ id: string; status: string } | undefined>;
  /** The result JSONL, every line parsed. */
  results(id: string, url: string, fileSize: number | undefined, signal?: AbortSignal): Promise<unknown[]>;
}

export const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);

/** Other operations hold the shop's five slots, or the file is not readable yet: wait and start again. */
const RETRY_CODES = new Set(['LIMIT_REACHED', 'OPERATION_IN_PROGRESS', 'INTERNAL_FILE_SERVER_ERROR']);

export interface StartImport {
  mutation: string;
  stagedUploadPath: string;
  clientIdentifier: string;
}

/** The operation id. Not retried after an unknown outcome: the caller looks the operation up instead. */
export async function startBulkImport(deps: BulkDeps, start: StartImport, signal?: AbortSignal): Promise<string> {
  const deadline = deps.clock.now() + deps.polling.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const { data } = await deps.gql.execute(BulkOperationRunMutation, start);
    const payload = data.bulkOperationRunMutation;
    const errors = payload?.userErrors ?? [];
    if (errors.length === 0 && payload?.bulkOperation) return payload.bulkOperation.id;
    const text = deps.secrets.redact(errors.map((e) => `${e.message} (${e.code ?? 'no code'})`).join('; '));
    if (errors.length === 0 || !errors.every((e) => RETRY_CODES.has(e.code ?? '')))
      throw new RemoteError(
        `Shopify refused to start the bulk import ${start.clientIdentifier}: ${text || 'no operation was created'}.`,
        { service: 'shopify', code: `BULK_${errors[0]?.code ?? 'START_FAILED'}` },
        {
          hint:
            'Run again. If it keeps failing, set products.bulkThreshold to 0 to write product by product, and ' +
            'report the message (no secrets).',
        },
      );
    const delayMs = nextPollDelayMs(attempt, deps.polling);
    if (deps.clock.now() + delayMs > deadline)
      throw new RemoteError(
        `Shopify would not start the bulk import ${start.clientIdentifier} in time: ${text}.`,
        { service: 'shopify', code: 'BULK_WAIT_TIMEOUT' },
        { hint: 'Other bulk operations of this app are running; run again later.' },
      );
    await deps.clock.sleep(delayMs, signal);
  }
}

export async function pollBulkImport(deps: BulkDeps, id: string): Promise<BulkImportState | undefined> {
  const { data } = await deps.gql.execute(BulkOperationPoll, { id });
  const op = data.bulkOperation;
  if (!op) return undefined;
  return {
    id: op.id,
    status: op.status,
    errorCode: op.errorCode,
    objectCount: count(op.objectCount),
    url: op.url,
    partialDataUrl: op.partialDataUrl,
    fileSize: op.fileSize === null ? undefined : count(op.fileSize),
  };
}

/**
 * Polls until the operation finishes (each poll costs 1 point): a doubling interval, or, once lines are seen moving and
 * `totalLines` is known, the time the rest should take at the rate seen (never shorter than the first wait, never
 * longer than the longest). Ctrl-C or the wait limit returns the last state seen, still running: the operation goes on
 * at Shopify and the next run reads it.
 */
export async function waitForBulkImport(
  deps: BulkDeps,
  id: string,
  onProgress: (state: BulkImportState) => void,
  signal?: AbortSignal,
  totalLines?: number,
): Promise<BulkImportState> {
  const startedAt = deps.clock.now();
  const deadline = deps.clock.now() + deps.polling.timeoutMs;
  let last: BulkImportState = {
    id,
    status: 'CREATED',
    errorCode: null,
    objectCount: 0,
    url: null,
    partialDataUrl: null,
    fileSize: undefined,
  };
  for (let attempt = 0; ; attempt++) {
    const delayMs = pollDelayMs(attempt, deps.polling, last.objectCount, totalLines, deps.clock.now() - startedAt);
    if (signal?.aborted || deps.clock.now() + delayMs > deadline) return last;
    try {
      await deps.clock.sleep(delayMs, signal);
    } catch (error) {
      if (signal?.aborted) return last;
      throw error;
    }
    const state = await pollBulkImport(deps, id);
    if (!state)
      throw new RemoteError(
        `Shopify bulk import ${id} was not found.`,
        { service: 'shopify', code: 'NOT_FOUND' },
        { hint: 'Run again: the products it held are planned afresh.' },
      );
    last = state;
    onProgress(state);
    if (FINISHED.has(state.status)) return state;
  }
}

/** Pure: the wait before the next poll (see waitForBulkImport). */
export function pollDelayMs(
  attempt: number,
  polling: Pick<BulkPolling, 'initialDelayMs' | 'maxDelayMs'>,
  done: number,
  total: number | undefined,
  elapsedMs: number,
): number {
  const backoff = nextPollDelayMs(attempt, polling);
  if (!total || done <= 0 || done >= total || elapsedMs <= 0) return backoff;
  const rest = ((total - done) * elapsedMs) / done;
  return Math.round(Math.min(polling.maxDelayMs, Math.max(polling.initialDelayMs, rest)));
}

/** The newest of this app's bulk mutations since `sinceIso` whose document holds `marker`. */
export async function findBulkImport(
  deps: BulkDeps,
  marker: string,
  sinceIso: string,
): Promise<{ id: string; status: string } | undefined> {
  const query = `operation_type:mutation created_at:>='${sinceIso}'`;
  const { data } = await deps.gql.execute(BulkMutationsSince, { query, first: 50 });
  const hit = data.bulkOperations.nodes.find((op) => op.query.includes(marker));
  return hit ? { id: hit.id, status: hit.status } : undefined;
}

/** Every line of a result file, parsed; the file is read as a stream and retried whole when it breaks off. */
export async function readBulkImportResults(
  deps: BulkDeps,
  id: string,
  url: string,
  fileSize: number | undefined,
  signal?: AbortSignal,
): Promise<unknown[]> {
  return downloadJsonl(
    deps,
    { label: `import ${id}`, url, objectCount: undefined, fileSize },
    () => {
      const lines: unknown[] = [];
      return { add: (line) => void lines.push(line), finish: () => lines };
    },
    signal,
  );
}

function count(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : 0;
}
