import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from '../sandbox/seed/catalog.js';
import { flattenCategories } from '../sentos/wire/lists.js';
import { parseSentosProducts } from '../sentos/wire/product.js';
import type { ShopifyLocation, ShopifyProduct } from '../shopify/types.js';
import { planProducts, type PlanInput } from '../sync/products/plan.js';
import { productSettings } from '../sync/products/settings.js';
import type { PlanItem } from '../sync/products/types.js';

/**
 * `npm run bench:plan`: how long planning takes for a store already in sync (goal: 100,000 variants ≤ 1 s).
 * The Sentos catalog comes from the sandbox's generator; the Shopify store is what the first plan would write,
 * so the timed plan must find every product unchanged. Several runs after a warm-up; the median is reported.
 *
 *   npm run bench:plan -- --variants 100000 --runs 5
 */
export function benchPlan(targetVariants: number, runs: number): void {
  const input = inSyncInput(targetVariants);
  const variants = input.shopify.reduce((n, p) => n + p.variants.length, 0);
  planProducts(input); // warm-up: JIT and caches
  const times: number[] = [];
  const cpu: number[] = [];
  let unchanged = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const plan = planProducts(input);
    const used = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    unchanged = plan.summary.unchanged;
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `planning ${input.sentos.length} products / ${variants} variants, store in sync: median ${median.toFixed(0)} ms ` +
      `over ${runs} runs (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}; ` +
      `CPU median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(0)} ms, GC threads included) · ` +
      `${unchanged} of ${input.sentos.length} unchanged`,
  );
  if (unchanged !== input.sentos.length)
    console.log('  (not every product was unchanged: the figure is not for a store in sync)');
}

function inSyncInput(targetVariants: number): PlanInput {
  // The generator averages ~7 variants a product; grow until the target is reached.
  let count = Math.ceil(targetVariants / 7);
  let catalog = generateCatalog({ seed: 1, count });
  let sentos = parseSentosProducts(catalog.products).products;
  while (sentos.reduce((n, p) => n + Math.max(1, p.variants.length), 0) < targetVariants) {
    count = Math.ceil(count * 1.1);
    catalog = generateCatalog({ seed: 1, count });
    sentos = parseSentosProducts(catalog.products).products;
  }
  // Exactly the products that make up the target (the last one may overshoot by its own variants).
  let variants = 0;
  const upTo = sentos.findIndex((p) => (variants += Math.max(1, p.variants.length)) >= targetVariants);
  if (upTo >= 0) sentos = sentos.slice(0, upTo + 1);
  const warehouses = catalog.warehouses.map((w) => ({ id: String(w.id), name: w.name }));
  const locations: ShopifyLocation[] = warehouses.map((w, i) => ({
    id: `gid://shopify/Location/${i + 1}`,
    name: w.name,
    isActive: true,
  }));
  const categories = new Map<string, string[]>();
  const rows = flattenCategories(catalog.categories);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of rows) {
    const names: string[] = [];
    for (let node: typeof row | undefined = row; node; node = node.parentId ? byId.get(node.parentId) : undefined)
      names.unshift(node.name);
    categories.set(row.id, names);
  }
  const settings = productSettings({
    warehouseMap: Object.fromEntries(warehouses.map((w) => [w.name, w.name])),
    newProductStatus: 'ACTIVE',
  });
  const base = { sentos, locations, warehouses, categories, settings };
  const first = planProducts({ ...base, shopify: [] });
  const shopify: ShopifyProduct[] = [];
  const links = new Map<string, string>();
  first.items.forEach((item, n) => {
    const product = asWritten(item, n + 1);
    if (!product) return;
    shopify.push(product);
    links.set(item.key, product.id);
  });
  return { ...base, shopify, links };
}

/** The product as Shopify holds it after the first plan's writes. */
function asWritten(item: PlanItem, n: number): ShopifyProduct | undefined {
  const write = item.productWrite;
  if (!write) return undefined;
  const levels = (sku: string, created?: Array<{ locationId: string; quantity: number }>) =>
    created?.map((q) => ({ locationId: q.locationId, available: q.quantity })) ??
    item.stock.filter((row) => row.sku === sku).map((row) => ({ locationId: row.locationId, available: row.target }));
  return {
    id: `gid://shopify/Product/${n}`,
    handle: write.handle ?? `handle-${n}`,
    title: write.title ?? '',
    descriptionHtml: write.descriptionHtml ?? '',
    vendor: write.vendor ?? '',
    productType: write.productType ?? '',
    tags: [...(write.tags ?? [])].sort(),
    status: 'ACTIVE',
    options: write.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: write.variants.map((v, i) => ({
      id: `gid://shopify/ProductVariant/${n * 1000 + i}`,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price ?? 0,
      compareAtPrice: v.compareAtPrice ?? undefined,
      selectedOptions: v.optionValues.map((o) => ({ name: o.optionName, value: o.name })),
      inventoryItemId: `gid://shopify/InventoryItem/${n * 1000 + i}`,
      tracked: true,
      levels: levels(v.sku, v.inventoryQuantities),
    })),
    sentosProductId: write.sentosProductId,
    imageSources: write.imageSources,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  benchPlan(Number(get('variants') ?? 100_000), Number(get('runs') ?? 5));
}
