/**
 * Builders of Sentos domain objects with overrides (docs/house-style.md#11-pure-core-table-tested). Prices go through
 * the real parser.
 */
import { parseTurkishMoney, type MoneyResult } from '../../src/core/money.js';
import type { SentosProduct, SentosStock, SentosVariant, SentosWarehouse } from '../../src/sentos/types.js';

/** A Sentos price as the client hands it over: parsed from the Turkish wire form ("1.299,90", 249.9). */
export function tl(raw: unknown): MoneyResult {
  return parseTurkishMoney(raw);
}

export function aStock(warehouseId: string, quantity: number): SentosStock {
  return { warehouseId, quantity };
}

export function aSentosWarehouse(overrides: Partial<SentosWarehouse> = {}): SentosWarehouse {
  return { id: '1', name: 'MERKEZ', ...overrides };
}

export function aSentosVariant(overrides: Partial<SentosVariant> = {}): SentosVariant {
  return {
    sku: 'STD-1-SYH-S',
    barcode: '8690000000011',
    color: 'Siyah',
    model: { name: 'Beden', value: 'S' },
    stocks: [aStock('1', 3)],
    images: [],
    ...overrides,
  };
}

/** A simple product (no variants) unless `variants` is given. */
export function aSentosProduct(overrides: Partial<SentosProduct> = {}): SentosProduct {
  return {
    id: '1',
    sku: 'STD-1',
    name: 'Kruvaze Yaka Midi Elbise',
    brand: 'Stil Demo',
    barcode: '8690000000004',
    description: 'Kruvaze yaka, midi boy elbise.',
    descriptionDetail: '<p>%100 viskon.</p>',
    categoryId: '37',
    currency: 'TL',
    vatRate: 10,
    salePrice: tl('1.299,90'),
    purchasePrice: tl('412,50'),
    prices: {},
    stocks: [aStock('1', 5)],
    images: [],
    variants: [],
    ...overrides,
  };
}

/**
 * A variant product: `sizes` × `colors`, SKUs `${sku}-${colour index}-${size}` in Sentos order (colour-major),
 * each with `stock` units in warehouse 1.
 */
export function aVariantProduct(
  overrides: Partial<SentosProduct> = {},
  opts: { colors?: string[]; sizes?: string[]; stock?: number } = {},
): SentosProduct {
  const base = aSentosProduct({ barcode: '', ...overrides });
  const colors = opts.colors ?? ['Siyah', 'Kırmızı'];
  const sizes = opts.sizes ?? ['S', 'M', 'L'];
  const variants =
    overrides.variants ??
    colors.flatMap((color, c) =>
      sizes.map((size, s) =>
        aSentosVariant({
          sku: `${base.sku}-${c}-${size}`,
          barcode: `869${base.id.padStart(6, '0')}${c}${s}`,
          color,
          model: { name: 'Beden', value: size },
          stocks: [aStock('1', opts.stock ?? 3)],
        }),
      ),
    );
  return { ...base, variants };
}
