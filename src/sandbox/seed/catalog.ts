/**
 * The deterministic seed catalog: Sentos WIRE-shaped products (docs/sentos-api.md#product-shape-and-quirks) for the
 * simulator, the demo and the benchmarks. Same seed, same catalog; a larger count extends the same prefix.
 */
import { createRandom, type Random } from './random.js';
import {
  ADJECTIVES,
  BRANDS,
  BRAND_PREFIX,
  CARE_NOTES,
  COLOURS,
  MATERIALS,
  PRICE_KEYS,
  SALES_CHANNELS,
  SIMPLE_KINDS,
  SIZE_RUNS,
  VARIANT_KINDS,
  WAREHOUSES,
  categoryTree,
  type Colour,
  type ProductKind,
} from '../sentos/catalog-vocabulary.js';
import { formatMoney, minorToDot, parseWireMoney, type MoneyStyle } from '../sentos/money-format.js';
import type {
  WireCategory,
  WireChannelPrice,
  WireImage,
  WireProduct,
  WireSalesChannel,
  WireStock,
  WireVariant,
  WireWarehouse,
} from '../sentos/wire-types.js';

export type * from '../sentos/wire-types.js';

export interface SeedCatalog {
  products: WireProduct[];
  warehouses: WireWarehouse[];
  categories: WireCategory[];
  salesChannels: WireSalesChannel[];
  /** Keys used in `prices`; optional so hand-built catalogs stay short. */
  priceKeys?: string[];
}

export interface CatalogItem {
  sku: string;
  productId: number;
  name: string;
  variantTitle?: string;
  /** Dot decimal, e.g. "1299.90". */
  price: string;
  vatRate: number;
}

const IMAGE_BASE = 'https://demo.sentos.com.tr/urunres';
const STYLES: readonly MoneyStyle[] = ['tr-thousands', 'tr-thousands', 'tr-comma', 'dot', 'number'];

interface Ctx {
  random: Random;
  nextImageId: number;
  nextBarcode: number;
}

export function generateCatalog(options: { seed: number; count: number }): SeedCatalog {
  const random = createRandom(options.seed);
  const ctx: Ctx = { random, nextImageId: random.int(10, 99) * 1000, nextBarcode: random.int(1, 99_999) * 1000 };
  let nextId = random.int(1000, 1999);
  const products: WireProduct[] = [];
  for (let index = 0; index < options.count; index++) {
    nextId += random.int(1, 5);
    products.push(random.chance(0.8) ? variantProduct(ctx, nextId, index) : simpleProduct(ctx, nextId, index));
  }
  return {
    products,
    warehouses: WAREHOUSES.map((w) => ({ ...w })),
    categories: categoryTree(),
    salesChannels: SALES_CHANNELS.map((c) => ({ ...c })),
    priceKeys: [...PRICE_KEYS],
  };
}

/** Every sellable item: each variant of a variant product, or the simple product itself. */
export function catalogItems(catalog: SeedCatalog): CatalogItem[] {
  const items: CatalogItem[] = [];
  for (const product of catalog.products) {
    const { id: productId, name, vat_rate: vatRate } = product;
    const price = dotPrice(product.sale_price);
    if (product.variants.length === 0) {
      items.push({ sku: product.sku, productId, name, price, vatRate });
      continue;
    }
    for (const variant of product.variants) {
      const variantTitle = [variant.color, variant.model?.value].filter(Boolean).join(' / ');
      const own = variant.sale_price === undefined ? price : dotPrice(variant.sale_price);
      items.push({ sku: variant.sku, productId, name, variantTitle, price: own, vatRate });
    }
  }
  return items;
}

function dotPrice(value: unknown): string {
  return minorToDot(parseWireMoney(value) ?? 0);
}

function money(ctx: Ctx, minor: number) {
  return formatMoney(minor, ctx.random.pick(STYLES));
}

/** Shop-like prices: 1299.90, 449.99, 250.00 ... */
function salePriceMinor(random: Random, kind: ProductKind): number {
  const lira = random.int(kind.price[0], kind.price[1]);
  const tidy = random.chance(0.6) ? Math.floor(lira / 10) * 10 + 9 : lira;
  return tidy * 100 + random.pick([90, 99, 0, 50]);
}

