/**
 * What to do with one mapped order (exactly once: docs/architecture.md#exactly-once-orders). The remote lookup is the
 * guarantee, not the ledger: the ledger may only spare a lookup for an order whose content hash is unchanged; every
 * create, update or conflict is decided from what Sentos returned for `order_id` / `order_code`
 * (docs/sentos-api.md#order-writes-and-duplicates).
 */
import type { SentosOrder, SentosOrderPayload, SentosOrderUpdatePayload } from '../../sentos/types.js';
import type { ShopifyOrder } from '../../shopify/types.js';
import { orderDifferences } from './edits.js';
import type { MappedOrder } from './map.js';

export interface OrderLedgerEntry {
  sentosId: string;
  hash: string;
  status: number;
}

export type OrderSkipReason = 'unchanged' | 'remote-ahead' | 'test-order';

export type OrderAction =
  /**
   * `followUp`: send right after the create; POST /orders carries no cargo data
   * (docs/sentos-api.md#order-writes-and-duplicates).
   */
  | { action: 'create'; payload: SentosOrderPayload; followUp?: SentosOrderUpdatePayload; warning?: string }
  | { action: 'update'; sentosId: string; payload: SentosOrderUpdatePayload }
  | { action: 'skip'; reason: OrderSkipReason; detail: string; sentosId?: string }
  | { action: 'conflict'; reason: string; sentosIds: string[] }
  /**
   * Sentos holds the order but no longer as Shopify has it, in fields PUT cannot carry (edits.ts): a person must
   * carry `differences` into Sentos. `update` is the status/cargo PUT that can still go out meanwhile.
   */
  | { action: 'needs-attention'; sentosId: string; differences: string[]; update?: SentosOrderUpdatePayload }
  /** Not enough to decide: look the order up in Sentos and call again with `remote`. */
  | { action: 'lookup' };

export interface DecideOrderInput {
  order: ShopifyOrder;
  mapped: MappedOrder;
  ledgerEntry?: OrderLedgerEntry;
  /** The result of GET /orders by order_id (and/or order_code); undefined when not looked up yet. */
  remote?: SentosOrder[];
  includeTestOrders?: boolean;
}

/**
 * Sentos's workflow order: 1 → 2 → 3 → 4 → 5 → 99 (docs/sentos-api.md#order-shape-and-status-codes). 6
 * (cancelled/returned) is handled apart.
 */
const PROGRESS: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 99: 6 };
const CANCELLED = 6;

const asKey = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value).trim() : '';

export function decideOrderAction(input: DecideOrderInput): OrderAction {
  const { order, mapped, ledgerEntry, remote } = input;
  if (order.test && !input.includeTestOrders) {
    return { action: 'skip', reason: 'test-order', detail: `${order.name} is a Shopify test order` };
  }
  if (remote === undefined) {
    if (ledgerEntry && ledgerEntry.hash === mapped.hash) {
      return {
        action: 'skip',
        reason: 'unchanged',
        detail: `${order.name} unchanged since last sent`,
        sentosId: ledgerEntry.sentosId,
      };
    }
    return { action: 'lookup' };
  }
  const match = findRemote(order, mapped.payload, remote);
  if ('conflict' in match) return match.conflict;
  if (match.found) return compareWithRemote(order, mapped, match.found);
  const create = createAction(mapped);
  if (match.others?.length) create.warning = sharedCodeWarning(order, mapped.payload.order_code, match.others);
  return create;
}

type RemoteMatch = { found?: SentosOrder; others?: SentosOrder[] } | { conflict: OrderAction & { action: 'conflict' } };

/**
 * By order_id as strings (Sentos may echo it as a number, docs/sentos-api.md#orders): order_id is the identity.
 * Failing that, by order_code, but only a copy with no order_id of its own is taken as ours (entered by hand).
 * A copy under another order_id is another order (marketplaces reuse small numbers: a Trendyol order can be
 * 1001 like Shopify's first one): ours is created all the same, with a warning naming the other one.
 */
function findRemote(order: ShopifyOrder, payload: SentosOrderPayload, remote: SentosOrder[]): RemoteMatch {
  const byId = remote.filter((r) => asKey(r.orderId) === payload.order_id);
  if (byId.length > 1) {
    const ids = byId.map((r) => asKey(r.id));
    return conflict(
      `${order.name} exists ${byId.length} times in Sentos (order_id ${payload.order_id}: ` +
        `Sentos ids ${ids.join(', ')}); cancel the extra copies in Sentos`,
      ids,
    );
  }
  if (byId.length === 1) return { found: byId[0] };
  const byCode = remote.filter((r) => asKey(r.orderCode) === payload.order_code);
  const others = byCode.filter((r) => asKey(r.orderId) !== '');
  const byHand = byCode.filter((r) => asKey(r.orderId) === '');
  if (byHand.length > 1) {
    const ids = byHand.map((r) => asKey(r.id));
    return conflict(
      `${order.name}: Sentos has order code ${payload.order_code} ${byHand.length} times without an order_id ` +
        `(Sentos ids ${ids.join(', ')}); cancel the extra copies in Sentos`,
      ids,
    );
  }
  return { found: byHand[0], others };
}

