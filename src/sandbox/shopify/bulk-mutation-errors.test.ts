import { describe, expect, it } from 'vitest';
import {
  jsonl,
  keyOf,
  pollOnce,
  pollUntilDone,
  PRODUCT_SET_LINE,
  runMutation,
  STAGE,
  stage,
  upload,
  downloadLines,
  bulkSimulatorPerTest,
} from './bulk-mutation-client.js';
import type { ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

const start = bulkSimulatorPerTest();

const line = (handle: string) => ({
  input: {
    handle,
    title: handle,
    productOptions: [{ name: 'Beden', values: [{ name: 'M' }] }],
    variants: [{ sku: handle, price: '10.00', optionValues: [{ optionName: 'Beden', name: 'M' }] }],
  },
});

async function stagedFile(target: ShopifySimulator, lines: unknown[] | string): Promise<string> {
  const staged = await stage(target);
  const response = await upload(staged, typeof lines === 'string' ? lines : jsonl(lines));
  expect(response.status).toBe(201);
  return keyOf(staged);
}

describe('stagedUploadsCreate and the upload target (docs/shopify-api.md#bulk-mutations)', () => {
  it('refuses other resources and PUT targets with userErrors and no targets', async () => {
    const target = await start();
    const input = [
      { resource: 'IMAGE', filename: 'a.jpg', mimeType: 'image/jpeg', httpMethod: 'POST' },
      { resource: 'BULK_MUTATION_VARIABLES', filename: 'v.jsonl', mimeType: 'text/jsonl' },
    ];
    const payload = (await gql(target, STAGE, { input })).body.data.stagedUploadsCreate;
    expect(payload.stagedTargets).toBeNull();
    expect(payload.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', '0', 'resource'],
      ['input', '1', 'httpMethod'],
    ]);
  });

  it('answers EntityTooLarge over the size limit and stores nothing, so the run finds no file', async () => {
    const target = await start({ bulk: { maxUploadBytes: 1000 } });
    const staged = await stage(target);
    const response = await upload(staged, 'x'.repeat(1001));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('<Code>EntityTooLarge</Code>');
    expect(body).toContain('<MaxSizeAllowed>1000</MaxSizeAllowed>');
    expect(target.stats().stagedUploads).toEqual({ stored: 0, rejected: 1, withAccessToken: 0 });
    const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged));
    expect(run).toMatchObject({ bulkOperation: null, userErrors: [{ code: 'NO_SUCH_FILE' }] });
    // Far past the limit the body is not even parsed: the same answer, and the upload is read to its end.
    const huge = await upload(staged, 'z'.repeat(200_000));
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain('<Code>EntityTooLarge</Code>');
    expect((await upload(staged, 'y'.repeat(1000))).status).toBe(201); // exactly the limit is accepted
  });

  it('denies a key or signature it did not issue', async () => {
    const target = await start();
    const staged = await stage(target);
    const forged = {
      ...staged,
      parameters: staged.parameters.map((p) => (p.name === 'x-goog-signature' ? { ...p, value: 'forged' } : p)),
    };
    const response = await upload(forged, jsonl([line('a')]));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });
});

describe('bulkOperationRunMutation refusals (docs/shopify-api.md#bulk-mutations)', () => {
  it('NO_SUCH_FILE for a target never uploaded to and for a path it never issued', async () => {
    const target = await start();
    const staged = await stage(target);
    for (const path of [keyOf(staged), 'tmp/1/bulk/nothing/vars.jsonl']) {
      const run = await runMutation(target, PRODUCT_SET_LINE, path);
      expect(run).toMatchObject({
        bulkOperation: null,
        userErrors: [{ code: 'NO_SUCH_FILE', field: ['stagedUploadPath'] }],
      });
    }
  });

  it.each([
    ['a syntax error', 'mutation { productSet('],
    ['a query', '{ shop { name } }'],
    ['a field the schema lacks', 'mutation L($input: ProductSetInput!) { productSet(input: $input) { nope } }'],
    [
      'two mutation fields',
      'mutation { a: stagedUploadsCreate(input: []) { userErrors { message } } ' +
        'b: stagedUploadsCreate(input: []) { userErrors { message } } }',
    ],
    [
      'a bulk operation inside',
      'mutation { bulkOperationRunQuery(query: "{ shop { id } }") { userErrors { message } } }',
    ],
    [
      'two connections',
      'mutation L($input: ProductSetInput!) { productSet(input: $input) { product { ' +
        'variants(first: 5) { nodes { id } } media(first: 5) { nodes { id } } } userErrors { message } } }',
    ],
  ])('INVALID_MUTATION for %s', async (_name, mutation) => {
    const target = await start();
    const path = await stagedFile(target, [line('a')]);
    const run = await runMutation(target, mutation, path);
    expect(run).toMatchObject({ bulkOperation: null, userErrors: [{ code: 'INVALID_MUTATION', field: ['mutation'] }] });
    expect(target.stats().bulkMutations.operations).toBe(0);
  });

  it('INTERNAL_FILE_SERVER_ERROR when a test asks for it, then the same run succeeds', async () => {
    const target = await start();
    const path = await stagedFile(target, [line('retry')]);
    target.state.failNextBulkMutationRuns(1);
    const first = await runMutation(target, PRODUCT_SET_LINE, path);
    expect(first).toMatchObject({ bulkOperation: null, userErrors: [{ code: 'INTERNAL_FILE_SERVER_ERROR' }] });
    expect((await runMutation(target, PRODUCT_SET_LINE, path)).userErrors).toEqual([]);
  });

  it('INVALID_STAGED_UPLOAD_FILE for a line that is not one JSON object', async () => {
    const target = await start();
    const path = await stagedFile(target, `${JSON.stringify(line('a'))}\n[1, 2]\n`);
    const run = await runMutation(target, PRODUCT_SET_LINE, path);
    expect(run.userErrors).toMatchObject([{ code: 'INVALID_STAGED_UPLOAD_FILE', field: ['stagedUploadPath'] }]);
    expect(run.userErrors[0]?.message).toContain('line 2');
  });

  it('LIMIT_REACHED for a sixth operation in progress; a canceled one frees its place', async () => {
    const target = await start({ bulk: { mutationLinesPerSecond: 1 } });
    const path = await stagedFile(target, [line('a'), line('b'), line('c'), line('d')]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const run = await runMutation(target, PRODUCT_SET_LINE, path);
      expect(run.userErrors).toEqual([]);
      ids.push(run.bulkOperation!.id);
    }
    const sixth = await runMutation(target, PRODUCT_SET_LINE, path);
    expect(sixth).toMatchObject({ bulkOperation: null, userErrors: [{ code: 'LIMIT_REACHED', field: null }] });
    const cancel = await gql(
      target,
      'mutation C($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { message } } }',
      { id: ids[0] },
    );
    expect(cancel.body.data.bulkOperationCancel).toEqual({ bulkOperation: { status: 'CANCELING' }, userErrors: [] });
    const canceled = await pollUntilDone(target, ids[0]!);
    expect(canceled.status).toBe('CANCELED');
    expect(canceled.completedAt).toBeNull();
    expect((await runMutation(target, PRODUCT_SET_LINE, path)).userErrors).toEqual([]);
  });
});

