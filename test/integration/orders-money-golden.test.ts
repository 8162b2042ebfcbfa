import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenOrders } from '../../src/sandbox/seed/golden-orders.js';
import { lineMoney, orderTotals, type Currency } from '../../src/sandbox/shopify/resolvers/order-money.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * The money invariant on every golden order (README "Money"): what the Sentos SIMULATOR stored (Σ price × quantity +
 * shipping_total, as strings on its read side) against Shopify's own totals read from the Shopify SIMULATOR's state
 * (current total, or the original one for a cancelled order sent at its original quantities, less tips and gift
 * cards), within one kuruş. Neither side goes through the tool's money code.
 */
const toMinor = (value: unknown) => Math.round(Number(value) * 100);

function shopifyExpected(order: OrderRecord, currency: Currency): number {
  const totals = orderTotals(order, currency);
  const closedAsSent = Boolean(order.cancelledAt);
  const giftCards = order.lines.reduce((sum, line, index) => {
    if (!line.giftCard) return sum;
    const money = lineMoney(order, index, currency);
    return sum + (closedAsSent ? money.charged : money.currentCharged);
  }, 0);
  return (closedAsSent ? totals.total : totals.currentTotal) - totals.tips - giftCards;
}

function sentosSent(t: TestSandbox, order: OrderRecord) {
  const stored = t.sandbox.sentos.state.orders.filter((o) => String(o.order_id) === String(order.legacyId));
  expect(stored, `${order.name} in Sentos`).toHaveLength(1);
  const body = stored[0]!;
  const lines = body.lines.reduce((sum, line) => sum + toMinor(line.price) * Number(line.quantity), 0);
  return { body, minor: lines + toMinor(body.shipping_total) };
}

describe('orders: every golden order adds up in Sentos (the money invariant)', () => {
  let t: TestSandbox;
  let run: CliRun;
  const golden = () => t.sandbox.shopify.state.orders.filter((o) => o.tags.includes('golden'));

  beforeAll(async () => {
    t = await startTestSandbox({
      products: 6,
      orders: 0,
      seed: 4,
      shopify: { goldenOrders: true, bucket: { restoreRate: 2_000 } },
    });
    run = await runCli(['orders', '--json'], t.env);
  });
  afterAll(() => t.close());

  it('pushes all of them, none failed', () => {
    expect(golden()).toHaveLength(goldenOrders([{ sku: 'X', name: 'x', price: '1', vatRate: 20 }], 0).length);
    expect(golden().length).toBeGreaterThanOrEqual(12);
    const items = run.json<{ items: Array<{ key: string; action: string }> }>().items;
    expect(items.filter((item) => item.action === 'failed')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it.each(goldenOrders([{ sku: 'X', name: 'x', price: '1', vatRate: 20 }], 0).map((g, i) => [g.key, i]))(
    '%s: Σ price × quantity + shipping_total = Shopify total less what is excluded, within 0.01',
    (_key, index) => {
      const order = golden()[index]!;
      const { minor } = sentosSent(t, order);
      expect(Math.abs(minor - shopifyExpected(order, 'shop')), order.name).toBeLessThanOrEqual(1);
    },
  );

  it('sends VAT-included unit prices in a tax-exclusive shop, and splits an odd amount over two lines', () => {
    const exclusive = golden().find((o) => !o.taxesIncluded)!;
    const { body } = sentosSent(t, exclusive);
    expect(body.lines.map((l) => [l.quantity, l.price])).toEqual([
      [2, '1200.00'],
      [1, '366.66'],
    ]);
    expect(body.shipping_total).toBe('48.00');
    const odd = golden().find((o) => o.lines.length === 1 && o.lines[0]!.quantity === 3 && !o.cancelledAt)!;
    expect(sentosSent(t, odd).body.lines.map((l) => [l.quantity, l.price])).toEqual([
      [2, '96.66'],
      [1, '96.67'],
    ]);
  });
});
