import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/core/errors.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/** Mistakes are found before the long work: a wrong token before the Sentos catalog read. */
describe('early and exact errors', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 6, orders: 0 });
  });
  afterAll(() => t.close());

  it.each([['products'], ['sync']])('%s: a wrong Shopify token fails before Sentos is read at all', async (command) => {
    t.sandbox.sentos.resetStats();
    const run = await runCli([command, '--dry-run'], { ...t.env, SHOPIFY_ACCESS_TOKEN: 'shpat_wrong' });
    expect(run.code, run.stderr).toBe(ExitCode.auth);
    expect(t.sandbox.sentos.stats().requests.total).toBe(0);
    expect(run.stderr).not.toContain('shpat_wrong');
  });
});
