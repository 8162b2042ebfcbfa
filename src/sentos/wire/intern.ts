/**
 * One copy of what repeats across a Sentos catalog read (docs/architecture.md#memory). Each parsed variant had its own
 * `{ warehouseId, quantity }` per warehouse, its own stock list, model, money objects and image URL strings: at 10,000
 * products (80,000 variants) most of the catalog's objects, though only a few hundred of them differ. Here equal values
 * are one value: a string once, a stock row once per warehouse and quantity, a stock list once per combination, a
 * price once per amount, a model once per attribute and value. Shared objects are frozen (and typed readonly), so a
 * caller that tried to change one for a single variant fails loudly instead of changing every variant that holds it.
 */
import type { MoneyResult } from '../../core/money.js';
import type { SentosChannelPrice, SentosModel, SentosStock } from '../types.js';

const EMPTY: readonly never[] = Object.freeze([]);

export class SentosInterner {
  readonly #strings = new Map<string, string>();
  readonly #stocks = new Map<string, Map<number, SentosStock>>();
  /** A short name per stock row, for the keys of stock lists. */
  readonly #stockIds = new Map<SentosStock, string>();
  readonly #stockLists = new Map<string, readonly SentosStock[]>();
  readonly #money = new Map<number, MoneyResult>();
  readonly #models = new Map<string, SentosModel>();
  readonly #channelPrices = new Map<string, SentosChannelPrice>();

  string(value: string): string;
  string(value: string | undefined): string | undefined;
  string(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    this.#strings.set(value, value);
    return value;
  }

  stock(warehouseId: string, quantity: number): SentosStock {
    let byQuantity = this.#stocks.get(warehouseId);
    if (!byQuantity) this.#stocks.set(warehouseId, (byQuantity = new Map<number, SentosStock>()));
    let stock = byQuantity.get(quantity);
    if (!stock) {
      stock = Object.freeze({ warehouseId: this.string(warehouseId), quantity });
      byQuantity.set(quantity, stock);
      this.#stockIds.set(stock, String(this.#stockIds.size));
    }
    return stock;
  }

  /** A list of stock rows in order: one frozen list per combination of warehouses and quantities. */
  stocks(stocks: readonly SentosStock[]): readonly SentosStock[] {
    if (stocks.length === 0) return EMPTY;
    const shared = stocks.map((s) => this.stock(s.warehouseId, s.quantity));
    // Array.join makes one flat string; `+=` would keep a tree of pieces for every key in the map.
    const key = shared.map((s) => this.#stockIds.get(s)).join(',');
    const known = this.#stockLists.get(key);
    if (known) return known;
    const list = Object.freeze(shared);
    this.#stockLists.set(key, list);
    return list;
  }

  /** A readable price is one frozen object per amount; an unreadable one keeps its own text and reason. */
  money(value: MoneyResult | undefined): MoneyResult | undefined {
    if (value === undefined || !value.ok) return value;
    let known = this.#money.get(value.minor);
    if (!known) this.#money.set(value.minor, (known = Object.freeze({ ok: true, minor: value.minor })));
    return known;
  }

  model(model: SentosModel | undefined): SentosModel | undefined {
    if (model === undefined) return undefined;
    const key = [model.name, model.value].join('\u0000');
    let known = this.#models.get(key);
    if (!known) {
      known = Object.freeze({ name: this.string(model.name), value: this.string(model.value) });
      this.#models.set(key, known);
    }
    return known;
  }

  /** A channel's prices: one frozen object per pair of readable amounts (an unreadable one stays its own). */
  channelPrice(list: MoneyResult | undefined, sale: MoneyResult | undefined): SentosChannelPrice {
    const entry: SentosChannelPrice = {};
    if (list !== undefined) entry.list = this.money(list);
    if (sale !== undefined) entry.sale = this.money(sale);
    if ((list && !list.ok) || (sale && !sale.ok)) return entry;
    const key = [list?.ok ? list.minor : '', sale?.ok ? sale.minor : ''].join(',');
    let known = this.#channelPrices.get(key);
    if (!known) this.#channelPrices.set(key, (known = Object.freeze(entry)));
    return known;
  }

  /** Image URLs: each URL string once; an empty list is one shared list. */
  images(urls: readonly string[]): readonly string[] {
    return urls.length === 0 ? EMPTY : Object.freeze(urls.map((url) => this.string(url)));
  }
}
