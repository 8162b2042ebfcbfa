/**
 * Downloads a bulk export's JSONL and feeds it, line by line, to a collector (docs/shopify-api.md#bulk-export).
 *
 * - The URL is signed: it is fetched with a plain GET and NO Shopify access token (the token must never
 *   travel to a storage host), and it is never printed with its query string (the signature).
 * - The body is streamed: only the current partial line is held as text, each line is parsed on arrival.
 * - A download is complete only when it holds exactly `objectCount` lines (and `fileSize` bytes when
 *   Shopify states it). Anything less is retried from scratch with a fresh collector, so a truncated file
 *   can never pass for the whole catalog.
 */
import { CliError, RemoteError } from '../../core/errors.js';
import { retryDelayMs } from '../../core/http/retry.js';
import { splitLines } from './lines.js';
import type { BulkDeps } from './operation.js';

export interface JsonlCollector<T> {
  /** One parsed line; throws a CliError when the line does not have the expected shape. */
  add(line: unknown): void;
  /** After the last line: the collected result, or a CliError when the lines do not fit together. */
  finish(): T;
}

export interface BulkFile {
  label: string;
  url: string;
  /** Undefined: the line count is not known up front (an import's result file), only the byte size is checked. */
  objectCount: number | undefined;
  fileSize: number | undefined;
}

type Attempt = { ok: true } | { ok: false; retryable: boolean; error: Error };

export async function downloadJsonl<T>(
  deps: BulkDeps,
  file: BulkFile,
  collector: () => JsonlCollector<T>,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const sink = collector();
    const outcome = await readOnce(deps, file, sink, attempt, signal);
    if (outcome.ok) return sink.finish();
    if (!outcome.retryable || attempt >= deps.retry.maxAttempts || signal?.aborted) throw outcome.error;
    deps.stats?.recordRetry('shopify');
    const delayMs = retryDelayMs({
      attempt,
      baseDelayMs: deps.retry.baseDelayMs,
      maxDelayMs: deps.retry.maxDelayMs,
      random: (deps.random ?? Math.random)(),
    });
    await deps.clock.sleep(delayMs, signal);
  }
}

/** Origin and path only: the query string carries the signature. */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}

async function readOnce<T>(
  deps: BulkDeps,
  file: BulkFile,
  sink: JsonlCollector<T>,
  attempt: number,
  signal?: AbortSignal,
): Promise<Attempt> {
  const started = deps.clock.now();
  const where = printableUrl(file.url);
  deps.stats?.record('shopify', 'read', 'BulkDownload');
  let response: Response;
  try {
    // Deliberately no X-Shopify-Access-Token: the URL is its own credential (docs/shopify-api.md#bulk-export).
    response = await fetch(file.url, {
      method: 'GET',
      headers: { accept: 'application/jsonl' },
      // @ts-expect-error Node's fetch accepts an undici dispatcher; the DOM typings do not know it.
      dispatcher: deps.dispatcher,
      signal,
    });
  } catch (error) {
    deps.onEvent?.({
      service: 'shopify',
      method: 'GET',
      url: where,
      status: 'network-error',
      durationMs: deps.clock.now() - started,
      requestId: undefined,
      attempt,
    });
    return { ok: false, retryable: true, error: downloadError(file, `network error ${networkCode(error)}`) };
  }
  deps.onEvent?.({
    service: 'shopify',
    method: 'GET',
    url: where,
    status: response.status,
    durationMs: deps.clock.now() - started,
    requestId: undefined,
    attempt,
  });
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
    return { ok: false, retryable, error: downloadError(file, `HTTP ${response.status}`, response.status) };
  }
  return consume(deps, file, sink, response.body as unknown as AsyncIterable<Uint8Array>);
}

async function consume<T>(
  deps: BulkDeps,
  file: BulkFile,
  sink: JsonlCollector<T>,
  body: AsyncIterable<Uint8Array>,
): Promise<Attempt> {
  let lines = 0;
  let bytes = 0;
  try {
    for await (const line of splitLines(body, (count) => (bytes += count))) {
      if (line === '') continue;
      lines += 1;
      sink.add(JSON.parse(line));
    }
  } catch (error) {
    // A line that does not fit the expected shape is final; a cut connection or a torn line is retried.
    if (error instanceof CliError) return { ok: false, retryable: false, error };
    const what = error instanceof SyntaxError ? 'a line is not JSON' : `the transfer broke off (${networkCode(error)})`;
    return { ok: false, retryable: true, error: downloadError(file, what) };
  }
  const sizeOk = file.fileSize === undefined || bytes === file.fileSize;
  if ((file.objectCount === undefined || lines === file.objectCount) && sizeOk) return { ok: true };
  const what = `got ${lines} of ${file.objectCount ?? '?'} lines${
    file.fileSize === undefined ? '' : ` and ${bytes} of ` + `${file.fileSize} bytes`
  }`;
  return { ok: false, retryable: true, error: downloadError(file, what) };
}

function downloadError(file: BulkFile, what: string, status?: number): RemoteError {
  return new RemoteError(
    `Shopify bulk export ${file.label}: downloading ${printableUrl(file.url)} failed: ${what}.`,
    {
      service: 'shopify',
      status,
      code: 'BULK_DOWNLOAD_FAILED',
    },
    {
      hint:
        status === 403
          ? 'The export\u2019s signed URL was refused (expired?). Run again.'
          : 'Run again; the catalog was not read.',
    },
  );
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code ?? (error as Error)?.name ?? 'ENETWORK';
}
