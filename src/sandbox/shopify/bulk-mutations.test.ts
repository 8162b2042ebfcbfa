import { describe, expect, it } from 'vitest';
import {
  downloadLines,
  pollOnce,
  jsonl,
  keyOf,
  pollUntilDone,
  PRODUCT_SET_LINE,
  runMutation,
  stage,
  upload,
  bulkSimulatorPerTest,
} from './bulk-mutation-client.js';
import { gql } from './test-client.js';

const start = bulkSimulatorPerTest();

function productLine(handle: string, sku: string, title = handle) {
  return {
    input: {
      handle,
      title,
      productOptions: [{ name: 'Beden', values: [{ name: 'M' }] }],
      variants: [{ sku, price: '10.00', optionValues: [{ optionName: 'Beden', name: 'M' }] }],
    },
  };
}

describe('bulk mutations: staged upload, run, poll, result (docs/shopify-api.md#bulk-mutations)', () => {
  it('creates every product of the JSONL once through productSet; one result line per input line', async () => {
    const target = await start();
    const staged = await stage(target);
    expect(staged.url.startsWith(target.url)).toBe(true);
    expect(staged.resourceUrl).toBeNull();
    expect(staged.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['key', 'Content-Type', 'policy']));
    const lines = Array.from({ length: 30 }, (_, i) => productLine(`bulk-${i}`, `SKU-${i}`));
    lines[7] = productLine('bulk-7', 'SKU-7', ''); // Title can't be blank: only this line fails.
    const uploaded = await upload(staged, jsonl(lines));
    expect(uploaded.status).toBe(201);
    expect(await uploaded.text()).toContain(`<Key>${keyOf(staged)}</Key>`);

    const costBefore = target.stats().costSpent;
    const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged), 'run-2026-12-01-a');
    expect(run.userErrors).toEqual([]);
    expect(run.bulkOperation).toMatchObject({ status: 'CREATED', type: 'MUTATION' });
    const done = await pollUntilDone(target, run.bulkOperation!.id);
    expect(done).toMatchObject({ status: 'COMPLETED', errorCode: null, objectCount: '30', rootObjectCount: '30' });
    expect(done.query).toBe(PRODUCT_SET_LINE);

    const results = await downloadLines(done.url!);
    expect(results).toHaveLength(30);
    expect(Number(done.fileSize)).toBeGreaterThan(0);
    const order = results.map((line) => line.__lineNumber as number);
    expect(order).not.toEqual([...order].sort((a, b) => a - b)); // shuffled by default: never match by position
    const byLine = new Map(results.map((line) => [line.__lineNumber as number, line]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(lines.map((_, i) => i));
    const payload = (n: number) => (byLine.get(n)!.data as { productSet: Record<string, any> }).productSet;
    expect(payload(3)).toMatchObject({ product: { handle: 'bulk-3' }, userErrors: [] });
    expect(payload(7)).toMatchObject({ product: null, userErrors: [{ field: ['input', 'title'] }] });
    expect(target.state.productByHandle('bulk-3')?.id).toBe(payload(3).product.id);
    expect(target.state.productByHandle('bulk-7')).toBeUndefined();
    expect(target.state.products.filter((p) => p.handle.startsWith('bulk-'))).toHaveLength(29);

    const stats = target.stats();
    expect(stats.bulkMutations).toEqual({
      operations: 1,
      lines: 30,
      failedLines: 1,
      linesByMutation: { productSet: 30 },
    });
    expect(stats.stagedUploads).toEqual({ stored: 1, rejected: 0, withAccessToken: 0 });
    expect(stats.requests.byOperation.productSet).toBeUndefined(); // no synchronous productSet call was made
    // Only the run request itself and the polls are charged: 30 productSet lines would cost far more.
    expect(stats.costSpent - costBefore).toBeLessThan(30 * 10);
  });

  it('lists the operation under bulkOperations and currentBulkOperation(type: MUTATION)', async () => {
    const target = await start();
    const staged = await stage(target);
    await upload(staged, jsonl([productLine('listed', 'L-1')]));
    const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged));
    await pollUntilDone(target, run.bulkOperation!.id);
    const response = await gql(
      target,
      '{ bulkOperations(first: 5, query: "operation_type:mutation status:completed") { nodes { id type } } ' +
        'currentBulkOperation(type: MUTATION) { id status } }',
    );
    expect(response.body.data.bulkOperations.nodes).toEqual([{ id: run.bulkOperation!.id, type: 'MUTATION' }]);
    expect(response.body.data.currentBulkOperation).toEqual({ id: run.bulkOperation!.id, status: 'COMPLETED' });
    const queries = await gql(target, '{ bulkOperations(first: 5, query: "operation_type:query") { nodes { id } } }');
    expect(queries.body.data.bulkOperations.nodes).toEqual([]);
  });
});

