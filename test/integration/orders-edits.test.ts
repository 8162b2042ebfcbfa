import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { expectEachOrderOnce, hasLineWithoutSku, routeCount } from './orders-oracle.js';

/**
 * Edits after the push (README "Edits after the push"): an order Sentos already has that changes in Shopify where
 * PUT /orders/{id} cannot follow (docs/sentos-api.md#order-writes-and-duplicates) is reported needs-attention with
 * what differs, on every run until Sentos matches, and never "unchanged"; a cancel still goes out as PUT status 6.
 * Asserted on the run's report and on the Sentos SIMULATOR's state.
 */
interface Item {
  key: string;
  action: string;
  status: string;
  reasons?: string[];
  changes?: Array<Record<string, unknown>>;
}

describe('orders: a pushed order edited in Shopify', () => {
  let t: TestSandbox;
  const sentosCopy = (order: OrderRecord) =>
    t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(order.legacyId))!;
  const open = () =>
    t.sandbox.shopify.state.orders.filter(
      (o) =>
        !o.cancelledAt &&
        o.fulfillments.length === 0 &&
        o.refunds.length === 0 &&
        o.presentmentCurrencyCode === 'TRY' &&
        !hasLineWithoutSku(o),
    );
  const run = async () => {
    const result = await runCli(['orders', '--json'], t.env);
    return { code: result.code, items: result.json<{ items: Item[] }>().items };
  };
  const itemOf = (items: Item[], order: OrderRecord) => items.find((item) => item.key === order.name);
  let gained: OrderRecord;
  const used = new Set<string>();
  let knownSku: string;

  beforeAll(async () => {
    // A fast-refilling cost bucket: each run re-reads the recently edited orders, and this test is not about pacing.
    t = await startTestSandbox({ products: 10, orders: 12, seed: 33, shopify: { bucket: { restoreRate: 2_000 } } });
    // Orders that fail on purpose (a line without SKU) would make every run partial: this test is about edits.
    const orders = t.sandbox.shopify.state.orders;
    for (let i = orders.length - 1; i >= 0; i -= 1) if (hasLineWithoutSku(orders[i]!)) orders.splice(i, 1);
    const first = await runCli(['orders', '--json'], t.env);
    expect(first.json().summary.created).toBeGreaterThan(5);
    gained = open()[0]!;
    used.add(gained.id);
    knownSku = t.sandbox.shopify.state.orders
      .flatMap((o) => o.lines)
      .find((l) => l.sku && !gained.lines.some((g) => g.sku === l.sku))!.sku!;
  });
  afterAll(() => t.close());

  it('gains a line: needs-attention naming it, this run and the next, never unchanged; exit code 0', async () => {
    const linesBefore = sentosCopy(gained).lines.length;
    t.sandbox.shopify.state.editOrder(gained.id, { addLines: [{ sku: knownSku, quantity: 1, unitPriceMinor: 19990 }] });
    t.sandbox.sentos.resetStats();
    for (const attempt of [1, 2]) {
      const { code, items } = await run();
      expect(itemOf(items, gained), `run ${attempt}`).toMatchObject({
        action: 'needs-attention',
        reasons: expect.arrayContaining([
          `line ${knownSku} × 1 is in Shopify but not in Sentos (added after the push)`,
        ]),
      });
      expect(
        code,
        `run ${attempt}: ${JSON.stringify(items.filter((i) => i.status === 'failed' || i.action === 'conflict'))}`,
      ).toBe(0);
    }
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(0);
    expect(sentosCopy(gained).lines).toHaveLength(linesBefore);
    expectEachOrderOnce(t.sandbox);
  });

  it('the summary and the plan name it readably', async () => {
    const text = await runCli(['orders'], t.env);
    expect(text.stdout).toMatch(/Attention\s+1/);
    expect(text.stdout).toContain(`⚠ ${gained.name}`);
    expect(text.stdout).toContain(`line ${knownSku} × 1 is in Shopify but not in Sentos`);
    const plan = await runCli(['orders', '--dry-run'], t.env);
    expect(plan.stdout).toContain(`⚠ needs attention ${gained.name}`);
  });

  it('is resolved once Sentos holds the line (a person added it in the panel): then unchanged', async () => {
    const copy = sentosCopy(gained);
    copy.lines.push({ ...copy.lines[0]!, sku: knownSku, quantity: 1, price: '199.90', amount: '199.90', vat_rate: 20 });
    const { items } = await run();
    expect(itemOf(items, gained)?.action).toBe('unchanged');
    // The ledger now holds what Sentos has: not looked up again.
    expect(itemOf((await run()).items, gained)?.action ?? 'unchanged').toBe('unchanged');
  });

  it.each([
    [
      'a refunded unit',
      () => ({ refundLines: [{ lineIndex: 0, quantity: 1 }] }),
      /quantity Sentos \d+ → Shopify \d+|no longer in Shopify/,
    ],
    [
      'a new shipping address',
      () => ({ shippingAddress: { address1: 'Yeni Mah. Değişen Sok. No: 9' } }),
      /shipment address: Sentos ".*" → Shopify ".*Değişen Sok/,
    ],
    ['taxes recalculated', () => ({ vatRate: 0.01 }), /vat_rate Sentos \d+ → Shopify 1$/m],
  ])('%s: needs-attention with the difference', async (_label, edit, expected) => {
    const order = open().find((o) => !used.has(o.id))!;
    used.add(order.id);
    t.sandbox.shopify.state.editOrder(order.id, edit());
    const { items } = await run();
    const item = itemOf(items, order);
    expect(item?.action).toBe('needs-attention');
    expect(item?.reasons?.slice(1).join('\n')).toMatch(expected);
  });

  it('--acknowledge accepts how Sentos holds an order: not reported again until Shopify changes it', async () => {
    const attending = (await run()).items.filter((item) => item.action === 'needs-attention');
    const [first, ...others] = attending;
    expect(first).toBeDefined();
    const ack = await runCli(['orders', '--acknowledge', first!.key, '--json'], t.env);
    expect(ack.json<{ items: Item[] }>().items).toEqual([
      expect.objectContaining({ key: first!.key, action: 'skip', reasons: [expect.stringMatching(/^acknowledged: /)] }),
    ]);
    const after = (await run()).items;
    expect(after.find((item) => item.key === first!.key)?.action ?? 'unchanged').toBe('unchanged');
    for (const other of others) expect(after.find((item) => item.key === other.key)?.action).toBe('needs-attention');
  });

  it('cancelled after an edit: PUT status 6 goes out, nothing else to attend to', async () => {
    t.sandbox.shopify.state.cancelOrder(gained.id);
    const before = sentosCopy(gained);
    const { items } = await run();
    expect(itemOf(items, gained)).toMatchObject({
      action: 'update',
      status: 'done',
      changes: [expect.objectContaining({ status: 6 })],
    });
    expect(sentosCopy(gained)).toMatchObject({ id: before.id, status: 6 });
  });
});
