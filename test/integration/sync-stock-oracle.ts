import type { Sandbox } from '../../src/sandbox/server.js';
import type { OrderRecord } from '../../src/sandbox/shopify/state/types.js';

/**
 * An independent oracle for docs/architecture.md#no-oversell ("never oversell"), computed from the two SIMULATORS'
 * state only — never from the tool's report or src/sync — so a mistake in the tool's pending logic is caught, not
 * mirrored.
 *
 * A unit sold on Shopify is "unreflected" while Sentos's stock does not include it: the order is not in Sentos,
 * or it is there in a status that does not take stock (the simulator's stock rule, our model of Sentos).
 * Cancelled, refunded and voided orders owe nothing.
 */
export const TAKING_STATUSES = [2, 3, 4, 5, 99];

export interface StockCell {
  sku: string;
  locationId: string;
  available: number;
  /** Sentos stock of the warehouses mapped to this location. */
  sentos: number;
  /** Unreflected units Shopify sold at this location. */
  unreflectedHere: number;
}

/** Sentos warehouse id → Shopify location gid, from the SENTOS_SYNC_WAREHOUSE_MAP the CLI was given (names). */
export function warehouseLocations(sandbox: Sandbox, env: Record<string, string>): Map<number, string> {
  const map = new Map<number, string>();
  for (const pair of (env.SENTOS_SYNC_WAREHOUSE_MAP ?? '').split(',').filter(Boolean)) {
    const [warehouse, location] = pair.split('=') as [string, string];
    const w = sandbox.sentos.state.warehouses.find((x) => x.name === warehouse);
    const l = sandbox.shopify.state.locations.find((x) => x.name === location);
    if (w && l) map.set(w.id, l.id);
  }
  return map;
}

function owes(order: OrderRecord): boolean {
  return !order.cancelledAt && !['REFUNDED', 'VOIDED'].includes(order.financialStatus) && !order.test;
}

/** Shopify orders whose units Sentos's stock does not include yet. */
export function unreflectedOrders(sandbox: Sandbox): OrderRecord[] {
  const taken = new Map(sandbox.sentos.state.orders.map((o) => [String(o.order_id), o.status]));
  return sandbox.shopify.state.orders.filter(
    (order) => owes(order) && !TAKING_STATUSES.includes(taken.get(String(order.legacyId)) ?? 0),
  );
}

function unitsBySku(orders: OrderRecord[], where?: string): Map<string, number> {
  const units = new Map<string, number>();
  for (const order of orders) {
    if (where !== undefined && order.locationId !== where) continue;
    for (const line of order.lines) if (line.sku) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  }
  return units;
}

/** Every (SKU, mapped location) cell of the Shopify products the tool created, with both sides' numbers. */
export function stockCells(sandbox: Sandbox, env: Record<string, string>): StockCell[] {
  const locations = warehouseLocations(sandbox, env);
  const unreflected = unreflectedOrders(sandbox);
  const cells: StockCell[] = [];
  for (const locationId of new Set(locations.values())) {
    const here = unitsBySku(unreflected, locationId);
    for (const variant of sandbox.shopify.state.products.flatMap((p) => p.variants)) {
      const sku = variant.sku ?? '';
      if (!sandbox.sentos.state.findSellable(sku)) continue;
      const stock = sandbox.sentos.state.stockOf(sku);
      const sentos = [...locations]
        .filter(([, l]) => l === locationId)
        .reduce((sum, [w]) => sum + Math.max(0, stock[w] ?? 0), 0);
      cells.push({
        sku,
        locationId,
        available: sandbox.shopify.state.available(sku, locationId) ?? 0,
        sentos,
        unreflectedHere: here.get(sku) ?? 0,
      });
    }
  }
  return cells;
}

/**
 * The no-oversell invariants; returns the violations (empty = none).
 * - per location: Shopify available ≤ Sentos stock there − units sold there that Sentos does not reflect;
 * - per SKU over the mapped locations: Σ available ≤ Σ Sentos − every unit Sentos does not reflect.
 * Both floored at 0: when Sentos itself is short, 0 on Shopify is the most the tool can do.
 */
export function oversells(sandbox: Sandbox, env: Record<string, string>): string[] {
  const cells = stockCells(sandbox, env);
  const total = unitsBySku(unreflectedOrders(sandbox));
  const problems: string[] = [];
  for (const c of cells) {
    if (c.available > Math.max(0, c.sentos - c.unreflectedHere))
      problems.push(
        `${c.sku} at ${c.locationId}: Shopify ${c.available} > Sentos ${c.sentos} − unreflected ${c.unreflectedHere}`,
      );
  }
  for (const sku of new Set(cells.map((c) => c.sku))) {
    const mine = cells.filter((c) => c.sku === sku);
    const available = mine.reduce((s, c) => s + c.available, 0);
    const sentos = mine.reduce((s, c) => s + c.sentos, 0);
    if (available > Math.max(0, sentos - (total.get(sku) ?? 0)))
      problems.push(`${sku} overall: Shopify ${available} > Sentos ${sentos} − unreflected ${total.get(sku) ?? 0}`);
  }
  return problems;
}

/** Sentos copies per Shopify order id (strings). */
export function sentosCopies(sandbox: Sandbox): Map<string, number> {
  const copies = new Map<string, number>();
  for (const order of sandbox.sentos.state.orders)
    copies.set(String(order.order_id), (copies.get(String(order.order_id)) ?? 0) + 1);
  return copies;
}

/** Total Sentos stock of a SKU over every warehouse (may be negative: the simulator does not clamp). */
export function sentosTotal(sandbox: Sandbox, sku: string): number {
  return Object.values(sandbox.sentos.state.stockOf(sku)).reduce((a, b) => a + b, 0);
}
