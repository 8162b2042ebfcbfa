import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { routeCount } from './orders-oracle.js';

/** channel_id comes from config and is checked against Sentos's sales channels. */
describe('orders: the configured Sentos sales channel', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 8, orders: 4, seed: 51 });
  });
  afterAll(() => t.close());

  it('a channel Sentos does not have stops the run before any POST, naming the channels there are', async () => {
    const run = await runCli(['orders'], { ...t.env, SENTOS_SYNC_ORDER_CHANNEL_ID: '999' });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(
      /orders\.channelId 999 is not one of Sentos's sales channels: 1 \(B2C Web\), 2 \(Trendyol\)/,
    );
    expect(run.stdout + run.stderr).toContain('SENTOS_SYNC_ORDER_CHANNEL_ID');
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
  });

  it('a known channel goes out as channel_id on every order', async () => {
    const run = await runCli(['orders', '--json'], { ...t.env, SENTOS_SYNC_ORDER_CHANNEL_ID: '2' });
    expect(run.json().summary.created).toBeGreaterThan(0);
    expect(routeCount(t.sandbox, 'GET /sales-channels')).toBe(2);
    expect(t.sandbox.sentos.state.orders.map((o) => [o.channel_id, o.shop])).toEqual(
      t.sandbox.sentos.state.orders.map(() => [2, 'Trendyol']),
    );
  });
});
