import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';
import { runCli, startTestSandbox, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';
import {
  expectEachOrderOnce,
  expectedSentosOrder,
  hasLineWithoutSku,
  pushable,
  removeOrderState,
  routeCount,
  stateFile,
  answeredCount,
} from './orders-oracle.js';

/**
 * Plus figures: each run reads the orders in pages that reserve ~500 points, and a Standard bucket (100/s) would
 * make the later runs wait seconds for restore, which is not what this file tests.
 */
const SHOP = { plan: 'plus' } as const;

/**
 * Order push: N seeded Shopify orders arrive in Sentos once each with the right fields; a rerun creates nothing (and,
 * thanks to the ledger, looks nothing up); without the ledger a rerun still creates nothing (the remote lookup is the
 * guarantee). Asserted on the Sentos SIMULATOR's state and request log.
 */
describe('orders: push to Sentos exactly once', () => {
  let t: TestSandbox;
  let first: CliRun;
  let testOrderName: string;
  let testOrderNames: string[];
  let unknownSkuOrder: string;

  beforeAll(async () => {
    // Sentos's window at 20 ms (the harness's 300 ms, shorter): the tests count GETs exactly, and one run's shipped-
    // orders listing repeated by the next run within a window meets the same-GET limit (a 429, then a retry, counted
    // twice), which depends on how fast the runs follow each other, not on what they ask.
    t = await startTestSandbox({
      products: 12,
      orders: 15,
      seed: 7,
      shopify: SHOP,
      sentos: { limits: { windowMs: 20 } },
    });
    // A Shopify test order (bogus gateway): not a sale, never pushed.
    const plain = (o: OrderRecord) =>
      !o.test &&
      !hasLineWithoutSku(o) &&
      !o.cancelledAt &&
      o.fulfillments.length === 0 &&
      o.presentmentCurrencyCode === 'TRY' &&
      o.financialStatus === 'PAID';
    const candidate = t.sandbox.shopify.state.orders.find(plain);
    if (!candidate) throw new Error('seed has no plain order to turn into a test order');
    candidate.test = true;
    testOrderName = candidate.name;
    // A test order that could not even be mapped (no SKU): still skipped, not a failure retried forever.
    const untestable = t.sandbox.shopify.state.orders.find(hasLineWithoutSku);
    if (!untestable) throw new Error('seed has no order with a line without SKU');
    untestable.test = true;
    testOrderNames = [candidate.name, untestable.name];
    // A line whose SKU Sentos does not know: that order fails naming the SKU (unknownSkuPolicy 'fail').
    const unknown = t.sandbox.shopify.state.orders.find(plain) as OrderRecord;
    (unknown.lines[0] as OrderRecord['lines'][number]).sku = 'YOK-BÖYLE-BİR-SKU';
    unknownSkuOrder = unknown.name;
    first = await runCli(['orders', '--json'], t.env);
  });
  afterAll(() => t.close());

  it('creates every pushable order once, with the fields Shopify holds', () => {
    const shopify = t.sandbox.shopify.state.orders;
    expect(shopify).toHaveLength(15);
    expectEachOrderOnce(t.sandbox);
    const wanted = pushable(t.sandbox);
    expect(wanted.length).toBeGreaterThanOrEqual(11);
    for (const order of wanted) {
      const stored = t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(order.legacyId));
      expect(stored, order.name).toMatchObject(expectedSentosOrder(order));
      expect(stored?.lines, order.name).toHaveLength(expectedSentosOrder(order).lines.length);
    }
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(wanted.length);
  });

  it('covered the awkward cases: discounts, 10 % and 20 % KDV, COD, EFT, shipped, cancelled, refunded, EUR', () => {
    const stored = t.sandbox.sentos.state.orders;
    const wanted = pushable(t.sandbox);
    expect(wanted.some((o) => o.lines.some((l) => l.discountPerUnitMinor > 0))).toBe(true);
    expect(new Set(stored.flatMap((o) => o.lines.map((l) => l.vat_rate)))).toEqual(new Set([10, 20]));
    expect(new Set(stored.map((o) => o.payment_method))).toEqual(
      new Set(['KREDIKARTI/BANKAKARTI', 'KAPIDAODEME/NAKIT', 'EFT/HAVALE']),
    );
    expect(new Set(stored.map((o) => o.status))).toEqual(new Set([1, 2, 5, 6]));
    expect(wanted.some((o) => o.presentmentCurrencyCode === 'EUR')).toBe(true);
    expect(wanted.some((o) => o.financialStatus === 'REFUNDED' && !o.cancelledAt)).toBe(true);
  });

  it('keeps Turkish characters intact end to end', () => {
    const text = JSON.stringify(
      t.sandbox.sentos.state.orders.map((o) => [o.customer, o.invoice_address, o.shipment_address]),
    );
    expect(text).toMatch(/[çğıöşüÇĞİÖŞÜ]/);
    for (const order of pushable(t.sandbox)) {
      const stored = t.sandbox.sentos.state.orders.find((o) => String(o.order_id) === String(order.legacyId));
      expect(stored?.customer.name).toBe(`${order.customer.firstName} ${order.customer.lastName}`);
      expect(stored?.shipment_address).toMatchObject({
        address: `${order.shippingAddress.address1} ${order.shippingAddress.address2 ?? ''}`.trim(),
      });
    }
  });

  it('reports the test order as skipped and the lines without SKU as failed, with a clear reason', () => {
    const report = first.json();
    expect(first.code).toBe(5); // partial: some failed
    const noSku = t.sandbox.shopify.state.orders.filter((o) => hasLineWithoutSku(o) && !o.test);
    expect(noSku.length).toBeGreaterThan(0);
    for (const order of noSku) {
      expect(report.items).toContainEqual(
        expect.objectContaining({
          key: order.name,
          status: 'failed',
          error: expect.objectContaining({ message: expect.stringMatching(/has no SKU/) }),
        }),
      );
    }
    expect(report.items).toContainEqual(
      expect.objectContaining({
        key: unknownSkuOrder,
        status: 'failed',
        error: expect.objectContaining({
          message: expect.stringMatching(/SKU "YOK-BÖYLE-BİR-SKU", which Sentos does not know/),
        }),
      }),
    );
    for (const name of testOrderNames) {
      expect(report.items).toContainEqual(
        expect.objectContaining({ key: name, status: 'skipped', reasons: [expect.stringMatching(/test order/)] }),
      );
    }
    expect(report.summary).toMatchObject({
      created: pushable(t.sandbox).length,
      failed: noSku.length + 1,
      skipped: 2,
      total: 15,
    });
    expect(t.sandbox.sentos.state.orders.map((o) => `#${o.order_code}`)).not.toContain(testOrderName);
  });

  it('a rerun creates nothing and, thanks to the ledger, looks no order up', async () => {
    // Meanwhile a failed order turns out to be a test order: skipped, and no longer retried as a failure.
    const failedOne = t.sandbox.shopify.state.orders.find((o) => hasLineWithoutSku(o) && !o.test) as OrderRecord;
    failedOne.test = true;
    t.sandbox.sentos.resetStats();
    const run = await runCli(['orders', '--json'], t.env);
    expect(run.json().summary).toMatchObject({ created: 0, updated: 0 });
    expect(run.json().items).toContainEqual(expect.objectContaining({ key: failedOne.name, status: 'skipped' }));
    const ledger = fs
      .readFileSync(stateFile(t.home, 'orders-ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(ledger).toContainEqual({ type: 'resolved', shopifyId: String(failedOne.legacyId) });
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(0);
    // No lookup: the one GET is the listing of shipped orders (docs/architecture.md#fulfilment-back-to-shopify).
    expect(answeredCount(t.sandbox, 'GET /orders')).toBe(1);
    expectEachOrderOnce(t.sandbox);
  });

  it('without the ledger and checkpoint, a rerun looks every order up and still creates nothing', async () => {
    expect(fs.existsSync(stateFile(t.home, 'orders-ledger.jsonl'))).toBe(true);
    removeOrderState(t.home);
    t.sandbox.sentos.resetStats();
    const run = await runCli(['orders', '--json'], t.env);
    expect(run.json().summary).toMatchObject({ created: 0, updated: 0 });
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
    expect(routeCount(t.sandbox, 'PUT /orders/:id')).toBe(0);
    // Every order is new to the (lost) ledger: one listing of the Sentos orders created since the oldest of them
    // answers every lookup (a single page here) instead of a GET by order_id per order; and the shipped listing.
    expect(pushable(t.sandbox).length).toBeGreaterThan(2);
    expect(answeredCount(t.sandbox, 'GET /orders')).toBe(2);
    expectEachOrderOnce(t.sandbox);
    // The lookups rebuilt the ledger: the next run asks nothing again.
    t.sandbox.sentos.resetStats();
    await runCli(['orders', '--json'], t.env);
    expect(answeredCount(t.sandbox, 'GET /orders')).toBe(1);
    expect(routeCount(t.sandbox, 'POST /orders')).toBe(0);
  });
});