describe('bulk mutations in parallel and ended by Shopify (docs/shopify-api.md#bulk-mutations)', () => {
  it('runs shards at once, each line exactly once', async () => {
    const target = await start();
    const ids: string[] = [];
    for (let shard = 0; shard < 3; shard += 1) {
      const staged = await stage(target, `shard-${shard}.jsonl`);
      await upload(
        staged,
        jsonl(Array.from({ length: 10 }, (_, i) => productLine(`p-${shard}-${i}`, `S${shard}-${i}`))),
      );
      const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged));
      expect(run.userErrors).toEqual([]);
      ids.push(run.bulkOperation!.id);
    }
    for (const id of ids) expect((await pollUntilDone(target, id)).status).toBe('COMPLETED');
    expect(target.stats().bulkMutations).toMatchObject({ operations: 3, lines: 30, failedLines: 0 });
    expect(new Set(target.state.products.map((p) => p.handle)).size).toBe(target.state.products.length);
    expect(target.state.products.filter((p) => p.handle.startsWith('p-'))).toHaveLength(30);
  });

  it('a FAILED operation (state.settleBulkOperation) keeps what it ran as partial data and runs no more', async () => {
    const target = await start({ bulk: { mutationLinesPerSecond: 50 } });
    const staged = await stage(target);
    await upload(staged, jsonl(Array.from({ length: 40 }, (_, i) => productLine(`f-${i}`, `F-${i}`))));
    const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged));
    while (target.stats().bulkMutations.lines < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    target.state.settleBulkOperation(run.bulkOperation!.id, 'FAILED', 'INTERNAL_SERVER_ERROR');
    const ran = target.stats().bulkMutations.lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(target.stats().bulkMutations.lines).toBe(ran);
    const failed = await pollOnce(target, run.bulkOperation!.id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', url: null });
    expect(await downloadLines(failed.partialDataUrl!)).toHaveLength(ran);
  });
});

describe('bulk mutation edges (docs/shopify-api.md#bulk-mutations)', () => {
  it('runs productSet synchronously in bulk even when the line asks for synchronous: false', async () => {
    const target = await start();
    const staged = await stage(target);
    await upload(staged, jsonl([{ ...productLine('async', 'A-1'), synchronous: false }]));
    const mutation =
      'mutation L($input: ProductSetInput!, $synchronous: Boolean!) { productSet(input: $input, synchronous: ' +
      '$synchronous) { product { handle } productSetOperation { id } userErrors { message } } }';
    const run = await runMutation(target, mutation, keyOf(staged));
    const [result] = await downloadLines((await pollUntilDone(target, run.bulkOperation!.id)).url!);
    expect(result).toMatchObject({ data: { productSet: { product: { handle: 'async' }, productSetOperation: null } } });
  });

  it('holds each line to the @idempotent rule of a synchronous request', async () => {
    const target = await start();
    const staged = await stage(target);
    const input = { name: 'available', reason: 'correction', quantities: [] };
    await upload(staged, jsonl([{ input }]));
    const mutation =
      'mutation L($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { ' +
      'userErrors { message } } }';
    const run = await runMutation(target, mutation, keyOf(staged));
    const done = await pollUntilDone(target, run.bulkOperation!.id);
    const [result] = await downloadLines(done.url!);
    expect(result).toMatchObject({ __lineNumber: 0, errors: [{ message: expect.stringMatching(/idempotent/i) }] });
    expect(target.stats().bulkMutations).toMatchObject({ lines: 1, failedLines: 1 });
  });

  it('refuses to cancel a finished operation and expires its result seven days after completion', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const target = await start({ clock: () => now });
    const staged = await stage(target);
    await upload(staged, jsonl([productLine('old', 'OLD-1')]));
    const run = await runMutation(target, PRODUCT_SET_LINE, keyOf(staged));
    const done = await pollUntilDone(target, run.bulkOperation!.id);
    const cancel = await gql(
      target,
      'mutation C($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { field message } } }',
      { id: done.id },
    );
    expect(cancel.body.data.bulkOperationCancel).toEqual({
      bulkOperation: { status: 'COMPLETED' },
      userErrors: [{ field: null, message: 'A bulk operation cannot be canceled when it is completed' }],
    });
    now += 7 * 86_400_000;
    expect(await pollOnce(target, done.id)).toMatchObject({ status: 'EXPIRED', url: null });
    expect((await fetch(done.url!)).status).toBe(403);
  });
});
