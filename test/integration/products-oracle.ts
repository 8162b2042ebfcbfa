import type { Sandbox } from '../../src/sandbox/server.js';
import type { WireProduct, WireStock } from '../../src/sandbox/sentos/wire-types.js';
import { runCli, startTestSandbox, type CliRun, type TestSandbox } from '../helpers/cli-harness.js';
import type { SandboxOptions } from '../../src/sandbox/server.js';

/**
 * An independent oracle for what the Shopify sandbox should hold, computed from the Sentos SIMULATOR's wire objects
 * with a money parser of its own (never src/core/money.ts), so a client or planner mistake is caught rather than
 * mirrored. The shape compares directly with `shopifyView()`.
 */
export interface VariantView {
  sku: string;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  options: string[];
  /** Shopify location NAME → available (only mapped locations). */
  stock: Record<string, number | undefined>;
}

export interface ProductView {
  title: string;
  vendor: string;
  descriptionHtml: string;
  status: string;
  options: Array<{ name: string; values: string[] }>;
  variants: VariantView[];
}

export const SHOP_NAME = 'Sandbox Mağaza';

/** Mutations the products command can send: none of them may appear on an unchanged resync. */
export const PRODUCT_MUTATIONS = [
  'productSet',
  'inventorySetQuantities',
  'inventoryActivate',
  'metafieldsSet',
  'productUpdate',
] as const;

/**
 * Turkish or dot money → "1299.90", independently of the tool: the LAST "." or "," is the decimal mark, any other is a
 * thousands mark (docs/sentos-api.md#product-shape-and-quirks quirk 1). Undefined when it is not money.
 */
export function money(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.round(value * 100) / 100).toFixed(2) : undefined;
  if (typeof value !== 'string' || !/^\d[\d.,]*$/.test(value.trim())) return undefined;
  const text = value.trim();
  const at = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  const whole = (at < 0 ? text : text.slice(0, at)).replace(/[.,]/g, '');
  const fraction = at < 0 ? '' : text.slice(at + 1);
  if (
    fraction.length > 2 ||
    (at >= 0 &&
      /[.,]/.test(text.slice(0, at)) &&
      text
        .slice(0, at)
        .split(/[.,]/)
        .slice(1)
        .some((g) => g.length !== 3))
  )
    return undefined;
  return `${Number(whole)}.${fraction.padEnd(2, '0')}`;
}

/** Sentos warehouse id → Shopify location NAME, read from the SENTOS_SYNC_WAREHOUSE_MAP the CLI is given. */
export function warehouseToLocation(sandbox: Sandbox, env: Record<string, string>): Map<number, string> {
  const map = new Map<number, string>();
  for (const pair of (env.SENTOS_SYNC_WAREHOUSE_MAP ?? '').split(',').filter(Boolean)) {
    const [warehouse, location] = pair.split('=') as [string, string];
    const w = sandbox.sentos.state.warehouses.find((x) => x.name === warehouse || String(x.id) === warehouse);
    if (w) map.set(w.id, location);
  }
  return map;
}

function stockByLocation(stocks: WireStock[], map: Map<number, string>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries([...new Set(map.values())].map((l) => [l, 0]));
  for (const s of stocks) {
    const location = map.get(s.warehouse);
    if (location !== undefined) out[location] = (out[location] ?? 0) + Math.max(0, s.stock);
  }
  return out;
}

/** The Shopify product a Sentos wire product should become (default price list: sale_price, no compare-at). */
export function expectedProduct(wire: WireProduct, map: Map<number, string>, priceList = 'sale_price'): ProductView {
  const channel = priceList === 'sale_price' ? undefined : wire.prices[priceList];
  const priceOf = (own: unknown) => money(channel ? channel.sale_price : (own ?? wire.sale_price)) ?? 'unparsable';
  const compareAt = (price: string) => {
    const list = channel ? money(channel.list_price) : undefined;
    return list !== undefined && Number(list) > Number(price) ? list : null;
  };
  if (wire.variants.length === 0) {
    const price = priceOf(wire.sale_price);
    return {
      ...texts(wire),
      options: [{ name: 'Title', values: ['Default Title'] }],
      variants: [
        {
          sku: wire.sku,
          barcode: wire.barcode || null,
          price,
          compareAtPrice: compareAt(price),
          options: ['Default Title'],
          stock: stockByLocation(wire.stocks, map),
        },
      ],
    };
  }
  const colours = [...new Set(wire.variants.map((v) => v.color))];
  const sizeName = wire.variants[0]!.model.name;
  const sizes = [...new Set(wire.variants.map((v) => v.model.value))];
  return {
    ...texts(wire),
    options: [
      { name: 'Renk', values: colours },
      { name: sizeName, values: sizes },
    ],
    variants: wire.variants.map((v) => {
      const price = priceOf(v.sale_price);
      return {
        sku: v.sku,
        barcode: v.barcode || null,
        price,
        compareAtPrice: compareAt(price),
        options: [v.color, v.model.value],
        stock: stockByLocation(v.stocks, map),
      };
    }),
  };
}

