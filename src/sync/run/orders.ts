import type { Clock } from '../../core/clock.js';
import {
  AuthError,
  ConfigError,
  OutcomeUnknownError,
  errorMessage,
  type CliError,
  throwIfAborted,
} from '../../core/errors.js';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosOrder, SentosOrderPayload } from '../../sentos/types.js';
import type { ShopifyClient } from '../../shopify/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import type { EventSink } from '../events.js';
import {
  decideOrderAction,
  mapShopifyOrder,
  type KnownSkus,
  type MappedOrder,
  type OrderAction,
  type OrderSyncSettings,
} from '../orders/index.js';
import type { ReportItem } from '../report.js';
import type { CheckpointStore } from '../state/checkpoint.js';
import type { OrderLedger } from '../state/order-ledger.js';
import { applyNeedsAttention, isAcknowledged } from './order-attention.js';
import { createOrderLookup, type OrderLookup } from './order-lookup.js';
import { orderWindowStart, readOrdersByIds } from './order-window.js';
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

/** A POST whose outcome was unknown and that the lookup did not find is sent again at most this often. */
const MAX_CREATE_ATTEMPTS = 3;
/** Wait before the lookup that follows an unknown outcome [I: Sentos's write latency is not documented]. */
const DEFAULT_SETTLE_MS = 2_000;

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

async function readOrders(input: OrdersRunInput): Promise<ShopifyOrder[]> {
  const { options, shopify } = input;
  const byId = new Map<string, ShopifyOrder>();
  const add = (order: ShopifyOrder) => byId.set(order.id, order);
  if (options.orders?.length) {
    const ids = options.orders.filter((ref) => /^\d+$|^gid:/.test(ref));
    const names = options.orders.filter((ref) => !ids.includes(ref));
    if (ids.length) for await (const page of shopify.listOrders({ ids })) page.forEach(add);
    for (const name of names) {
      for await (const page of shopify.listOrders({
        search: `name:${JSON.stringify(name.startsWith('#') ? name : `#${name}`)}`,
      }))
        page.forEach(add);
    }
  } else {
    const updatedAfter = options.since ?? orderWindowStart(input.checkpoint.load(), input.clock.now());
    // An upper bound: on a busy shop new orders keep arriving while we page, and a run must end. Orders
    // updated after it are the next run's (the checkpoint stays below them).
    const until = `updated_at:<='${new Date(input.clock.now()).toISOString()}'`;
    const search = options.search ? `${options.search} ${until}` : until;
    for await (const page of shopify.listOrders({ updatedAfter, search })) {
      throwIfAborted(input.signal); // nothing is written while reading: Ctrl-C stops at once
      page.forEach(add);
      input.onEvent({ type: 'read-progress', source: 'shopify', what: 'orders', count: byId.size });
    }
    // Orders that failed before are retried every run until they go through (they may not be updated again).
    const seen = new Set([...byId.values()].map((o) => o.legacyId));
    const failed = input.ledger
      .pendingFailures()
      .map((f) => f.shopifyId)
      .filter((id) => !seen.has(id));
    await readOrdersByIds(shopify, failed, add);
  }
  return [...byId.values()].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
}

/**
 * A channel_id Sentos does not have fails every POST with the same 422
 * (docs/sentos-api.md#order-writes-and-duplicates): say it once, before anything is sent, naming the channels there are
 * (checked when the list is available).
 */
async function checkChannel(input: OrdersRunInput, warnings: string[]): Promise<void> {
  const wanted = input.settings.channelId;
  if (wanted === undefined) return;
  let channels: Awaited<ReturnType<SentosClient['listSalesChannels']>>;
  try {
    channels = await input.sentos.listSalesChannels();
  } catch (error) {
    if (error instanceof AuthError) throw error;
    warnings.push(`Could not check orders.channelId ${wanted} against Sentos's sales channels: ${errorMessage(error)}`);
    return;
  }
  if (channels.some((c) => c.id === String(wanted))) return;
  const known = channels.map((c) => `${c.id} (${c.name})`).join(', ') || 'none';
  throw new ConfigError(`orders.channelId ${wanted} is not one of Sentos's sales channels: ${known}.`, {
    hint: 'Set orders.channelId (SENTOS_SYNC_ORDER_CHANNEL_ID) to one of these ids, or unset it.',
  });
}

/**
 * The checkpoint says "everything updated before this was read", so only a run that read everything since it may move
 * it. --order and the status filters leave orders out; a --since later than the checkpoint never read the orders in
 * between. Moving it then would lose those orders to every later run (docs/architecture.md#exactly-once-orders).
 */
function checkpointMayMove(input: OrdersRunInput): boolean {
  const { options } = input;
  if (options.dryRun || options.orders?.length || options.search) return false;
  if (options.since === undefined) return true;
  const saved = input.checkpoint.load();
  // No checkpoint yet: the first --since chooses where the incremental runs start.
  return !saved || Date.parse(options.since) <= Date.parse(saved.updatedAt);
}

