import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { buildReport, type ReportItem } from '../../sync/report.js';
import { Output } from '../output.js';
import { renderError } from './error.js';
import { renderPlan } from './plan.js';
import { describeOrderChange } from './plan-orders.js';
import { renderSummary } from './summary.js';

const plain = new Chalk({ level: 0 });
const L1 = 'gid://shopify/Location/1';
const L2 = 'gid://shopify/Location/2';
const locations = { [L1]: 'Merkez Depo', [L2]: 'İstanbul Mağaza' };
const zero = { reads: 0, writes: 0, retries: 0, cost: 0, requests: 0 };

function report(items: ReportItem[], options: { dryRun?: boolean; interrupted?: boolean } = {}) {
  return buildReport({
    command: 'products',
    runId: 'r1',
    dryRun: options.dryRun ?? true,
    startedAtMs: 0,
    nowMs: 1500,
    items,
    interrupted: options.interrupted ?? false,
    warnings: [],
    stats: { sentos: { ...zero }, shopify: { ...zero } } as never,
    locations,
  });
}

const priceDrift: ReportItem = {
  key: 'STD-ELB-1042',
  title: 'Kruvaze Yaka Midi Elbise',
  action: 'update',
  status: 'planned',
  changes: [{ field: 'price', sku: 'STD-ELB-1042-SYH-S', from: '1299.90', to: '1199.90' }],
};
const stockDrop: ReportItem = {
  key: 'KZY-KZK-1003',
  title: 'Triko Kazak',
  action: 'update',
  status: 'planned',
  changes: [
    { field: 'stock', sku: 'KZY-KZK-1003-LCV-S', location: L1, from: 11, to: 7, sentos: 7, pending: 0 },
    { field: 'stock', sku: 'KZY-KZK-1003-LCV-M', location: L2, from: 3, to: 0, sentos: 2, pending: 2 },
    { field: 'stock', sku: 'KZY-KZK-1003-OLD', location: L1, from: 4, to: 0 },
  ],
};
const created: ReportItem = {
  key: 'MDS-MNT-1005',
  title: 'Çocuk Mont',
  action: 'create',
  status: 'planned',
  changes: [
    { field: 'stock', sku: 'MDS-MNT-1005-3Y', location: L1, from: null, to: 5, sentos: 5, pending: 0 },
    { field: 'stock', sku: 'MDS-MNT-1005-4Y', location: L2, from: null, to: 2, sentos: 2, pending: 0 },
  ],
};
const conflict: ReportItem = {
  key: 'DUP-1',
  action: 'conflict',
  status: 'conflict',
  reasons: ['duplicate SKU DUP-1-S on Shopify products 11 and 12'],
};
const failed: ReportItem = {
  key: 'BAD-7',
  title: 'Bozuk Ürün',
  action: 'invalid',
  status: 'failed',
  reasons: ['variant BAD-7-S: sale_price "12,3,4" is not a price'],
};
const same: ReportItem = { key: 'OK-1', action: 'unchanged', status: 'planned' };

