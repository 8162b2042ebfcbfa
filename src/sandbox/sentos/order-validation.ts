/**
 * POST /orders validation, as strict as a real server could plausibly be (helper brief: strictest reading where the
 * reference only infers). Field list: docs/sentos-api.md#order-writes-and-duplicates [V: SFB, SCX]; the payment_method
 * enum and its 422: docs/sentos-api.md#order-writes-and-duplicates [V: SFB comment]; statuses:
 * docs/sentos-api.md#order-shape-and-status-codes.
 */
import { normaliseSentosDate } from './istanbul-time.js';
import type { SentosState } from './state.js';

export const ORDER_STATUSES: readonly number[] = [1, 2, 3, 4, 5, 6, 99];
export const PAYMENT_METHODS: readonly string[] = [
  'KREDIKARTI/BANKAKARTI',
  'EFT/HAVALE',
  'NAKIT',
  'KAPIDAODEME/NAKIT',
  'KAPIDAODEME/KREDIKARTI',
];
/**
 * Both writers send "TL" (docs/sentos-api.md#order-writes-and-duplicates); "TRY" (an ISO code a Shopify client might
 * copy) is not assumed to pass.
 */
export const CURRENCIES: readonly string[] = ['TL', 'USD', 'EUR', 'GBP'];

export type Body = Record<string, unknown>;
export type Validation = { ok: true } | { ok: false; field: string; message: string };

const OK: Validation = { ok: true };

function fail(field: string, message: string): Validation {
  return { ok: false, field, message };
}

export function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * A JSON number, or a plain dot-decimal string; Turkish strings are not accepted on write
 * (docs/sentos-api.md#product-shape-and-quirks quirk 1).
 */
export function isPrice(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim());
}

function first(checks: Array<() => Validation>): Validation {
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return OK;
}

function checkHeader(body: Body, state: SentosState): Validation {
  const { status, payment_method: payment, currency, channel_id: channel } = body;
  return first([
    () => (isId(body['order_id']) ? OK : fail('order_id', 'order_id zorunludur')),
    () => (isId(body['order_code']) ? OK : fail('order_code', 'order_code zorunludur')),
    () =>
      typeof status === 'number' && ORDER_STATUSES.includes(status)
        ? OK
        : fail('status', `Geçersiz sipariş durumu: ${JSON.stringify(status)}`),
    () =>
      typeof body['order_date'] === 'string' && normaliseSentosDate(body['order_date'], { allowDateOnly: false })
        ? OK
        : fail(
            'order_date',
            `order_date "YYYY-MM-DD HH:mm:ss" biçiminde olmalı: ${JSON.stringify(body['order_date'])}`,
          ),
    () =>
      typeof currency === 'string' && CURRENCIES.includes(currency)
        ? OK
        : fail('currency', `Geçersiz para birimi: ${JSON.stringify(currency)}`),
    () =>
      typeof payment === 'string' && PAYMENT_METHODS.includes(payment)
        ? OK
        : fail(
            'payment_method',
            `Geçersiz ödeme yöntemi: ${JSON.stringify(payment)}. Geçerli değerler: ${PAYMENT_METHODS.join(', ')}`,
          ),
    () =>
      channel === undefined || state.salesChannels.some((c) => c.id === channel)
        ? OK
        : fail('channel_id', `Satış kanalı bulunamadı: ${JSON.stringify(channel)}`),
    () =>
      body['shipping_total'] === undefined || isPrice(body['shipping_total'])
        ? OK
        : fail('shipping_total', 'shipping_total sayı olmalı'),
  ]);
}

function checkCustomer(body: Body): Validation {
  const customer = body['customer'];
  if (!isRecord(customer) || typeof customer['name'] !== 'string' || customer['name'].trim() === '') {
    return fail('customer.name', 'customer.name zorunludur');
  }
  for (const field of ['invoice_address', 'shipment_address']) {
    if (body[field] !== undefined && !isRecord(body[field])) return fail(field, `${field} bir nesne olmalı`);
  }
  return OK;
}

function checkLine(line: unknown, at: number, state: SentosState): Validation {
  const field = `lines.${at}`;
  if (!isRecord(line)) return fail(field, `${field} bir nesne olmalı`);
  const { sku, quantity, price, warehouse_id: warehouse } = line;
  return first([
    () => (typeof sku === 'string' && sku.trim() !== '' ? OK : fail(`${field}.sku`, `${field}.sku zorunludur`)),
    () => (state.findSellable(sku as string) ? OK : fail(`${field}.sku`, `Stok kodu bulunamadı: ${String(sku)}`)),
    () =>
      isPositiveInt(quantity)
        ? OK
        : fail(`${field}.quantity`, `${field}.quantity pozitif bir tam sayı olmalı: ${JSON.stringify(quantity)}`),
    () => (isPrice(price) ? OK : fail(`${field}.price`, `${field}.price sayı olmalı: ${JSON.stringify(price)}`)),
    () =>
      warehouse === undefined || state.warehouses.some((w) => w.id === warehouse)
        ? OK
        : fail(`${field}.warehouse_id`, `Depo bulunamadı: ${JSON.stringify(warehouse)}`),
    () =>
      line['vat_rate'] === undefined || Number.isInteger(line['vat_rate'])
        ? OK
        : fail(`${field}.vat_rate`, 'vat_rate tam sayı olmalı'),
  ]);
}

export function validateOrder(body: unknown, state: SentosState): Validation {
  if (!isRecord(body)) return fail('body', 'Gövde bir JSON nesnesi olmalı');
  const lines = body['lines'];
  return first([
    () => checkHeader(body, state),
    () => checkCustomer(body),
    () => (Array.isArray(lines) && lines.length > 0 ? OK : fail('lines', 'lines en az bir satır içermeli')),
    () => first((lines as unknown[]).map((line, at) => () => checkLine(line, at, state))),
  ]);
}
