import type { BulkErrorCode, BulkOperationRecord, BulkOperationStore } from '../bulk/operations.js';
import { activate, levelAt, quantityOf, setQuantity } from './inventory-ops.js';
import { cancelOrder, fulfillOrder, placeOrder, type PlaceOrderInput, type Tracking } from './order-ops.js';
import type { ShopifyStore } from './store.js';
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
  ) {}

  /** Bulk query operations, newest first. */
  get bulkOperations(): BulkOperationRecord[] {
    return this.bulk.list();
  }

  /** End a bulk operation the way Shopify may: FAILED (with its code), CANCELED or EXPIRED. */
  settleBulkOperation(id: string, status: 'FAILED' | 'CANCELED' | 'EXPIRED', errorCode?: BulkErrorCode): void {
    this.bulk.settle(id, status, errorCode ?? null);
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

  placeOrder(input: PlaceOrderInput): OrderRecord {
    return placeOrder(this.store, input);
  }

  cancelOrder(id: string): OrderRecord {
    return cancelOrder(this.store, id);
  }

  fulfillOrder(id: string, tracking: Tracking): OrderRecord {
    return fulfillOrder(this.store, id, tracking);
  }
}