describe('the plan in words', () => {
  it('a price drift: the variant and old → new price, nothing else', () => {
    expect(renderPlan(report([priceDrift, same]), plain, { all: false })).toMatchInlineSnapshot(`
      "Plan (1 item, riskiest first):
      ~ would update STD-ELB-1042 Kruvaze Yaka Midi Elbise
          STD-ELB-1042-SYH-S price: "1299.90" → "1199.90""
    `);
  });

  it('riskiest first, stock by location name with Sentos and held units, creates summarised', () => {
    expect(renderPlan(report([created, priceDrift, stockDrop, conflict, failed]), plain, { all: false }))
      .toMatchInlineSnapshot(`
      "Plan (5 items, riskiest first):
      ✖ failed BAD-7 Bozuk Ürün
          ! variant BAD-7-S: sale_price "12,3,4" is not a price
      ! conflict DUP-1
          ! duplicate SKU DUP-1-S on Shopify products 11 and 12
      ~ would update KZY-KZK-1003 Triko Kazak
          KZY-KZK-1003-LCV-S Merkez Depo 11 → 7 (Sentos 7, held 0)
          KZY-KZK-1003-LCV-M İstanbul Mağaza 3 → 0 (Sentos 2, held 2)
          KZY-KZK-1003-OLD Merkez Depo 4 → 0 (not in Sentos)
      ~ would update STD-ELB-1042 Kruvaze Yaka Midi Elbise
          STD-ELB-1042-SYH-S price: "1299.90" → "1199.90"
      + would create MDS-MNT-1005 Çocuk Mont
          2 variants; stock Merkez Depo 5 · İstanbul Mağaza 2"
    `);
  });

  it('a long plan stops after the limit and says how to see the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...priceDrift, key: `P-${i}` }));
    const text = renderPlan(report(many), plain, { all: false });
    expect(text.split('\n').filter((l) => l.startsWith('~'))).toHaveLength(25);
    expect(text).toMatch(/… and 5 more: --all prints every item, --output plan\.txt saves the whole plan$/);
    expect(
      renderPlan(report(many), plain, { all: true })
        .split('\n')
        .filter((l) => l.startsWith('~')),
    ).toHaveLength(30);
  });

  it('a real run names what it did', () => {
    const done = { ...priceDrift, status: 'done' as const };
    expect(renderPlan(report([done], { dryRun: false }), plain, { all: false })).toMatch(
      /^Changes .*\n~ updated STD-ELB-1042/,
    );
  });
});

describe('the orders plan in words', () => {
  it('per order: the Sentos customer, lines, total, status and payment, not raw JSON', () => {
    const orders = {
      ...report([]),
      command: 'orders',
      items: [
        {
          key: '#1042',
          title: 'Ayşe Yılmaz',
          action: 'create',
          status: 'planned',
          changes: [
            {
              order_id: '5001',
              order_code: '1042',
              status: 2,
              currency: 'TRY',
              payment_method: 'KREDIKARTI/BANKAKARTI',
              shipping_total: 49.9,
              customer: { name: 'Ayşe Yılmaz' },
              lines: [
                { sku: 'STD-ELB-1042-SYH-S', quantity: 2, price: 1199.9 },
                { sku: 'KZY-CNT-1000', quantity: 1, price: 349.5 },
              ],
            },
          ],
        },
        { key: '#1040', action: 'update', status: 'planned', changes: [{ sentosId: 77, status: 6 }] },
      ] as ReportItem[],
    };
    expect(renderPlan(orders, plain, { all: false })).toMatchInlineSnapshot(`
      "Plan (2 items, riskiest first):
      ~ would update #1040
          Sentos order 77 → status 6 İptal/İade
      + would create #1042 Ayşe Yılmaz
          customer Ayşe Yılmaz · status 2 Onaylandı · payment KREDIKARTI/BANKAKARTI
          lines: STD-ELB-1042-SYH-S × 2 @ 1199.90 TRY; KZY-CNT-1000 × 1 @ 349.50 TRY
          total 2799.20 TRY (shipping 49.90)"
    `);
  });
});

describe('an order that needs attention', () => {
  const attention: ReportItem = {
    key: '#1043',
    title: 'Mehmet Kaya',
    action: 'needs-attention',
    status: 'skipped',
    reasons: [
      'Sentos order 88 differs from Shopify where the API cannot update it; change it in the Sentos panel ' +
        '(it is reported on every run until it matches):',
      'line KZY-CNT-1000 × 1 is in Shopify but not in Sentos (added after the push)',
      'line STD-KMR-0007: quantity Sentos 3 → Shopify 2',
    ],
    changes: [],
  };
  const orders = (dryRun: boolean) => ({ ...report([attention], { dryRun }), command: 'orders' });

  const intro =
    'Sentos order 88 differs from Shopify where the API cannot update it; change it in the Sentos panel ' +
    '(it is reported on every run until it matches):';

  it('the plan shows it among the riskiest, one difference a line', () => {
    expect(renderPlan(orders(true), plain, { all: false }).split('\n')).toEqual([
      'Plan (1 item, riskiest first):',
      '⚠ needs attention #1043 Mehmet Kaya',
      `    ! ${intro}`,
      '    ! line KZY-CNT-1000 × 1 is in Shopify but not in Sentos (added after the push)',
      '    ! line STD-KMR-0007: quantity Sentos 3 → Shopify 2',
    ]);
  });

  it('the summary counts it apart and lists it, and the exit code stays 0', () => {
    const done = orders(false);
    expect(done.exitCode).toBe(0);
    const text = renderSummary(done, 'Orders', plain).split('\n');
    expect(text).toContain('  Attention         1');
    expect(text).toContain(
      `  ⚠ #1043 Mehmet Kaya: ${intro} line KZY-CNT-1000 × 1 is in Shopify but not in Sentos (added after the ` +
        'push); line STD-KMR-0007: quantity Sentos 3 → Shopify 2',
    );
  });
});

