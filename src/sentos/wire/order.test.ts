import { describe, expect, it } from 'vitest';
import { createdOrderOf, parseSentosOrder, writeErrors } from './order.js';

// docs/sentos-api.md#order-shape-and-status-codes, docs/sentos-api.md#order-lists-and-filters
describe('parseSentosOrder', () => {
  it('maps the MSO docs-sample quirks: numeric ids, sku null, tracking_info', () => {
    const result = parseSentosOrder({
      id: 88190,
      order_id: 181849999,
      order_code: 203129724888,
      status: 5,
      cargo_number: 968001002817777,
      tracking_info: { cargo_company: 'Sentos Kargo', tracking_number: 'TR1234567', tracking_link: '' },
      lines: [{ id: 0, orderlineid: 27541, sku: null, quantity: 1, price: '29.9' }],
    });
    expect(result).toEqual({
      ok: true,
      order: {
        id: '88190',
        orderId: '181849999',
        orderCode: '203129724888',
        status: 5,
        trackingNumber: 'TR1234567',
        cargoCompany: 'Sentos Kargo',
        lines: [{ quantity: 1, price: 2990 }],
      },
    });
  });

  it('reads what the edit check compares: prices in both formats, vat_rate, shipping_total, shipment address', () => {
    const result = parseSentosOrder({
      id: 1,
      status: 2,
      shipping_total: '49,90',
      shipment_address: { name: 'Ayşe', address: 'Moda Cad. 1', city: 'İstanbul', district: 'Kadıköy', zipCode: 34710 },
      lines: [
        { sku: 'A', quantity: 2, price: '1.299,90', vat_rate: '20' },
        { sku: 'B', quantity: 1, price: 'bilinmiyor' },
      ],
    });
    expect(result.ok && result.order).toMatchObject({
      shippingTotal: 4990,
      shipmentAddress: { address: 'Moda Cad. 1', city: 'İstanbul', district: 'Kadıköy', zipCode: '34710' },
      lines: [
        { sku: 'A', quantity: 2, price: 129990, vatRate: 20 },
        { sku: 'B', quantity: 1 },
      ],
    });
    expect(result.ok && result.order.lines[1]).not.toHaveProperty('price');
  });

  it('an empty shipment address ([] from PHP) is no address', () => {
    const result = parseSentosOrder({ id: 1, status: 2, shipment_address: [], lines: [] });
    expect(result.ok && result.order).not.toHaveProperty('shipmentAddress');
  });

  it.each([
    ['status as a string', { id: 1, order_id: 'A', order_code: 'B', status: '2', lines: [] }, { status: 2 }],
    [
      'items instead of lines, quantity as a string',
      { id: 1, status: 2, items: [{ sku: 'X', quantity: '3' }] },
      { lines: [{ sku: 'X', quantity: 3 }], orderId: '', orderCode: '' },
    ],
    ['tracking_info as []', { id: 1, status: 2, tracking_info: [], cargo_number: 'C1' }, { trackingNumber: 'C1' }],
  ])('%s', (_label, wire, expected) => {
    const result = parseSentosOrder(wire);
    expect(result.ok && result.order).toMatchObject(expected);
  });

  it('reports an order without id or status', () => {
    expect(parseSentosOrder({ order_id: 'x' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/id.*status|status.*id/s),
    });
  });
});

describe('writeErrors (docs/sentos-api.md#errors-and-limits: `errors` is an object of lists, or [] when none)', () => {
  it.each([
    [{ errors: [], message: 'ok', product: [] }, []],
    [{ errors: null }, []],
    [{ message: 'Created' }, []],
    [
      { errors: { variants: ['STD-1 stok kodu başka bir üründe kayıtlı'] } },
      ['variants: STD-1 stok kodu başka bir üründe kayıtlı'],
    ],
    [{ errors: { prices: { n11: { list_price: { message: 'geçersiz' } } } } }, ['prices.n11.list_price: geçersiz']],
    [{ errors: ['payment_method geçersiz'] }, ['payment_method geçersiz']],
    ['not json', []],
  ])('%j → %j', (body, expected) => {
    expect(writeErrors(body)).toEqual(expected);
  });
});

describe('createdOrderOf', () => {
  it.each([
    [{ message: 'ok', order: { id: 5 } }, { id: 5 }],
    [
      { id: 6, order_code: '1042' },
      { id: 6, order_code: '1042' },
    ],
    [{ data: { id: 7 } }, { id: 7 }],
    [{ message: 'ok' }, undefined],
  ])('%j', (body, expected) => {
    expect(createdOrderOf(body)).toEqual(expected);
  });
});
