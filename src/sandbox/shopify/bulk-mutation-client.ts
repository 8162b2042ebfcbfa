import { afterEach } from 'vitest';
import { startShopifySimulator, type ShopifySimulator, type ShopifySimulatorOptions } from './index.js';
import { gql } from './test-client.js';

/**
 * The bulk import flow over real loopback HTTP, for the simulator's own tests (docs/shopify-api.md#bulk-mutations):
 * stagedUploadsCreate → multipart POST of the JSONL → bulkOperationRunMutation → poll → download the result.
 */
type Target = { url: string; accessToken: string };

export const STAGE =
  'mutation Stage($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { ' +
  'stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }';
export const RUN_MUTATION =
  'mutation Run($mutation: String!, $path: String!, $client: String) { bulkOperationRunMutation(' +
  'mutation: $mutation, stagedUploadPath: $path, clientIdentifier: $client) { bulkOperation { id status type } ' +
  'userErrors { code field message } } }';
export const POLL_MUTATION =
  'query Poll($id: ID!) { bulkOperation(id: $id) { id type status errorCode objectCount rootObjectCount ' +
  'fileSize url partialDataUrl createdAt completedAt query } }';
export const PRODUCT_SET_LINE =
  'mutation Line($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { ' +
  'product { id handle } userErrors { code field message } } }';

export interface StagedTarget {
  url: string;
  resourceUrl: string | null;
  parameters: Array<{ name: string; value: string }>;
}

export interface PolledOperation {
  id: string;
  type: string;
  status: string;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string;
  completedAt: string | null;
  query: string;
}

interface UserErrors {
  userErrors: Array<{ code?: string; field: string[] | null; message: string }>;
}

export async function stage(target: Target, filename = 'vars.jsonl'): Promise<StagedTarget> {
  const input = [{ resource: 'BULK_MUTATION_VARIABLES', filename, mimeType: 'text/jsonl', httpMethod: 'POST' }];
  const body = (await gql(target, STAGE, { input })).body as {
    data: { stagedUploadsCreate: UserErrors & { stagedTargets: StagedTarget[] | null } };
  };
  const payload = body.data.stagedUploadsCreate;
  if (payload.userErrors.length > 0 || !payload.stagedTargets?.[0]) throw new Error(JSON.stringify(payload.userErrors));
  return payload.stagedTargets[0];
}

/** POSTs the form as a storage bucket expects it: every parameter, then `file`. */
export async function upload(staged: StagedTarget, body: string | Uint8Array): Promise<Response> {
  const form = new FormData();
  for (const { name, value } of staged.parameters) form.append(name, value);
  form.append('file', new Blob([body], { type: 'text/jsonl' }), 'vars.jsonl');
  return fetch(staged.url, { method: 'POST', body: form });
}

export function keyOf(staged: StagedTarget): string {
  return staged.parameters.find((p) => p.name === 'key')?.value ?? '';
}

export function jsonl(lines: readonly unknown[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}

export async function runMutation(target: Target, mutation: string, path: string, client: string | null = null) {
  const body = (await gql(target, RUN_MUTATION, { mutation, path, client })).body as {
    data: {
      bulkOperationRunMutation: {
        bulkOperation: { id: string; status: string; type: string } | null;
        userErrors: Array<{ code: string; field: string[] | null; message: string }>;
      };
    };
  };
  return body.data.bulkOperationRunMutation;
}

export async function pollOnce(target: Target, id: string): Promise<PolledOperation> {
  const body = (await gql(target, POLL_MUTATION, { id })).body as { data: { bulkOperation: PolledOperation } };
  return body.data.bulkOperation;
}

/** Polls until the operation leaves CREATED/RUNNING/CANCELING (bounded, so a stuck run fails the test). */
export async function pollUntilDone(target: Target, id: string, attempts = 500): Promise<PolledOperation> {
  for (let i = 0; i < attempts; i += 1) {
    const op = await pollOnce(target, id);
    if (!['CREATED', 'RUNNING', 'CANCELING'].includes(op.status)) return op;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`bulk operation ${id} still in progress after ${attempts} polls`);
}

export async function downloadLines(url: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`download ${url}: HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * The simulator for one bulk test file: `start()` opens it (bulk lines at a test rate), and it is closed after each
 * test.
 */
export function bulkSimulatorPerTest(): (options?: ShopifySimulatorOptions) => Promise<ShopifySimulator> {
  let sim: ShopifySimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  return async (options = {}) => {
    sim = await startShopifySimulator({
      orders: 0,
      ...options,
      bulk: { mutationLinesPerSecond: 5000, ...options.bulk },
    });
    return sim;
  };
}