describe('the summary', () => {
  it('a dry run says "would"', () => {
    expect(renderSummary(report([created, priceDrift, same, conflict]), 'Products', plain)).toMatchInlineSnapshot(`
      "Products (dry run: nothing was written)
        Would create      1
        Would update      1
        Unchanged         1
        Skipped           0
        Conflicts         1
        Failed            0
        Total             4

      Needs attention:
        ! DUP-1: duplicate SKU DUP-1-S on Shopify products 11 and 12

      Requests: Sentos 0 reads, 0 writes · Shopify 0 reads, 0 writes, cost 0 · 1.5s"
    `);
  });

  it('an interrupted run counts unreached items as not reached, never skipped', () => {
    const reached = { ...created, status: 'done' as const, unfinished: 'not-published' as const };
    const unreached = { ...priceDrift, status: 'planned' as const };
    const text = renderSummary(report([reached, unreached], { dryRun: false, interrupted: true }), 'Products', plain);
    expect(text).toMatchInlineSnapshot(`
      "Products (interrupted)
        Created           1  (1 written, not yet published)
        Updated           0
        Unchanged         0
        Skipped           0
        Conflicts         0
        Failed            0
        Not reached       1
        Total             2

      Requests: Sentos 0 reads, 0 writes · Shopify 0 reads, 0 writes, cost 0 · 1.5s"
    `);
  });
});

describe('error renderings', () => {
  function rendered(error: unknown): string {
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    renderError(error, new Output({ json: false, quiet: false, verbose: false, color: false, stderr }));
    return Buffer.concat(chunks).toString('utf8');
  }

  it('a configuration error with its hint', () => {
    expect(
      rendered(
        new ConfigError('The shop has 3 locations and products.warehouseMap is empty.', {
          hint: 'sentos-sync config set products.warehouseMap "MERKEZ=Merkez Depo"',
        }),
      ),
    ).toMatchInlineSnapshot(`
      "✖ The shop has 3 locations and products.warehouseMap is empty.
        → sentos-sync config set products.warehouseMap "MERKEZ=Merkez Depo"
      "
    `);
  });

  it('an unexpected error is called a bug, with what to do', () => {
    expect(rendered(new TypeError('x is undefined'))).toMatchInlineSnapshot(`
      "✖ Unexpected error: x is undefined
        → This is a bug in sentos-sync. Please report it with the command you ran (no secrets).
      "
    `);
  });
});

describe('describeOrderChange: fulfilments from Sentos', () => {
  it('names the tracking, the location and whether the customer hears of it', () => {
    expect(
      describeOrderChange({
        fulfilledInShopify: {
          company: 'Yurtiçi Kargo',
          number: '700123',
          location: 'Merkez Depo',
          notifyCustomer: true,
        },
      }),
    ).toEqual(['fulfilled in Shopify: tracking Yurtiçi Kargo 700123 (Merkez Depo), customer notified']);
    expect(describeOrderChange({ fulfilledInShopify: { notifyCustomer: false } })).toEqual([
      'fulfilled in Shopify: tracking (no tracking), customer not notified',
    ]);
  });
});