/** The warning a create carries when Sentos already has the order code under other order_ids. */
function sharedCodeWarning(order: ShopifyOrder, code: string, others: SentosOrder[]): string {
  const named = others
    .map((r) => `Sentos id ${asKey(r.id)} (order_id ${asKey(r.orderId)}${r.source ? `, ${r.source}` : ''})`)
    .join(', ');
  return (
    `${order.name}: created although Sentos already has order code ${code} under another order: ${named}; ` +
    'both are kept, tell them apart by order_id or source in Sentos'
  );
}

function conflict(reason: string, sentosIds: string[]): RemoteMatch {
  return { conflict: { action: 'conflict', reason, sentosIds } };
}

function createAction(mapped: MappedOrder): OrderAction & { action: 'create' } {
  const action: OrderAction & { action: 'create' } = { action: 'create', payload: mapped.payload };
  if (mapped.payload.status === 5 && mapped.tracking) action.followUp = { status: 5, data: mapped.tracking };
  return action;
}

/**
 * An order Sentos has: what PUT can carry goes out (statusAction); what it cannot (lines, prices, shipping, the
 * address: edits.ts) makes the order needs-attention, on every run until Sentos matches, never "unchanged". A
 * cancelled order needs none: status 6 tells Sentos that nothing is owed.
 */
function compareWithRemote(order: ShopifyOrder, mapped: MappedOrder, remote: SentosOrder): OrderAction {
  const status = statusAction(order, mapped, remote);
  if (mapped.payload.status === CANCELLED || status.action === 'conflict') return status;
  const differences = orderDifferences(mapped.payload, remote);
  if (differences.length === 0) return status;
  const attention: OrderAction & { action: 'needs-attention' } = {
    action: 'needs-attention',
    sentosId: asKey(remote.id),
    differences,
  };
  if (status.action === 'update') attention.update = status.payload;
  return attention;
}

/**
 * PUT /orders/{id} carries only status and cargo data (docs/sentos-api.md#order-writes-and-duplicates), so only those
 * are compared here. A cancel always goes out; otherwise the status only moves forward: Sentos's own workflow
 * (preparing,
 * delivered) is never undone. An order cancelled in Sentos but live in Shopify is a conflict a person must settle.
 */
function statusAction(order: ShopifyOrder, mapped: MappedOrder, remote: SentosOrder): OrderAction {
  const sentosId = asKey(remote.id);
  const want = mapped.payload.status;
  const have = Number(remote.status);
  const same = (detail: string): OrderAction => ({ action: 'skip', reason: 'unchanged', detail, sentosId });
  if (want === CANCELLED) {
    return have === CANCELLED
      ? same(`${order.name} is cancelled in both`)
      : { action: 'update', sentosId, payload: { status: CANCELLED } };
  }
  if (have === CANCELLED) {
    return {
      action: 'conflict',
      reason:
        `${order.name} is cancelled in Sentos (id ${sentosId}) but not in Shopify; cancel or refund it in ` +
        `Shopify, or restore it in Sentos`,
      sentosIds: [sentosId],
    };
  }
  const trackingChanged =
    want === 5 && mapped.tracking !== undefined && mapped.tracking.tracking_number !== asKey(remote.trackingNumber);
  const rankWant = PROGRESS[want] ?? 0;
  const rankHave = PROGRESS[have] ?? 0;
  if (rankWant > rankHave || (want === have && trackingChanged)) {
    const payload: SentosOrderUpdatePayload = { status: want };
    if (want === 5 && mapped.tracking) payload.data = mapped.tracking;
    return { action: 'update', sentosId, payload };
  }
  if (rankWant < rankHave) {
    return {
      action: 'skip',
      reason: 'remote-ahead',
      detail: `${order.name} is further along in Sentos (status ${have}) than Shopify says (${want}); left as it is`,
      sentosId,
    };
  }
  return same(
    `${order.name} already has status ${have} in Sentos; only status and cargo data can be updated ` +
      `(docs/sentos-api.md#order-writes-and-duplicates)`,
  );
}
