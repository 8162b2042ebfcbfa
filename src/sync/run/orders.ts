import type { Clock } from '../../core/clock.js';
import type { SentosClient } from '../../sentos/client.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import type { EventSink } from '../events.js';
import type { KnownSkus, OrderSyncSettings } from '../orders/index.js';
import type { ReportItem } from '../report.js';
import type { CheckpointStore } from '../state/checkpoint.js';
import type { OrderLedger } from '../state/order-ledger.js';
import { processOrder } from './order-apply.js';
import { createOrderLookup } from './order-lookup.js';
import { checkChannel, checkpointMayMove, readOrders } from './order-read.js';
import type { SkuResolver } from './sku-resolver.js';

/**
 * `orders`: Shopify → Sentos, exactly once. For each order, in updatedAt order: map (pure), skip
 * it when the ledger says it is unchanged, else look it up in Sentos — the lookup, not the ledger, is the
 * guarantee — and create, update or leave it. The checkpoint moves after every order.
 */
export interface OrdersRunInput {
  sentos: SentosClient;
  shopify: ShopifyClient;
  settings: OrderSyncSettings;
  ledger: OrderLedger;
  checkpoint: CheckpointStore;
  /** Sentos SKU index from a catalog read: unknown SKUs fail before a POST, product_id is filled in. */
  knownSkus?: KnownSkus;
  /** Instead of `knownSkus`: resolves only the SKUs of the orders this run handles (sku-resolver.ts). */
  resolveSkus?: SkuResolver;
  /** Shopify order id → line item id → Sentos warehouse id (line-locations.ts); absent: orders.warehouseId. */
  lineWarehouses?: (orders: ShopifyOrder[]) => Promise<Map<string, ReadonlyMap<string, number>>>;
  clock: Clock;
  signal: AbortSignal;
  onEvent: EventSink;
  options: OrdersRunOptions;
}

export interface OrdersRunOptions {
  dryRun: boolean;
  /** ISO time; default: the checkpoint (minus the overlap), else the last 7 days. */
  since?: string;
  /** Extra Shopify search terms from --status, --financial-status, --fulfillment-status. */
  search?: string;
  /** --order: Shopify order names (#1042) or numeric ids. */
  orders?: string[];
  /** --acknowledge: orders whose needs-attention differences are accepted as Sentos holds them (order-attention.ts). */
  acknowledge?: string[];
  limit?: number;
  /** Wait before looking an order up after a POST whose outcome is unknown (tests shorten it). */
  settleMs?: number;
}

export interface OrdersRunResult {
  items: ReportItem[];
  interrupted: boolean;
  warnings: string[];
  /**
   * Every order read (window + retried failures): `sync` counts their pending quantities
   * (docs/architecture.md#no-oversell).
   */
  orders: ShopifyOrder[];
}

export async function runOrders(input: OrdersRunInput): Promise<OrdersRunResult> {
  const { onEvent, options } = input;
  onEvent({ type: 'phase', phase: 'read-shopify', message: 'Reading Shopify orders…' });
  const orders = await readOrders(input);
  const selected = options.limit ? orders.slice(0, options.limit) : orders;
  onEvent({ type: 'planned', total: selected.length, toApply: selected.length, what: 'orders' });
  const items: ReportItem[] = [];
  const warnings: string[] = [];
  if (selected.length > 0) await checkChannel(input, warnings);
  const knownSkus = await skusFor(input, selected);
  const orderLookup = createOrderLookup(
    input.sentos,
    selected.filter((o) => isNew(input, o)),
  );
  const warehouses = await input.lineWarehouses?.(selected.filter((o) => !o.test || input.settings.includeTestOrders));
  const moveCheckpoint = checkpointMayMove(input);
  let interrupted = false;
  for (const order of selected) {
    if (input.signal.aborted) {
      interrupted = true;
      break;
    }
    const item = await processOrder({ ...input, knownSkus, orderLookup }, order, warnings, warehouses?.get(order.id));
    items.push(item);
    onEvent(
      item.status === 'failed'
        ? { type: 'item-failed', key: item.key, message: item.error?.message ?? '' }
        : { type: 'item-done', key: item.key, action: item.action },
    );
    if (moveCheckpoint)
      input.checkpoint.save({ updatedAt: order.updatedAt, orderId: order.id, savedAtMs: input.clock.now() });
  }
  return { items, interrupted, warnings, orders };
}

/** Orders the ledger has never seen sent: each needs a Sentos lookup before its POST (order-lookup.ts). */
function isNew(input: OrdersRunInput, order: ShopifyOrder): boolean {
  if (order.test && !input.settings.includeTestOrders) return false;
  return input.ledger.get(order.legacyId) === undefined;
}

/** The SKUs of the orders to map, resolved once (docs/sentos-api.md#rate-limits): never the whole catalog. */
async function skusFor(input: OrdersRunInput, orders: ShopifyOrder[]): Promise<KnownSkus | undefined> {
  if (!input.resolveSkus) return input.knownSkus;
  const skip = (order: ShopifyOrder) => order.test && !input.settings.includeTestOrders;
  const skus = orders.filter((o) => !skip(o)).flatMap((o) => o.lineItems.map((line) => line.sku?.trim() ?? ''));
  return input.resolveSkus(new Set(skus.filter(Boolean)));
}
