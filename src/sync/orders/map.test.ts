import { describe, expect, it } from 'vitest';
import { aBeltLine, aLineItem, anAddress, aShopifyOrder, both, kdv } from '../../../test/builders/shopify-order.js';
import { mapShopifyOrder } from './map.js';
import { map, mapOk } from './map-test-kit.js';
import { orderSettings } from './settings.js';

describe('mapShopifyOrder: the reference order (docs/sentos-api.md#order-writes-and-duplicates)', () => {
  it('maps every field', () => {
    const result = mapOk(aShopifyOrder());
    expect(result.payload).toEqual({
      order_id: '6123456789012',
      order_code: '1042',
      status: 2,
      channel_id: 3,
      order_date: '2026-11-27 14:05:11',
      currency: 'TL',
      payment_method: 'KREDIKARTI/BANKAKARTI',
      shipping_total: 49.9,
      note: 'Shopify #1042',
      customer: { name: 'Ayşe Yılmaz', phone: '905321112233', mail_address: 'ayse.yilmaz@example.com' },
      invoice_address: {
        name: 'Ayşe Yılmaz',
        phone: '905321112233',
        address: 'Caferağa Mah. Moda Cad. No:12 D:3',
        country: 'Türkiye',
        city: 'İstanbul',
        district: 'Kadıköy',
        zipCode: '34710',
      },
      shipment_address: {
        name: 'Ayşe Yılmaz',
        phone: '905321112233',
        address: 'Caferağa Mah. Moda Cad. No:12 D:3',
        country: 'Türkiye',
        city: 'İstanbul',
        district: 'Kadıköy',
        zipCode: '34710',
      },
      lines: [
        {
          warehouse_id: 1,
          product_id: 1842,
          sku: 'STD-ELB-1042-SYH-S',
          name: 'Kruvaze Yaka Midi Elbise - Siyah / S',
          quantity: 1,
          price: 1299.9,
          vat_rate: 10,
        },
        { warehouse_id: 1, sku: 'STD-KMR-0007', name: 'Deri Kemer', quantity: 2, price: 249.9, vat_rate: 20 },
      ],
    });
    expect(result.warnings).toEqual([]);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it(
    'leaves channel_id, warehouse_id and product_id out when unknown, and does not check SKUs without ' + 'an index',
    () => {
      const result = mapShopifyOrder(aShopifyOrder({ lineItems: [aLineItem({ sku: 'NOT-IN-SENTOS' })] }), {
        settings: orderSettings(),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.payload).not.toHaveProperty('channel_id');
      expect(result.payload.lines).toEqual([
        {
          sku: 'NOT-IN-SENTOS',
          name: 'Kruvaze Yaka Midi Elbise - Siyah / S',
          quantity: 1,
          price: 1299.9,
          vat_rate: 10,
        },
      ]);
    },
  );
});

describe('mapShopifyOrder: Turkish text survives byte-exact', () => {
  const order = aShopifyOrder({
    customer: { firstName: 'İsmail', lastName: 'Çağlayan Şıkgöz', email: 'ismail@örnek.com.tr' },
    shippingAddress: anAddress({
      firstName: 'Gülşen',
      lastName: 'Öztürk',
      address1: 'Işıklar Cad. Ünlü Sok. No:5',
      address2: '',
      city: 'Çankaya',
      province: 'Ankara',
      zip: '06690',
      phone: '0(312) 444 55 66',
    }),
    lineItems: [aLineItem({ sku: '  ÇİĞ-İPEK-ŞAL-ı  ', title: 'İpek Şal', variantTitle: 'Güz Yeşili / Ölçü: Büyük' })],
    note: 'Kapıcıya bırakın; zili çalmayın',
  });
  // No SKU index: this table is about text, not SKU checks.
  const unchecked = mapShopifyOrder(order, { settings: orderSettings() });
  if (!unchecked.ok) throw new Error(unchecked.reasons.join('; '));
  const result = unchecked;

  it.each([
    ['customer name', () => result.payload.customer.name, 'İsmail Çağlayan Şıkgöz'],
    ['customer mail', () => result.payload.customer.mail_address, 'ismail@örnek.com.tr'],
    ['shipment name', () => result.payload.shipment_address?.name, 'Gülşen Öztürk'],
    [
      'shipment address (empty address2 dropped)',
      () => result.payload.shipment_address?.address,
      'Işıklar Cad. Ünlü Sok. No:5',
    ],
    ['il from province', () => result.payload.shipment_address?.city, 'Ankara'],
    ['ilçe from city', () => result.payload.shipment_address?.district, 'Çankaya'],
    ['shipment phone', () => result.payload.shipment_address?.phone, '903124445566'],
    ['SKU trimmed, case kept', () => result.payload.lines[0]?.sku, 'ÇİĞ-İPEK-ŞAL-ı'],
    ['line name', () => result.payload.lines[0]?.name, 'İpek Şal - Güz Yeşili / Ölçü: Büyük'],
    ['note', () => result.payload.note, 'Kapıcıya bırakın; zili çalmayın | Shopify #1042'],
  ])('%s', (_label, read, expected) => {
    expect(read()).toBe(expected);
    expect(Buffer.from(String(read()), 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });
});

describe('mapShopifyOrder: money, tax and shipping', () => {
  it('sends the unit price after line discounts and keeps each line its own VAT rate', () => {
    const order = aShopifyOrder({
      lineItems: [
        aLineItem({
          originalUnitPrice: 129990,
          discountedUnitPrice: 103992,
          taxLines: [kdv(10, 9454)],
        }),
        aBeltLine({ quantity: 3, currentQuantity: 3, originalUnitPrice: 24990, discountedUnitPrice: 19990 }),
      ],
      shippingTotal: 0,
    });
    const { payload } = mapOk(order);
    expect(payload.lines.map(({ price, vat_rate, quantity }) => ({ price, vat_rate, quantity }))).toEqual([
      { price: 1039.92, vat_rate: 10, quantity: 1 },
      { price: 199.9, vat_rate: 20, quantity: 3 },
    ]);
    expect(payload.shipping_total).toBe(0);
  });

  it.each([
    ['two taxes summed and rounded', [kdv(18, 0), { ...kdv(1.6, 0), title: 'ÖTV' }], 20],
    ['a fractional rate rounded', [kdv(9.999, 0)], 10],
    ['zero-rated', [kdv(0, 0)], 0],
  ])('vat_rate: %s', (_label, taxLines, expected) => {
    expect(mapOk(aShopifyOrder({ lineItems: [aLineItem({ taxLines })] })).payload.lines[0]?.vat_rate).toBe(expected);
  });

  it('uses the default VAT for a line without tax lines, with one warning', () => {
    const result = mapOk(aShopifyOrder({ lineItems: [aLineItem({ taxLines: [] }), aBeltLine({ taxLines: [] })] }), {
      defaultVatRate: 18,
    });
    expect(result.payload.lines.map((line) => line.vat_rate)).toEqual([18, 18]);
    expect(result.warnings).toEqual([expect.stringMatching(/^#1042: 2 line\(s\) have no tax lines.*18 %/)]);
  });

  it('sends shipping_total; an order whose total the lines and shipping do not reach fails with the difference', () => {
    expect(mapOk(aShopifyOrder({ shippingTotal: 2990 })).payload.shipping_total).toBe(29.9);
    const result = map(aShopifyOrder({ shippingTotal: 2990, money: { currentTotal: both(160000) } }));
    expect(result).toEqual({
      ok: false,
      reasons: [
        expect.stringMatching(
          /^#1042: lines and shipping come to 1829\.60.*Shopify's total is 1600\.00 TL, a difference of \+229\.60/,
        ),
      ],
    });
  });
});

describe('mapShopifyOrder: lines that cannot be sent', () => {
  it('fails an order with a line without SKU, naming the order and the line', () => {
    const order = aShopifyOrder({
      lineItems: [
        aLineItem(),
        aBeltLine({ sku: '  ' }),
        aLineItem({ sku: undefined, title: 'Hediye Paketi', variantTitle: undefined }),
      ],
    });
    expect(map(order)).toEqual({
      ok: false,
      reasons: [
        expect.stringMatching(/^#1042: line 2 "Deri Kemer" has no SKU: give the Shopify variant the SKU/),
        expect.stringMatching(/^#1042: line 3 "Hediye Paketi" has no SKU/),
      ],
    });
  });

  it('fails an unknown SKU under the default policy', () => {
    const order = aShopifyOrder({ lineItems: [aLineItem(), aBeltLine({ sku: 'STD-KMR-0008' })] });
    expect(map(order)).toEqual({
      ok: false,
      reasons: [
        expect.stringMatching(
          /^#1042: line 2 "Deri Kemer" has SKU "STD-KMR-0008", which Sentos does not know: create it in Sentos/,
        ),
      ],
    });
  });

  it('skips an unknown SKU line with a warning under skip-line', () => {
    const result = mapOk(aShopifyOrder({ lineItems: [aLineItem(), aBeltLine({ sku: 'STD-KMR-0008' })] }), {
      unknownSkuPolicy: 'skip-line',
    });
    expect(result.payload.lines.map((line) => line.sku)).toEqual(['STD-ELB-1042-SYH-S']);
    expect(result.warnings).toContainEqual(expect.stringMatching(/^#1042: line 2 .*line left out/));
  });

  it('fails under skip-line when every line is unknown', () => {
    const result = map(aShopifyOrder({ lineItems: [aBeltLine({ sku: 'NOPE' })] }), { unknownSkuPolicy: 'skip-line' });
    expect(result).toEqual({ ok: false, reasons: [expect.stringContaining('#1042: every line was left out')] });
  });

  it('matches SKUs byte-exact: a lower-cased SKU is unknown', () => {
    expect(map(aShopifyOrder({ lineItems: [aLineItem({ sku: 'std-elb-1042-syh-s' })] })).ok).toBe(false);
  });
});

describe('mapShopifyOrder: order code and customer fallbacks', () => {
  it.each([
    ['name-without-hash', '#1042', '1042'],
    ['name-without-hash', 'TR-1042', 'TR-1042'],
    ['number', '#TR1042-A', '1042'],
    ['legacy-id', '#1042', '6123456789012'],
  ] as const)('%s: %s → %s', (orderCodeFrom, name, expected) => {
    expect(mapOk(aShopifyOrder({ name }), { orderCodeFrom }).payload.order_code).toBe(expected);
  });

  it('uses the billing name when the order has no customer, and createdAt without processedAt', () => {
    const { payload } = mapOk(
      aShopifyOrder({
        customer: undefined,
        phone: undefined,
        processedAt: '',
        createdAt: '2026-11-27T21:30:00Z',
        billingAddress: anAddress({
          firstName: undefined,
          lastName: undefined,
          name: 'Mehmet Demir',
          phone: '0532 999 88 77',
        }),
      }),
    );
    expect(payload.customer).toEqual({
      name: 'Mehmet Demir',
      phone: '905329998877',
      mail_address: 'ayse.yilmaz@example.com',
    });
    expect(payload.order_date).toBe('2026-11-28 00:30:00');
  });

  it('stands in the e-mail for a redacted name, with a warning', () => {
    const result = mapOk(aShopifyOrder({ customer: undefined, billingAddress: undefined, shippingAddress: undefined }));
    expect(result.payload.customer.name).toBe('ayse.yilmaz@example.com');
    expect(result.payload).not.toHaveProperty('invoice_address');
    expect(result.warnings).toEqual([expect.stringContaining('#1042: no customer name')]);
  });
});
