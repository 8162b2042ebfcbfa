import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { buildReport, type BulkFigures } from '../../sync/report.js';
import { renderSummary } from './summary.js';

const plain = new Chalk({ level: 0 });
const zero = { reads: 0, writes: 0, retries: 0, cost: 0, byOperation: {} };
const report = (bulk?: BulkFigures) =>
  buildReport({
    command: 'products',
    runId: 'r',
    dryRun: false,
    startedAtMs: 0,
    nowMs: 1000,
    items: [],
    interrupted: false,
    warnings: [],
    stats: { sentos: { ...zero }, shopify: { ...zero } },
    ...(bulk && { bulk }),
  });

describe('the summary says when the bulk path was used', () => {
  it.each([
    [
      { operations: ['a'], lines: 1500, written: 1499, failed: 1, stillRunning: [] },
      'Bulk import: 1500 product writes in 1 Shopify bulk operation (1499 written, 1 failed)',
    ],
    [
      { operations: ['a', 'b'], lines: 20, written: 0, failed: 0, stillRunning: ['b'] },
      'Bulk import: 20 product writes in 2 Shopify bulk operations (0 written, 0 failed, 1 still running)',
    ],
  ])('%j', (bulk, line) => {
    expect(renderSummary(report(bulk), 'Products', plain).split('\n')).toContain(line);
  });

  it('says nothing of bulk on the per-call path', () => {
    expect(renderSummary(report(), 'Products', plain)).not.toMatch(/Bulk import/);
  });
});
