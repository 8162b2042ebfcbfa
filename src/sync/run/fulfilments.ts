import type { Clock } from '../../core/clock.js';
import { AuthError, OutcomeUnknownError, errorMessage, type CliError } from '../../core/errors.js';
import type { SentosClient } from '../../sentos/client.js';
import type { SentosOrder } from '../../sentos/types.js';
import type { ShopifyClient } from '../../shopify/client.js';
import { toSentosDateTime } from '../orders/date.js';
import { planFulfilment, hasTrackingNumber, type FulfilmentRequest } from '../orders/fulfil-plan.js';
import type { ReportItem } from '../report.js';
import type { FulfilmentIntent, FulfilmentJournal } from '../state/fulfilment-journal.js';
import type { OrderLedger } from '../state/order-ledger.js';

/**
 * Fulfilment back to Shopify (docs/architecture.md#fulfilment-back-to-shopify): orders we pushed that Sentos has since
 * marked shipped (status 5) get a Shopify fulfilment with Sentos's tracking, exactly once. One Sentos listing per run
 * finds them (`GET /orders?status=5&updated_start_date=…`, docs/sentos-api.md#shipped-orders), never one GET per
 * order, and none at all while no pushed order is waiting to ship.
 */
export interface FulfilmentsRunInput {
  sentos: Pick<SentosClient, 'findOrders'>;
  shopify: Pick<ShopifyClient, 'getOrderFulfilment' | 'createFulfillment'>;
  ledger: OrderLedger;
  journal: FulfilmentJournal;
  notifyCustomer: boolean;
  clock: Clock;
  signal: AbortSignal;
  dryRun: boolean;
  /** Wait before re-reading an order after a fulfillmentCreate whose answer was lost (tests shorten it). */
  settleMs?: number;
}

/** The listing window starts this far before the last one ended: clocks differ, and Sentos may store late. */
const OVERLAP_MS = 10 * 60_000;
const SHIPPED = 5;
/** Ledger statuses of pushed orders still waiting to ship (docs/sentos-api.md#order-shape-and-status-codes). */
const WAITING = new Set([1, 2, 3, 4]);
const DEFAULT_SETTLE_MS = 2_000;

export interface FulfilmentsRunResult {
  items: ReportItem[];
  warnings: string[];
}

export async function runFulfilments(input: FulfilmentsRunInput): Promise<FulfilmentsRunResult> {
  const listedAtMs = input.clock.now();
  const shipments = new Map(input.journal.pending().map((p) => [p.shopifyId, p]));
  const waiting = input.ledger.all().filter((e) => WAITING.has(e.status));
  const warnings: string[] = [];
  let listedAll = waiting.length > 0;
  if (waiting.length > 0) {
    const lastEnd = input.journal.listedUntilMs() ?? waiting.reduce((min, e) => Math.min(min, e.sentAtMs), listedAtMs);
    const start = toSentosDateTime(new Date(lastEnd - OVERLAP_MS).toISOString());
    const listed = await input.sentos
      .findOrders({ status: SHIPPED, ...(start ? { updatedStart: start } : {}) })
      .catch((error: unknown) => {
        if (error instanceof AuthError) throw error;
        // Not a failure of this run's orders: the listing mark stays, so the next run lists the same window again.
        warnings.push(`Could not list the orders Sentos shipped (${errorMessage(error)}); the next run looks again.`);
        listedAll = false;
        return [];
      });
    const ours = new Map(waiting.map((e) => [e.shopifyId, e]));
    for (const order of listed) {
      const entry = ours.get(order.orderId);
      // The status filter is [V: two clients]; a Sentos that ignored it would list every order: filter again.
      if (!entry || order.status !== SHIPPED) continue;
      shipments.set(entry.shopifyId, intentOf(order, entry.orderName, listedAtMs));
    }
  }
  const items: ReportItem[] = [];
  for (const shipment of shipments.values()) {
    if (input.signal.aborted) return { items, warnings }; // the listing mark is not moved: the next run lists again
    const item = await fulfilOne(input, shipment);
    if (item) items.push(item);
  }
  if (!input.dryRun && listedAll) input.journal.recordListed(listedAtMs);
  return { items, warnings };
}

function intentOf(order: SentosOrder, orderName: string | undefined, atMs: number): FulfilmentIntent {
  return {
    shopifyId: order.orderId,
    trackingNumber: order.trackingNumber?.trim() ?? '',
    sentosId: order.id,
    atMs,
    ...(orderName ? { orderName } : {}),
    ...(order.cargoCompany ? { cargoCompany: order.cargoCompany } : {}),
    ...(order.trackingUrl ? { trackingUrl: order.trackingUrl } : {}),
  };
}

