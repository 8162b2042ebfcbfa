import type { BulkErrorCode, BulkOperationRecord, BulkOperationStore } from '../bulk/operations.js';
import { activate, levelAt, quantityOf, setQuantity } from './inventory-ops.js';
import { applyOrderEdit, type OrderEdit } from './order-edits.js';
import { cancelOrder, fulfillOrder, placeOrder, type PlaceOrderInput, type Tracking } from './order-ops.js';
import type { ShopifyStore } from './store.js';
import type { WebhookHub } from '../webhooks/hub.js';
import type { InventoryItemRecord, LocationRecord, OrderRecord, ProductRecord, VariantRecord } from './types.js';

export interface LevelSnapshot {
  locationId: string;
  locationName: string;
  isActive: boolean;
  available: number;
  committed: number;
  on_hand: number;
}

/**
 * What tests see of the simulator (`sim.state`): the stored records for assertions, and helpers that act like
 * the shop's own channels (checkout, cancel, fulfil, a stock count) so sync tests can script the world.
 */
export class SimulatorState {
  constructor(
    readonly store: ShopifyStore,
    private readonly bulk: BulkOperationStore,
    private readonly webhooks?: WebhookHub,
  ) {}

  /** Bulk operations, queries and mutations, newest first. */
  get bulkOperations(): BulkOperationRecord[] {
    return this.bulk.list();
  }

  /**
   * End a bulk operation the way Shopify may: FAILED (with its code), CANCELED or EXPIRED. A bulk mutation keeps the
   * lines it ran so far behind partialDataUrl and runs no more.
   */
  settleBulkOperation(id: string, status: 'FAILED' | 'CANCELED' | 'EXPIRED', errorCode?: BulkErrorCode): void {
    this.bulk.settle(id, status, errorCode ?? null);
  }

  /** The next `count` bulkOperationRunMutation calls answer INTERNAL_FILE_SERVER_ERROR (intermittent; retry). */
  failNextBulkMutationRuns(count = 1): void {
    this.bulk.failNextMutationRuns(count);
  }

  /** What a bulk mutation was tagged with at bulkOperationRunMutation(clientIdentifier:); null when untagged. */
  bulkClientIdentifier(id: string): string | null | undefined {
    return this.bulk.clientIdentifier(id);
  }

  get products(): ProductRecord[] {
    return this.store.products;
  }

  get locations(): LocationRecord[] {
    return this.store.locations;
  }

  get orders(): OrderRecord[] {
    return this.store.orders;
  }

  get inventoryItems(): InventoryItemRecord[] {
    return [...this.store.inventoryItems.values()];
  }

  productByHandle(handle: string): ProductRecord | undefined {
    return this.store.productByHandle(handle);
  }

  /** The first (oldest) variant with exactly this SKU. */
  variantBySku(sku: string): VariantRecord | undefined {
    return this.store.variantsBySku(sku)[0];
  }

  inventoryItemBySku(sku: string): InventoryItemRecord | undefined {
    const variant = this.variantBySku(sku);
    return variant ? this.store.itemOf(variant) : undefined;
  }

  levels(sku: string): LevelSnapshot[] {
    const item = this.inventoryItemBySku(sku);
    return (item?.levels ?? []).map((level) => ({
      locationId: level.locationId,
      locationName: this.store.location(level.locationId)?.name ?? '',
      isActive: level.isActive,
      available: level.quantities.available,
      committed: level.quantities.committed,
      on_hand: quantityOf(level, 'on_hand'),
    }));
  }

  /** `available` at a location (gid or name); undefined when the item is not stocked there. */
  available(sku: string, locationId: string): number | undefined {
    const item = this.inventoryItemBySku(sku);
    const location = this.store.location(locationId);
    const level = item && location ? levelAt(item, location.id) : undefined;
    return level?.isActive ? level.quantities.available : undefined;
  }

  /** A stock count done in the Shopify admin: stocks the item there if needed. */
  setAvailable(sku: string, locationId: string, quantity: number): void {
    const item = this.inventoryItemBySku(sku);
    const location = this.store.location(locationId);
    if (!item) throw new Error(`setAvailable: no variant with SKU ${sku}`);
    if (!location) throw new Error(`setAvailable: unknown location ${locationId}`);
    setQuantity(activate(this.store, item, location), 'available', quantity, this.store.now());
  }

  /** Checkout; fires orders/create (and orders/paid when paid) to the webhook subscriptions. */
  placeOrder(input: PlaceOrderInput): OrderRecord {
    const order = placeOrder(this.store, input);
    this.emit(order, 'orders/create', ...(order.financialStatus === 'PAID' ? ['orders/paid'] : []));
    return order;
  }

  cancelOrder(id: string): OrderRecord {
    return this.emit(cancelOrder(this.store, id), 'orders/cancelled', 'orders/updated');
  }

  fulfillOrder(id: string, tracking: Tracking): OrderRecord {
    return this.emit(fulfillOrder(this.store, id, tracking), 'orders/fulfilled', 'orders/updated');
  }

  /**
   * An edit in the admin (note, lines added or removed, a refund, the address, taxes recalculated: order-edits.ts);
   * bumps updatedAt, fires orders/edited and orders/updated.
   */
  editOrder(id: string, changes: OrderEdit): OrderRecord {
    const order = this.store.orderById(id) ?? this.store.orders.find((o) => o.name === id);
    if (!order) throw new Error(`unknown order ${id}`);
    applyOrderEdit(this.store, order, changes);
    return this.emit(order, 'orders/edited', 'orders/updated');
  }

  private emit(order: OrderRecord, ...topics: string[]): OrderRecord {
    for (const topic of topics) this.webhooks?.emit(topic, order);
    return order;
  }
}
