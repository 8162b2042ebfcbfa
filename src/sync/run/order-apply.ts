import { AuthError, OutcomeUnknownError, errorMessage, type CliError } from '../../core/errors.js';
import type { SentosOrder, SentosOrderPayload } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { decideOrderAction, mapShopifyOrder, type MappedOrder, type OrderAction } from '../orders/index.js';
import type { ReportItem } from '../report.js';
import { applyNeedsAttention, isAcknowledged } from './order-attention.js';
import type { OrderLookup } from './order-lookup.js';
import type { OrdersRunInput } from './orders.js';

/** A POST whose outcome was unknown and that the lookup did not find is sent again at most this often. */
const MAX_CREATE_ATTEMPTS = 3;
/** Wait before the lookup that follows an unknown outcome [I: Sentos's write latency is not documented]. */
const DEFAULT_SETTLE_MS = 2_000;

/** One order: map (pure), decide from the ledger and the Sentos lookup, then create, update or leave it. */
export async function processOrder(
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
    // A mapping warning is news when the order is sent or planned; an unchanged order said it when it was sent.
    if (!(action.action === 'skip' && action.reason === 'unchanged')) warnings.push(...mapped.warnings);
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
