/**
 * One bulk query operation from start to a downloadable file (docs/shopify-api.md#bulk-export): start it with
 * bulkOperationRunQuery, then poll bulkOperation(id:) on the injected clock at the times poll-schedule.ts gives from
 * the export's expected size (a CLI polls; the finish webhook is for apps). A failed, canceled or expired export is an
 * error: its `partialDataUrl` is never read, so a partial catalog can never pass for a complete one.
 */
import type { Dispatcher } from 'undici';
import type { Clock } from '../../core/clock.js';
import { RemoteError } from '../../core/errors.js';
import type { HttpEvent, RetryOptions } from '../../core/http/client.js';
import type { SecretRegistry } from '../../core/redact.js';
import type { RequestStats } from '../../core/request-stats.js';
import { AUTH_HINT } from '../errors.js';
import type { GraphqlTransport } from '../graphql.js';
import { BulkOperationPoll, BulkOperationRunQuery } from '../operations/index.js';
import type { WireBulkOperation } from '../operations/bulk-operation-poll.js';
import { DEFAULT_EXPORT_ESTIMATE, expectedExportMs, pollAtMs, type ExportEstimate } from './poll-schedule.js';

export interface BulkPolling {
  /** Wait before the first poll (and before retrying a busy start; each later wait doubles up to maxDelayMs). */
  initialDelayMs: number;
  maxDelayMs: number;
  /** How long an export of n objects should take (null: unknown, plain doubling from initialDelayMs). */
  estimate: ExportEstimate | null;
  /** Give up on an export (or on a busy shop) after this long. */
  timeoutMs: number;
}

/** An export of 10,000 products takes seconds to minutes on Shopify; very large ones can take much longer [I]. */
export const DEFAULT_BULK_POLLING: BulkPolling = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  estimate: DEFAULT_EXPORT_ESTIMATE,
  timeoutMs: 60 * 60_000,
};

/** What reading by bulk export needs besides the GraphQL transport: downloads are plain HTTP GETs. */
export interface BulkDeps {
  gql: GraphqlTransport;
  clock: Clock;
  dispatcher: Dispatcher;
  secrets: SecretRegistry;
  retry: RetryOptions;
  polling: BulkPolling;
  stats?: RequestStats;
  random?: () => number;
  onEvent?: (event: HttpEvent) => void;
}

export interface CompletedBulkOperation {
  id: string;
  /** null when the export found nothing. */
  url: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | undefined;
}

const BUSY_CODES = new Set(['LIMIT_REACHED', 'OPERATION_IN_PROGRESS']);
const TERMINAL = new Set(['FAILED', 'CANCELED', 'CANCELING', 'EXPIRED']);

/** Pure: the wait before poll number `attempt` (0-based). */
export function nextPollDelayMs(attempt: number, polling: Pick<BulkPolling, 'initialDelayMs' | 'maxDelayMs'>): number {
  return Math.min(polling.maxDelayMs, polling.initialDelayMs * 2 ** Math.max(0, attempt));
}

/**
 * `label` names the export in messages (the inner document's operation name); `expectedObjects`, the objects it
 * should export when the caller counted them, schedules the polls.
 */
export async function runBulkQuery(
  deps: BulkDeps,
  label: string,
  document: string,
  signal?: AbortSignal,
  expectedObjects?: number,
): Promise<CompletedBulkOperation> {
  const deadline = deps.clock.now() + deps.polling.timeoutMs;
  const id = await startBulkQuery(deps, label, document, deadline, signal);
  const startedAt = deps.clock.now();
  const expectedMs = expectedExportMs(expectedObjects, deps.polling.estimate);
  for (let attempt = 0; ; attempt++) {
    const delayMs = Math.max(0, startedAt + pollAtMs(attempt, expectedMs, deps.polling) - deps.clock.now());
    await waitMs(deps, delayMs, deadline, signal, () => timeoutError(label, `is still running on Shopify (${id})`));
    const { data } = await deps.gql.execute(BulkOperationPoll, { id });
    const operation = data.bulkOperation;
    if (!operation)
      throw new RemoteError(
        `Shopify bulk export ${label} (${id}) was not found.`,
        { service: 'shopify', code: 'NOT_FOUND' },
        { hint: 'Run again.' },
      );
    if (operation.status === 'COMPLETED') return completed(label, operation);
    // CREATED, RUNNING and unknown statuses (enum growth, docs/shopify-api.md#pitfalls) are waited out, up
    // to the deadline.
    if (TERMINAL.has(operation.status)) throw exportFailed(label, operation);
  }
}

