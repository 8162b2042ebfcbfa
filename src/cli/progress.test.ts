import { describe, expect, it } from 'vitest';
import { bulkProgressText } from './progress.js';

describe('bulkProgressText: the upload, Shopify\u2019s processing and the result read', () => {
  const op = 'gid://shopify/BulkOperation/7';
  it.each([
    [{ stage: 'upload', operation: 'sentos-sync-r-1', done: 0, total: 8_400_000 }, /uploading 8204 KB…$/],
    [{ stage: 'upload', operation: 'sentos-sync-r-1', done: 10, total: 10 }, /sentos-sync-r-1: uploaded$/],
    [{ stage: 'processing', operation: op, done: 600, total: 1500 }, /Shopify processed 600 \/ 1500 lines$/],
    [{ stage: 'results', operation: op, done: 0, total: 1500 }, /reading the results…$/],
    [{ stage: 'results', operation: op, done: 1500, total: 1500 }, /read 1500 result lines$/],
  ] as const)('%j', (event, expected) => {
    expect(bulkProgressText({ type: 'bulk-progress', ...event })).toMatch(expected);
  });
});
