import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * Bad input is refused before anything is sent: filter values Shopify does not document, a --since in the
 * future, a numeric tuning variable that is not a number. Exit 2 naming the flag or variable; no request.
 */
describe('bad input, refused before any request', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 2, orders: 2, seed: 9 });
  });
  afterAll(() => t.close());

  const requests = () => t.sandbox.sentos.stats().requests.total + t.sandbox.shopify.stats().requests.total;

  it.each([
    ['--status', ['orders', '--status', 'opened'], {}, /--status.*opened.*open, closed, cancelled, not_closed/s],
    ['--financial-status', ['sync', '--financial-status', 'payed'], {}, /--financial-status.*payed.*paid/s],
    ['--fulfillment-status', ['orders', '--fulfillment-status', 'sent'], {}, /--fulfillment-status.*sent.*shipped/s],
    ['--since in the future', ['orders', '--since', '2999-01-01'], {}, /--since 2999-01-01 is in the future/],
    ['--since in the future (sync)', ['sync', '--since', '2999-01-01'], {}, /--since 2999-01-01 is in the future/],
    [
      'SENTOS_SYNC_SENTOS_WINDOW_MS',
      ['orders'],
      { SENTOS_SYNC_SENTOS_WINDOW_MS: '1s' },
      /Invalid SENTOS_SYNC_SENTOS_WINDOW_MS: expected a whole number of milliseconds/,
    ],
    ['SENTOS_SYNC_RETRY_BASE_MS', ['orders'], { SENTOS_SYNC_RETRY_BASE_MS: '-5' }, /Invalid SENTOS_SYNC_RETRY_BASE_MS/],
    [
      'a numeric setting from the environment',
      ['orders'],
      { SENTOS_SYNC_SENTOS_POSTS_PER_MINUTE: 'twelve' },
      /Invalid SENTOS_SYNC_SENTOS_POSTS_PER_MINUTE: expected a whole number/,
    ],
  ])('%s', async (_label, args, env, message) => {
    t.sandbox.sentos.resetStats();
    t.sandbox.shopify.resetStats();
    const run = await runCli(args, { ...t.env, ...env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout + run.stderr).toMatch(message);
    expect(requests()).toBe(0);
  });
});
