/**
 * PUT /products/{id}: prices and ABSOLUTE stock per warehouse, product-level and per variant (sentos-api.md
 * docs/sentos-api.md#product-writes [V: SAL UpdateProductInput; MSO sends absolutes]). Validated as a whole before
 * anything changes, so a rejected update leaves the product untouched. Money on write is a JSON number
 * (docs/sentos-api.md#product-shape-and-quirks quirk 1 [I]).
 */
import type { SentosSimQuirks } from './options.js';
import type { SentosState } from './state.js';
import type { WireChannelPrice, WireProduct, WireStock, WireVariant } from './wire-types.js';

export type FieldErrors = Record<string, string[]>;
type Add = (field: string, text: string) => void;
type Body = Record<string, unknown>;

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkMoney(value: unknown, field: string, add: Add): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    add(field, `${field} sayı olmalı: ${JSON.stringify(value)}`);
}

function checkPrices(value: unknown, keys: ReadonlySet<string>, add: Add): void {
  if (value === undefined) return;
  if (!isRecord(value)) return add('prices', 'prices bir nesne olmalı');
  for (const [key, price] of Object.entries(value)) {
    if (!keys.has(key)) add('prices', `Bilinmeyen fiyat listesi: ${key}`);
    else if (!isRecord(price)) add('prices', `prices.${key} bir nesne olmalı`);
    else for (const field of ['list_price', 'sale_price']) checkMoney(price[field], `prices.${key}.${field}`, add);
  }
}

function checkStocks(value: unknown, field: string, state: SentosState, add: Add): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return add(field, `${field} bir dizi olmalı`);
  const seen = new Set<unknown>();
  for (const entry of value) {
    const warehouse = isRecord(entry) ? entry['warehouse'] : undefined;
    const stock = isRecord(entry) ? entry['stock'] : undefined;
    if (!state.warehouses.some((w) => w.id === warehouse)) add(field, `Depo bulunamadı: ${JSON.stringify(warehouse)}`);
    else if (seen.has(warehouse)) add(field, `Depo birden fazla kez gönderildi: ${String(warehouse)}`);
    if (typeof stock !== 'number' || !Number.isInteger(stock) || stock < 0)
      add(field, `Stok geçersiz: ${JSON.stringify(stock)}`);
    seen.add(warehouse);
  }
}

function checkVariants(value: unknown, product: WireProduct, state: SentosState, add: Add): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return add('variants', 'variants bir dizi olmalı');
  const seen = new Set<string>();
  for (const entry of value) {
    const sku = isRecord(entry) ? entry['sku'] : undefined;
    if (typeof sku !== 'string' || !product.variants.some((v) => v.sku === sku)) {
      add('variants', `${JSON.stringify(sku)} stok kodu bu ürünün varyantı değil`);
      continue;
    }
    if (seen.has(sku)) add('variants', `${sku} stok kodu birden fazla kez gönderildi`);
    seen.add(sku);
    const body = entry as Body;
    checkStocks(body['stocks'], `variants.${sku}.stocks`, state, add);
    for (const field of ['sale_price', 'purchase_price']) checkMoney(body[field], `variants.${sku}.${field}`, add);
  }
}

function setStocks(target: WireStock[], given: unknown): void {
  for (const entry of (given as WireStock[] | undefined) ?? []) {
    const existing = target.find((s) => s.warehouse === entry.warehouse);
    if (existing) existing.stock = entry.stock;
    else target.push({ warehouse: entry.warehouse, stock: entry.stock });
  }
}

function setPrices(product: WireProduct, given: unknown): void {
  for (const [key, price] of Object.entries((given as Record<string, Partial<WireChannelPrice>> | undefined) ?? {})) {
    const old = product.prices[key];
    const sale = price.sale_price ?? old?.sale_price ?? price.list_price;
    const list = price.list_price ?? old?.list_price ?? price.sale_price;
    if (sale !== undefined && list !== undefined) product.prices[key] = { list_price: list, sale_price: sale };
  }
}

function setMoney(target: WireProduct | WireVariant, body: Body): void {
  if (typeof body['sale_price'] === 'number') target.sale_price = body['sale_price'];
  if (typeof body['purchase_price'] === 'number') target.purchase_price = body['purchase_price'];
}

/** Returns the validation errors, or undefined after applying the update. */
export function applyProductUpdate(
  product: WireProduct,
  body: unknown,
  state: SentosState,
  quirks: SentosSimQuirks,
): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const add: Add = (field, text) => void (errors[field] ??= []).push(text);
  if (!isRecord(body)) add('body', 'Gövde bir JSON nesnesi olmalı');
  else {
    for (const field of ['sale_price', 'purchase_price']) checkMoney(body[field], field, add);
    checkPrices(body['prices'], state.priceKeys, add);
    checkStocks(body['stocks'], 'stocks', state, add);
    checkVariants(body['variants'], product, state, add);
  }
  if (Object.keys(errors).length > 0 || !isRecord(body)) return errors;
  setMoney(product, body);
  setPrices(product, body['prices']);
  setStocks(product.stocks, body['stocks']);
  const variants = body['variants'] as Body[] | undefined;
  for (const entry of variants ?? []) {
    const variant = product.variants.find((v) => v.sku === entry['sku']) as WireVariant;
    setStocks(variant.stocks, entry['stocks']);
    setMoney(variant, entry);
  }
  // docs/sentos-api.md#open-questions: whether omitted variants are deleted is unknown; the strict default deletes
  // them.
  if (variants && quirks.omittedVariantsOnPut === 'delete') {
    const listed = new Set(variants.map((v) => v['sku']));
    product.variants = product.variants.filter((v) => listed.has(v.sku));
  }
  return undefined;
}
