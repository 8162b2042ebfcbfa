import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StagedUploadStore } from './staged-uploads.js';

/**
 * The sandbox's storage bucket (docs/shopify-api.md#bulk-mutations): a multipart/form-data POST of the form
 * parameters stagedUploadsCreate handed out, then `file`. Answers as the storage service does, in XML:
 * 201 `<PostResponse>` (success_action_status 201), 400 `EntityTooLarge` over the size limit, 403 `AccessDenied`
 * for a key or signature it did not issue, 400 `InvalidArgument` without a file [V: the 20 MB limit surfaced as
 * EntityTooLarge with MaxSizeAllowed (community thread 1837033); I: the other bodies follow the storage
 * services' documented error shapes]. Fields after `file` are ignored, as form uploads to S3/GCS ignore them [I].
 */
export interface UploadStats {
  upload(outcome: 'stored' | 'rejected', withAccessToken: boolean): void;
}

/** Room for the form fields and multipart boundaries around the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export async function handleStagedUpload(
  store: StagedUploadStore,
  stats: UploadStats,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const withToken = request.headers['x-shopify-access-token'] !== undefined;
  const reject = (status: number, code: string, message: string, extra = '') => {
    stats.upload('rejected', withToken);
    xml(response, status, `<Error><Code>${code}</Code><Message>${message}</Message>${extra}</Error>`);
  };
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    request.resume(); // drained, so the client reads the answer instead of a reset
    return reject(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  }
  const body = await readLimited(request, store.maxBytes + FORM_OVERHEAD_BYTES);
  const tooLarge = (size: number) =>
    reject(
      400,
      'EntityTooLarge',
      'Your proposed upload exceeds the maximum allowed size',
      `<ProposedSize>${size}</ProposedSize><MaxSizeAllowed>${store.maxBytes}</MaxSizeAllowed>`,
    );
  if ('tooLarge' in body) return tooLarge(body.tooLarge);
  let form: FormData;
  try {
    form = await new Response(body.buffer, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return reject(400, 'InvalidArgument', 'The multipart/form-data body could not be parsed.');
  }
  const fields = new Map<string, string>();
  let file: Blob | undefined;
  for (const [name, value] of form.entries()) {
    if (name === 'file' && typeof value !== 'string') {
      file = value;
      break;
    }
    if (typeof value === 'string') fields.set(name, value);
  }
  if (!file) return reject(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  if (file.size > store.maxBytes) return tooLarge(file.size);
  const contents = Buffer.from(await file.arrayBuffer());
  const outcome = store.accept(fields, contents);
  if (outcome === 'denied')
    return reject(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: the key or signature.');
  if (outcome === 'bad-content-type')
    return reject(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: Content-Type.');
  stats.upload('stored', withToken);
  const key = fields.get('key') ?? '';
  if (fields.get('success_action_status') !== '201') {
    response.writeHead(204);
    return void response.end();
  }
  const etag = createHash('md5').update(contents).digest('hex');
  const location = `http://${request.headers.host ?? '127.0.0.1'}${request.url ?? ''}/${encodeURI(key)}`;
  xml(
    response,
    201,
    `<PostResponse><Location>${location}</Location><Bucket>sandbox-staged-uploads</Bucket>` +
      `<Key>${escapeXml(key)}</Key><ETag>"${etag}"</ETag></PostResponse>`,
  );
}

/** The body, or its size once past `limit` (read to the end and dropped, so the client sees the answer). */
async function readLimited(
  request: IncomingMessage,
  limit: number,
): Promise<{ buffer: Buffer } | { tooLarge: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? { tooLarge: size } : { buffer: Buffer.concat(chunks) };
}

function xml(response: ServerResponse, status: number, inner: string): void {
  const body = `<?xml version='1.0' encoding='UTF-8'?>${inner}`;
  response.writeHead(status, {
    'content-type': 'application/xml; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