async function processOrder(
  input: OrdersRunInput & { orderLookup: OrderLookup },
  order: ShopifyOrder,
  warnings: string[],
  lineWarehouses?: ReadonlyMap<string, number>,
): Promise<ReportItem> {
  const key = order.name;
  // Before mapping: a test order that cannot be mapped (no SKU) is still not a sale, and must not enter the
  // ledger as a failure (retried forever, its stock held back, docs/architecture.md#no-oversell).
  if (order.test && !input.settings.includeTestOrders) {
    if (!input.options.dryRun) input.ledger.resolveFailure(order.legacyId);
    return { key, action: 'skip', status: 'skipped', reasons: [`${order.name} is a Shopify test order`] };
  }
  const mapped = mapShopifyOrder(order, {
    settings: input.settings,
    knownSkus: input.knownSkus,
    ...(lineWarehouses ? { lineWarehouses } : {}),
  });
  if (!mapped.ok)
    return failed(
      input,
      order,
      mapped.reasons.join('; '),
      'Fix the order in Shopify or the SKU in Sentos; it is retried on every run until it goes through.',
    );
  warnings.push(...mapped.warnings);
  try {
    const ledgerEntry = input.ledger.get(order.legacyId);
    let action = decideOrderAction({ order, mapped, ledgerEntry, includeTestOrders: input.settings.includeTestOrders });
    if (action.action === 'lookup')
      action = decideOrderAction({
        order,
        mapped,
        ledgerEntry,
        remote: await input.orderLookup.find(mapped.payload, order),
        includeTestOrders: input.settings.includeTestOrders,
      });
    if (action.action === 'create' && action.warning) warnings.push(action.warning);
    return await apply(input, order, mapped, action);
  } catch (error) {
    if (error instanceof AuthError) throw error; // every other order would fail the same way: stop the run
    const cliError = error as CliError;
    return failed(input, order, errorMessage(error), cliError.hint);
  }
}

async function apply(
  input: OrdersRunInput,
  order: ShopifyOrder,
  mapped: MappedOrder,
  action: OrderAction,
): Promise<ReportItem> {
  const base = { key: order.name, title: mapped.payload.customer.name };
  if (action.action === 'conflict')
    return { ...base, action: 'conflict', status: 'conflict', reasons: [action.reason] };
  if (action.action === 'skip') {
    if (action.sentosId && !input.options.dryRun) remember(input, order, mapped, action.sentosId);
    return {
      ...base,
      action: action.action === 'skip' && action.reason === 'unchanged' ? 'unchanged' : 'skip',
      status: 'skipped',
      reasons: [action.detail],
    };
  }
  if (action.action === 'lookup')
    return {
      ...base,
      action: 'failed',
      status: 'failed',
      error: { message: 'could not decide without a Sentos lookup' },
    };
  if (action.action === 'needs-attention') {
    const acknowledged = isAcknowledged(order, input.options.acknowledge);
    const item = await applyNeedsAttention(input.sentos, input.options.dryRun, base, action, acknowledged);
    if (acknowledged && !input.options.dryRun) remember(input, order, mapped, action.sentosId);
    return item;
  }
  if (input.options.dryRun) {
    const changes =
      action.action === 'create'
        ? [action.payload, ...(action.followUp ? [action.followUp] : [])]
        : [{ sentosId: action.sentosId, ...action.payload }];
    const reasons = action.action === 'create' && action.warning ? { reasons: [action.warning] } : {};
    return { ...base, action: action.action, status: 'planned', changes, ...reasons };
  }
  if (action.action === 'create') {
    const created = await createOnce(input, action.payload);
    if (action.followUp) await input.sentos.updateOrder(created.id, action.followUp);
    remember(input, order, mapped, created.id);
    return {
      ...base,
      action: 'create',
      status: 'done',
      changes: [{ sentosId: created.id, status: action.followUp?.status ?? action.payload.status }],
      ...(action.warning ? { reasons: [action.warning] } : {}),
    };
  }
  await input.sentos.updateOrder(action.sentosId, action.payload);
  remember(input, order, mapped, action.sentosId);
  return { ...base, action: 'update', status: 'done', changes: [{ sentosId: action.sentosId, ...action.payload }] };
}

/**
 * POST /orders is not idempotent. When its outcome is unknown (timeout, reset, 5xx), look the order up
 * before anything is re-sent: found → it was created; not found → send again (bounded).
 */
async function createOnce(input: OrdersRunInput, payload: SentosOrderPayload): Promise<SentosOrder> {
  const { sentos } = input;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sentos.createOrder(payload);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      // A slow server is often why the outcome is unknown: give it a moment to store the order before looking.
      await input.clock.sleep(input.options.settleMs ?? DEFAULT_SETTLE_MS);
      const found = (await sentos.findOrders({ orderId: payload.order_id })).filter(
        (o) => String(o.orderId) === payload.order_id,
      );
      if (found.length > 0) return found[0] as SentosOrder;
      if (attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}

function remember(input: OrdersRunInput, order: ShopifyOrder, mapped: MappedOrder, sentosId: string): void {
  const previous = input.ledger.get(order.legacyId);
  if (previous && previous.hash === mapped.hash && previous.sentosId === sentosId) return;
  input.ledger.recordSent({
    shopifyId: order.legacyId,
    sentosId,
    hash: mapped.hash,
    status: mapped.payload.status,
    sentAtMs: previous?.sentAtMs ?? input.clock.now(),
    orderName: order.name,
  });
}

function failed(input: OrdersRunInput, order: ShopifyOrder, message: string, hint?: string): ReportItem {
  if (!input.options.dryRun)
    input.ledger.recordFailed({
      shopifyId: order.legacyId,
      orderName: order.name,
      reason: message,
      atMs: input.clock.now(),
    });
  // The mapping's reasons name the order for the ledger and logs; the report item is keyed by it already.
  const shown = message
    .split('; ')
    .map((part) => (part.startsWith(`${order.name}: `) ? part.slice(order.name.length + 2) : part))
    .join('; ');
  return { key: order.name, action: 'failed', status: 'failed', error: { message: shown, hint } };
}