async function fulfilOne(input: FulfilmentsRunInput, shipment: FulfilmentIntent): Promise<ReportItem | undefined> {
  const { journal } = input;
  const key = shipment.orderName ?? `Shopify order ${shipment.shopifyId}`;
  if (journal.isDone(shipment)) return undefined;
  if (!shipment.trackingNumber)
    return {
      key,
      action: 'skip',
      status: 'skipped',
      reasons: [
        `shipped in Sentos (order ${shipment.sentosId}) without a tracking number: fulfilled once one is entered`,
      ],
    };
  try {
    const order = await input.shopify.getOrderFulfilment(gidOf(shipment.shopifyId));
    if (!order) {
      if (!input.dryRun) journal.recordDone(shipment, 'not-ours', [], input.clock.now());
      return { key, action: 'skip', status: 'skipped', reasons: ['no longer in Shopify; not fulfilled'] };
    }
    const plan = planFulfilment(order, shipment, { notifyCustomer: input.notifyCustomer });
    if (plan.kind === 'done' || plan.kind === 'skip') {
      if (!input.dryRun)
        journal.recordDone(shipment, plan.kind === 'done' ? 'found' : 'not-ours', [], input.clock.now());
      return {
        key: order.name,
        action: plan.kind === 'done' ? 'unchanged' : 'skip',
        status: 'skipped',
        reasons: [plan.detail],
      };
    }
    if (plan.kind === 'fail') {
      if (!input.dryRun) journal.recordFailed(shipment, plan.message);
      return { key: order.name, action: 'failed', status: 'failed', error: { message: plan.message, hint: plan.hint } };
    }
    const changes = plan.requests.map((request) => changeOf(request));
    if (input.dryRun) return { key: order.name, action: 'update', status: 'planned', changes };
    journal.recordIntent(shipment);
    const ids: string[] = [];
    for (const request of plan.requests) ids.push(await createOnce(input, shipment, request));
    journal.recordDone(shipment, 'created', ids.filter(Boolean), input.clock.now());
    return { key: order.name, action: 'update', status: 'done', changes };
  } catch (error) {
    if (error instanceof AuthError) throw error;
    if (!input.dryRun) journal.recordFailed(shipment, errorMessage(error));
    const hint =
      (error as CliError).hint ??
      'It is retried on every run; check the order in the Shopify admin if it keeps failing.';
    return { key, action: 'failed', status: 'failed', error: { message: errorMessage(error), hint } };
  }
}

/**
 * fulfillmentCreate is not idempotent: when its answer is lost, the order is read again and the fulfilment counts as
 * made when the location's fulfilment orders closed with our tracking number on a fulfilment. Otherwise it fails for
 * this run and the journal's intent brings it back on the next, which decides again from Shopify's state.
 */
async function createOnce(
  input: FulfilmentsRunInput,
  shipment: FulfilmentIntent,
  request: FulfilmentRequest,
): Promise<string> {
  try {
    const result = await input.shopify.createFulfillment(request.input);
    if (result.userErrors.length > 0 || !result.fulfillment)
      throw new Error(`Shopify refused the fulfilment: ${result.userErrors.map((e) => e.message).join('; ')}`);
    return result.fulfillment.id;
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError)) throw error;
    await input.clock.sleep(input.settleMs ?? DEFAULT_SETTLE_MS);
    const after = await input.shopify.getOrderFulfilment(gidOf(shipment.shopifyId));
    const ids = new Set(request.input.lineItemsByFulfillmentOrder.map((row) => row.fulfillmentOrderId));
    const stillOpen = after?.fulfillmentOrders.some(
      (fo) => ids.has(fo.id) && fo.lines.some((l) => l.remainingQuantity > 0),
    );
    if (after && !stillOpen && hasTrackingNumber(after, shipment.trackingNumber)) return '';
    throw error;
  }
}

function changeOf(request: FulfilmentRequest) {
  const tracking = request.input.trackingInfo ?? {};
  return {
    fulfilledInShopify: {
      ...tracking,
      ...(request.locationName ? { location: request.locationName } : {}),
      notifyCustomer: request.input.notifyCustomer,
      lines: request.input.lineItemsByFulfillmentOrder.reduce(
        (sum, row) => sum + (row.fulfillmentOrderLineItems ?? []).reduce((s, l) => s + l.quantity, 0),
        0,
      ),
    },
  };
}

const gidOf = (shopifyId: string) => (shopifyId.startsWith('gid:') ? shopifyId : `gid://shopify/Order/${shopifyId}`);