describe('bulk mutation runs (docs/shopify-api.md#bulk-mutations)', () => {
  it('keeps running with no client polling: the lines are applied by the sandbox on its own', async () => {
    const target = await start({ bulk: { mutationLinesPerSecond: 200 } });
    const path = await stagedFile(target, [line('alone-1'), line('alone-2'), line('alone-3')]);
    const run = await runMutation(target, PRODUCT_SET_LINE, path);
    // Nothing is asked over HTTP from here on: the client is gone.
    for (let i = 0; i < 200 && target.stats().bulkMutations.lines < 3; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(target.state.productByHandle('alone-3')).toBeDefined();
    expect(target.state.bulkOperations.find((op) => op.id === run.bulkOperation!.id)?.status).toBe('COMPLETED');
  });

  it('gives a line with bad variables its own errors and runs the others', async () => {
    const target = await start({ bulk: { mutationResultOrder: 'input' } });
    const bad = { input: { ...line('bad').input, variants: [{ ...line('bad').input.variants[0], price: 10 }] } };
    const path = await stagedFile(target, [line('good-0'), bad, line('good-2')]);
    const run = await runMutation(target, PRODUCT_SET_LINE, path);
    const done = await pollUntilDone(target, run.bulkOperation!.id);
    const results = await downloadLines(done.url!);
    expect(results.map((r) => r.__lineNumber)).toEqual([0, 1, 2]); // input order when asked for
    expect(results[1]).toMatchObject({ errors: [{ message: expect.stringContaining('price') }] });
    expect(results[2]).toMatchObject({ data: { productSet: { product: { handle: 'good-2' }, userErrors: [] } } });
    expect(target.stats().bulkMutations).toMatchObject({ lines: 3, failedLines: 1 });
  });

  it('fails with TIMEOUT once 24 h have passed on the sandbox clock, keeping the lines done as partial', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const target = await start({ clock: () => now, bulk: { mutationLinesPerSecond: 20 } });
    const lines = Array.from({ length: 50 }, (_, i) => line(`slow-${i}`));
    const run = await runMutation(target, PRODUCT_SET_LINE, await stagedFile(target, lines));
    for (let i = 0; i < 200 && target.stats().bulkMutations.lines < 2; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    now += 24 * 3_600_000;
    const failed = await pollOnce(target, run.bulkOperation!.id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'TIMEOUT', url: null, completedAt: null });
    const partial = await downloadLines(failed.partialDataUrl!);
    expect(partial.length).toBe(Number(failed.objectCount));
    expect(partial.length).toBeLessThan(50);
  });

  it('takes clientIdentifier but, as in 2026-10, does not search by it (a search warning)', async () => {
    const target = await start();
    const path = await stagedFile(target, [line('tagged')]);
    const run = await runMutation(target, PRODUCT_SET_LINE, path, 'sentos-sync-run-1');
    expect(target.state.bulkClientIdentifier(run.bulkOperation!.id)).toBe('sentos-sync-run-1');
    const response = await gql(
      target,
      '{ bulkOperations(first: 5, query: "client_identifier:sentos-sync-run-1") { nodes { id } } }',
    );
    expect(response.body.extensions.search).toEqual([
      expect.objectContaining({ warnings: [expect.objectContaining({ field: 'client_identifier' })] }),
    ]);
  });
});
