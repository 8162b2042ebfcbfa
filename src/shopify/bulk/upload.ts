/**
 * Staging a bulk import file (docs/shopify-api.md#bulk-mutations): stagedUploadsCreate gives a target URL and form
 * parameters, the file goes there as a multipart POST (the parameters first, the file last, as S3-style targets
 * require), and the `key` parameter is the `stagedUploadPath` of bulkOperationRunMutation.
 *
 * - The target is a storage host: it gets NO Shopify access token (its parameters are its credential), and its URL is
 *   printed without the query string.
 * - Posting the same file to the same target again overwrites it with the same bytes, so the upload is retried.
 */
import { RemoteError } from '../../core/errors.js';
import { retryDelayMs } from '../../core/http/retry.js';
import { StagedUploadsCreate } from '../operations/index.js';
import { printableUrl } from './download.js';
import type { BulkDeps } from './operation.js';

export interface StagedTarget {
  url: string;
  parameters: Array<{ name: string; value: string }>;
  /** The `key` parameter: what bulkOperationRunMutation takes as stagedUploadPath. */
  stagedUploadPath: string;
}

export const JSONL_MIME = 'text/jsonl';

export async function stageUpload(deps: BulkDeps, filename: string, bytes: number): Promise<StagedTarget> {
  const input = [
    {
      resource: 'BULK_MUTATION_VARIABLES' as const,
      filename,
      mimeType: JSONL_MIME,
      httpMethod: 'POST' as const,
      fileSize: String(bytes),
    },
  ];
  const { data } = await deps.gql.execute(StagedUploadsCreate, { input }, { idempotent: true });
  const payload = data.stagedUploadsCreate;
  const errors = payload?.userErrors ?? [];
  const target = payload?.stagedTargets?.[0];
  const key = target?.parameters.find((p) => p.name === 'key')?.value;
  if (errors.length > 0 || !target?.url || !key)
    throw new RemoteError(
      `Shopify gave no upload target for the bulk import file ${filename}: ${
        errors.map((e) => e.message).join('; ') || 'no URL or key in the answer'
      }.`,
      { service: 'shopify', code: 'BULK_STAGE_FAILED' },
      { hint: 'Run again; to write product by product instead, set products.bulkThreshold to 0.' },
    );
  return { url: target.url, parameters: target.parameters, stagedUploadPath: key };
}

export async function uploadStaged(
  deps: BulkDeps,
  target: StagedTarget,
  filename: string,
  body: Buffer | Blob,
  signal?: AbortSignal,
): Promise<void> {
  const where = printableUrl(target.url);
  const file = body instanceof Blob ? body : new Blob([body], { type: JSONL_MIME });
  for (let attempt = 1; ; attempt++) {
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    form.append('file', file, filename);
    const started = deps.clock.now();
    deps.stats?.record('shopify', 'read', 'BulkUpload');
    let status: number | 'network-error';
    let detail: string;
    try {
      // Deliberately no X-Shopify-Access-Token (see above).
      const response = await fetch(target.url, {
        method: 'POST',
        body: form,
        // No redirect to follow (it would turn the POST into a GET without the file), and no request clone: fetch
        // clones a request it may redirect, and the clone's tee holds a second copy of the whole file
        // (docs/architecture.md#memory).
        redirect: 'error',
        window: null,
        // @ts-expect-error Node's fetch accepts an undici dispatcher; the DOM typings do not know it.
        dispatcher: deps.dispatcher,
        signal,
      });
      status = response.status;
      detail = status >= 300 ? (await response.text()).slice(0, 300) : '';
      if (status < 300) await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      if (signal?.aborted) throw error;
      status = 'network-error';
      detail = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    }
    deps.onEvent?.({
      service: 'shopify',
      method: 'POST',
      url: where,
      status,
      durationMs: deps.clock.now() - started,
      requestId: undefined,
      attempt,
    });
    if (typeof status === 'number' && status < 300) return;
    const retryable = status === 'network-error' || status === 408 || status === 429 || status >= 500;
    if (!retryable || attempt >= deps.retry.maxAttempts)
      throw new RemoteError(
        `Uploading the bulk import file ${filename} to ${where} failed: ` +
          `${status === 'network-error' ? `network error ${detail}` : `HTTP ${status}`}` +
          `${status !== 'network-error' && detail ? ` (${deps.secrets.redact(oneLine(detail))})` : ''}.`,
        { service: 'shopify', code: 'BULK_UPLOAD_FAILED', ...(typeof status === 'number' && { status }) },
        { hint: 'Run again; to write product by product instead, set products.bulkThreshold to 0.' },
      );
    deps.stats?.recordRetry('shopify');
    const random = (deps.random ?? Math.random)();
    const delayMs = retryDelayMs({
      attempt,
      baseDelayMs: deps.retry.baseDelayMs,
      maxDelayMs: deps.retry.maxDelayMs,
      random,
    });
    await deps.clock.sleep(delayMs, signal);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