async function startBulkQuery(
  deps: BulkDeps,
  label: string,
  document: string,
  deadline: number,
  signal?: AbortSignal,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    // A repeated start after an unknown outcome only costs one of the shop's five export slots until it ends.
    const { data } = await deps.gql.execute(BulkOperationRunQuery, { query: document }, { idempotent: true });
    const payload = data.bulkOperationRunQuery;
    if (!payload)
      throw new RemoteError(`Shopify BulkOperationRunQuery returned no payload`, {
        service: 'shopify',
        code: 'UNEXPECTED_RESPONSE',
      });
    const errors = payload.userErrors;
    if (errors.length === 0 && payload.bulkOperation) return payload.bulkOperation.id;
    const text = errors.map((e) => e.message).join('; ') || 'no bulk operation was created';
    if (errors.length === 0 || !errors.every((e) => BUSY_CODES.has(e.code ?? ''))) {
      throw new RemoteError(
        `Shopify refused the bulk export ${label}: ${deps.secrets.redact(text)}`,
        { service: 'shopify', code: 'BULK_QUERY_INVALID' },
        {
          hint:
            'This is a bug in sentos-sync (its bulk query does not meet Shopify\u2019s rules). Please ' +
            'report it with the command you ran (no secrets).',
        },
      );
    }
    // Other exports of this app hold the shop's slots (five since 2026-01, docs/shopify-api.md#bulk-export): wait for
    // one to end.
    await wait(deps, attempt, deadline, signal, () => timeoutError(label, `could not start: ${text}`));
  }
}

async function wait(
  deps: BulkDeps,
  attempt: number,
  deadline: number,
  signal: AbortSignal | undefined,
  onTimeout: () => Error,
): Promise<void> {
  await waitMs(deps, nextPollDelayMs(attempt, deps.polling), deadline, signal, onTimeout);
}

async function waitMs(
  deps: BulkDeps,
  delayMs: number,
  deadline: number,
  signal: AbortSignal | undefined,
  onTimeout: () => Error,
): Promise<void> {
  signal?.throwIfAborted();
  if (deps.clock.now() + delayMs > deadline) throw onTimeout();
  await deps.clock.sleep(delayMs, signal);
  signal?.throwIfAborted();
}

function completed(label: string, operation: WireBulkOperation): CompletedBulkOperation {
  const objectCount = count(label, operation.objectCount);
  if (!operation.url && objectCount > 0) {
    throw new RemoteError(
      `Shopify bulk export ${label} (${operation.id}) completed with ${objectCount} objects but no file URL.`,
      { service: 'shopify', code: 'UNEXPECTED_RESPONSE' },
      { hint: 'Run again.' },
    );
  }
  return {
    id: operation.id,
    url: operation.url,
    objectCount,
    rootObjectCount: count(label, operation.rootObjectCount),
    fileSize: operation.fileSize === null ? undefined : count(label, operation.fileSize),
  };
}

/** UnsignedInt64 arrives as a string (docs/shopify-api.md#pitfalls). */
function count(label: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw new RemoteError(`Shopify bulk export ${label}: unreadable count "${value}"`, {
      service: 'shopify',
      code: 'UNEXPECTED_RESPONSE',
    });
  return Number(value);
}

const FAILURE_HINTS: Record<string, string> = {
  ACCESS_DENIED: `The app lacks an access scope the export reads. ${AUTH_HINT}`,
  TIMEOUT:
    'Shopify gave up on the export (it ran too long). Run again; if it keeps timing out, retry at a quieter time.',
  INTERNAL_SERVER_ERROR: 'Shopify failed while exporting; such errors are usually intermittent. Run again.',
};

function exportFailed(label: string, operation: WireBulkOperation): RemoteError {
  const what =
    operation.status === 'FAILED'
      ? `failed with ${operation.errorCode ?? 'no error code'}`
      : `ended ${operation.status}`;
  const hint =
    operation.status === 'FAILED'
      ? (FAILURE_HINTS[operation.errorCode ?? ''] ?? 'Run again.')
      : operation.status === 'EXPIRED'
        ? 'The export\u2019s file expired before it was read. Run again.'
        : 'The export was canceled on Shopify (by another app or a staff member). Run again.';
  return new RemoteError(
    `Shopify bulk export ${label} (${operation.id}) ${what}; nothing was read from it.`,
    { service: 'shopify', code: `BULK_${operation.status}` },
    { hint },
  );
}

function timeoutError(label: string, what: string): RemoteError {
  return new RemoteError(
    `Shopify bulk export ${label} ${what} after the bulk timeout.`,
    { service: 'shopify', code: 'BULK_WAIT_TIMEOUT' },
    {
      hint: 'Shopify is still busy with the export or with other exports of this app; run again later.',
    },
  );
}
