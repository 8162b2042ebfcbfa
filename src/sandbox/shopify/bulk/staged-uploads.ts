import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Staged upload targets for bulk mutation variables (docs/shopify-api.md#bulk-mutations). `stagedUploadsCreate`
 * with resource BULK_MUTATION_VARIABLES hands out a form POST target on a storage bucket: one `url`, the form
 * `parameters` (the `key` among them) and `resourceUrl: null`; the JSONL is then POSTed there as
 * multipart/form-data, the parameters first and the `file` last, and `bulkOperationRunMutation` names the file by
 * that `key` as its `stagedUploadPath` [V: schema 2026-10 types; community thread 315109 ("stagedUploadPath = the
 * key"); I: the parameter list and resourceUrl null follow the import guide's example response]. The sandbox's
 * bucket is its own HTTP server (upload-route.ts); the file is kept in memory under its key.
 */
export interface StagedTarget {
  url: string;
  resourceUrl: string | null;
  parameters: Array<{ name: string; value: string }>;
}

export interface StagedUserError {
  field: string[];
  message: string;
}

export interface StagedInput {
  resource: string;
  filename: string;
  mimeType: string;
  httpMethod?: string | null;
}

interface Slot {
  signature: string;
  contentType: string;
  file?: Buffer;
}

/** The route path of the sandbox's storage bucket. */
export const STAGED_UPLOAD_PATH = '/__sandbox/staged-uploads';
/** 100 MB since 2026-01 (was 20 MB) [V: faster-bulk-operations changelog, release notes 2026-01]. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const BULK_MIME = 'text/jsonl';

export class StagedUploadStore {
  private readonly slots = new Map<string, Slot>();
  private baseUrl = 'http://127.0.0.1';

  constructor(
    private readonly shopLegacyId: number,
    readonly maxBytes: number,
  ) {}

  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  /**
   * All or nothing: any input the sandbox refuses gives userErrors and no targets [I: strictest reading]. Only
   * BULK_MUTATION_VARIABLES by POST with text/jsonl is modelled: that is the documented bulk import flow; media
   * resources and PUT targets are refused with a userError saying so, rather than answered half-way.
   */
  create(inputs: readonly StagedInput[]): { stagedTargets: StagedTarget[] | null; userErrors: StagedUserError[] } {
    const userErrors: StagedUserError[] = [];
    inputs.forEach((input, index) => {
      const at = (field: string) => ['input', String(index), field];
      if (input.resource !== 'BULK_MUTATION_VARIABLES')
        userErrors.push({
          field: at('resource'),
          message:
            `The sandbox models staged uploads for BULK_MUTATION_VARIABLES only, not ${input.resource}; ` +
            'upload media by URL (productSet files originalSource) instead.',
        });
      else if ((input.httpMethod ?? 'PUT') !== 'POST')
        userErrors.push({
          field: at('httpMethod'),
          message: 'Bulk mutation variables are uploaded with httpMethod: POST (a form upload); PUT is not modelled.',
        });
      else if (input.mimeType !== BULK_MIME)
        userErrors.push({ field: at('mimeType'), message: `Bulk mutation variables must be ${BULK_MIME}.` });
      if (!input.filename.trim()) userErrors.push({ field: at('filename'), message: 'Filename cannot be blank.' });
    });
    if (userErrors.length > 0) return { stagedTargets: null, userErrors };
    return { stagedTargets: inputs.map((input) => this.target(input)), userErrors: [] };
  }

  /** The uploaded file under `key`, or undefined when nothing was uploaded there. */
  file(key: string): Buffer | undefined {
    return this.slots.get(key)?.file;
  }

  /** The slot an upload form names, when its signature matches what stagedUploadsCreate handed out. */
  accept(fields: ReadonlyMap<string, string>, file: Buffer): 'stored' | 'denied' | 'bad-content-type' {
    const key = fields.get('key') ?? '';
    const slot = this.slots.get(key);
    if (!slot || fields.get('x-goog-signature') !== slot.signature) return 'denied';
    if (fields.get('Content-Type') !== slot.contentType) return 'bad-content-type';
    slot.file = file;
    return 'stored';
  }

  private target(input: StagedInput): StagedTarget {
    const filename = input.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    const key = `tmp/${this.shopLegacyId}/bulk/${randomUUID()}/${filename}`;
    const signature = randomBytes(32).toString('hex');
    this.slots.set(key, { signature, contentType: input.mimeType });
    const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const policy = Buffer.from(
      JSON.stringify({ conditions: [{ key }, ['content-length-range', 1, this.maxBytes]] }),
    ).toString('base64');
    return {
      url: `${this.baseUrl}${STAGED_UPLOAD_PATH}`,
      resourceUrl: null,
      parameters: [
        { name: 'key', value: key },
        { name: 'Content-Type', value: input.mimeType },
        { name: 'success_action_status', value: '201' },
        { name: 'acl', value: 'private' },
        { name: 'policy', value: policy },
        { name: 'x-goog-credential', value: `sandbox-assets/${date.slice(0, 8)}/auto/storage/goog4_request` },
        { name: 'x-goog-algorithm', value: 'GOOG4-RSA-SHA256' },
        { name: 'x-goog-date', value: date },
        { name: 'x-goog-signature', value: signature },
      ],
    };
  }
}