function ean13(ctx: Ctx): string {
  const body = `869${String(ctx.nextBarcode++).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

function image(ctx: Ctx, file: string): WireImage {
  return { id: ctx.nextImageId++, url: `${IMAGE_BASE}/${file}.jpg` };
}

function stocks(random: Random): WireStock[] {
  return WAREHOUSES.filter((w) => w.id === 1 || random.chance(0.8)).map((w) => ({
    warehouse: w.id,
    stock: random.chance(0.25) ? 0 : random.int(1, 25),
  }));
}

function channelPrices(ctx: Ctx, saleMinor: number): Record<string, WireChannelPrice> {
  const { random } = ctx;
  if (random.chance(0.2)) return {};
  const prices: Record<string, WireChannelPrice> = {};
  for (const key of PRICE_KEYS) {
    if (key !== 'b2c' && !random.chance(0.5)) continue;
    const sale = key === 'b2c' ? saleMinor : Math.round((saleMinor * 1.1) / 100) * 100 - 10;
    const list = random.chance(0.4) ? Math.round((sale * 1.2) / 100) * 100 - 10 : sale;
    prices[key] = { list_price: money(ctx, Math.max(list, sale)), sale_price: money(ctx, sale) };
  }
  return prices;
}

function baseProduct(ctx: Ctx, id: number, index: number, kind: ProductKind) {
  const { random } = ctx;
  const brand = random.pick(BRANDS);
  const sku = `${brand ? BRAND_PREFIX[brand] : 'GNL'}-${kind.code}-${1000 + index}`;
  const name = `${random.pick(ADJECTIVES)} ${kind.name}`;
  const material = random.pick(MATERIALS);
  const saleMinor = salePriceMinor(random, kind);
  return {
    saleMinor,
    product: {
      id,
      category_id: kind.categoryId,
      sku,
      name,
      invoice_name: name,
      brand,
      barcode: '',
      description: `${name}, ${material}. Günlük kullanıma uygun, şık ve rahat.`,
      description_detail: `<p>${material}. ${name}.</p><p>${random.pick(CARE_NOTES)}</p>`,
      currency: 'TL',
      purchase_price: money(ctx, Math.round((saleMinor * random.int(35, 50)) / 100)),
      sale_price: money(ctx, saleMinor),
      vat_rate: kind.vatRate,
      volumetric_weight: random.int(1, 3),
      stocks: [] as WireStock[],
      prices: channelPrices(ctx, saleMinor),
      images: [] as WireImage[],
      variants: [] as WireVariant[],
    } satisfies WireProduct,
  };
}

function simpleProduct(ctx: Ctx, id: number, index: number): WireProduct {
  const { product } = baseProduct(ctx, id, index, ctx.random.pick(SIMPLE_KINDS));
  product.barcode = ean13(ctx);
  product.stocks = stocks(ctx.random);
  product.images = [image(ctx, product.sku)];
  return product;
}

function variantProduct(ctx: Ctx, id: number, index: number): WireProduct {
  const { random } = ctx;
  const kind = random.pick(VARIANT_KINDS);
  const { product, saleMinor } = baseProduct(ctx, id, index, kind);
  // Quirk 4 (docs/sentos-api.md#product-shape-and-quirks): some products carry images only on their variants.
  const imageCount = random.chance(0.15) ? 0 : random.int(1, 4);
  for (let n = 1; n <= imageCount; n++) product.images.push(image(ctx, `${product.sku}-${n}`));
  const run = SIZE_RUNS[kind.sizes ?? 'apparel'];
  const count = random.int(Math.min(3, run.length), run.length);
  const start = random.int(0, run.length - count);
  const sizes = run.slice(start, start + count);
  const dearerLarge = random.chance(0.15);
  for (const colour of pickColours(random)) {
    const colourImage = random.chance(0.7) ? image(ctx, `${product.sku}-${colour.code}`) : undefined;
    for (const size of sizes) {
      const variant = makeVariant(ctx, product.sku, colour, size, colourImage);
      if (dearerLarge && /^(XL|XXL|44|43)$/.test(size)) variant.sale_price = money(ctx, saleMinor + 10_000);
      product.variants.push(variant);
    }
  }
  return product;
}

function pickColours(random: Random): Colour[] {
  const pool = [...COLOURS];
  const count = random.pick([1, 1, 2, 2, 3, 4]);
  const picked: Colour[] = [];
  while (picked.length < count) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as Colour);
  return picked;
}

function makeVariant(ctx: Ctx, sku: string, colour: Colour, size: string, colourImage?: WireImage): WireVariant {
  return {
    sku: `${sku}-${colour.code}-${size.replace(' Yaş', 'Y')}`,
    barcode: ean13(ctx),
    color: colour.name,
    model: { name: 'Beden', value: size },
    stocks: stocks(ctx.random),
    images: colourImage ? [{ ...colourImage }] : [],
  };
}
