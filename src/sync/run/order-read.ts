import { AuthError, ConfigError, errorMessage, throwIfAborted } from '../../core/errors.js';
import type { SentosClient } from '../../sentos/client.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { orderWindowStart, readOrdersByIds } from './order-window.js';
import type { OrdersRunInput } from './orders.js';

/** The Shopify orders of the run: the window since the checkpoint (or --since, --order), plus retried failures. */
export async function readOrders(input: OrdersRunInput): Promise<ShopifyOrder[]> {
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
export async function checkChannel(input: OrdersRunInput, warnings: string[]): Promise<void> {
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
export function checkpointMayMove(input: OrdersRunInput): boolean {
  const { options } = input;
  if (options.dryRun || options.orders?.length || options.search) return false;
  if (options.since === undefined) return true;
  const saved = input.checkpoint.load();
  // No checkpoint yet: the first --since chooses where the incremental runs start.
  return !saved || Date.parse(options.since) <= Date.parse(saved.updatedAt);
}