function texts(wire: WireProduct): Pick<ProductView, 'title' | 'vendor' | 'descriptionHtml' | 'status'> {
  // Shopify fills an empty vendor with the shop's name (the sandbox does the same).
  return {
    title: wire.name,
    vendor: wire.brand ?? SHOP_NAME,
    descriptionHtml: wire.description_detail,
    status: 'ACTIVE',
  };
}

/** What the Shopify sandbox holds, keyed by the SKU of the first variant, in the same shape. */
export function shopifyView(sandbox: Sandbox, locations: string[]): Map<string, ProductView> {
  const state = sandbox.shopify.state;
  const byName = new Map(state.locations.map((l) => [l.name, l.id]));
  // Indexed once: a lookup by SKU scans every variant, which at 1,500 products made this view take seconds.
  const items = new Map(state.inventoryItems.map((item) => [item.id, item]));
  const available = (itemId: string, locationId: string | undefined) => {
    const level = items.get(itemId)?.levels.find((l) => l.locationId === locationId);
    return level?.isActive ? level.quantities.available : undefined;
  };
  const view = new Map<string, ProductView>();
  for (const p of state.products) {
    const variants = p.variants.map((v) => ({
      sku: v.sku ?? '',
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      options: v.optionValues.map((o) => o.name),
      stock: Object.fromEntries(
        locations.map((name) => [name, available(v.inventoryItemId, byName.get(name) ?? name)]),
      ),
    }));
    const product: ProductView = {
      title: p.title,
      vendor: p.vendor,
      descriptionHtml: p.descriptionHtml,
      status: p.status,
      options: p.options.map((o) => ({ name: o.name, values: o.values.map((v) => v.name) })),
      variants,
    };
    view.set(variants[0]?.sku ?? p.id, product);
  }
  return view;
}

/** Every problem that makes Shopify's catalog not a faithful copy: duplicate products, handles or SKUs. */
export function duplicates(sandbox: Sandbox): string[] {
  const problems: string[] = [];
  const count = (values: string[], what: string) => {
    const seen = new Map<string, number>();
    for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
    for (const [v, n] of seen) if (n > 1) problems.push(`${what} ${v} appears ${n} times`);
  };
  const products = sandbox.shopify.state.products;
  count(
    products.map((p) => p.handle),
    'handle',
  );
  count(
    products.flatMap((p) => p.variants.map((v) => v.sku ?? '')),
    'SKU',
  );
  count(
    products.map(
      (p) => p.metafields.find((m) => m.namespace === 'sentos_sync' && m.key === 'product_id')?.value ?? p.id,
    ),
    'sentos product id',
  );
  return problems;
}

/** Mutation counts by operation since the last resetStats(). */
export function mutations(sandbox: Sandbox): Record<string, number> {
  const byOperation = sandbox.shopify.stats().requests.byOperation;
  return Object.fromEntries(PRODUCT_MUTATIONS.filter((m) => byOperation[m]).map((m) => [m, byOperation[m] as number]));
}

/**
 * A sandbox for product tests: a roomy cost bucket (the catalog read pages one product at a time at a
 * requested cost of ~710 points, which on the Standard bucket makes a 16-product resync take ~17 s; the
 * bucket itself is not under test here) and millisecond retry back-off.
 */
export async function startProductsSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const t = await startTestSandbox({
    orders: 0,
    ...options,
    shopify: { bucket: { maximumAvailable: 20_000, restoreRate: 10_000 }, ...options.shopify },
  });
  t.env.SENTOS_SYNC_RETRY_BASE_MS = '5';
  return t;
}

export async function products(
  t: TestSandbox,
  args: string[] = [],
  env: Record<string, string> = {},
  options: { signal?: AbortSignal } = {},
): Promise<CliRun> {
  return runCli(['products', '--json', ...args], { ...t.env, ...env }, options);
}

export function mappedLocations(map: Map<number, string>): string[] {
  return [...new Set(map.values())];
}
