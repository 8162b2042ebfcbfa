import path from 'node:path';
import { BulkJournal } from '../sync/state/bulk-journal.js';
import { IdSet } from '../sync/state/id-set.js';
import { CheckpointStore } from '../sync/state/checkpoint.js';
import { FulfilmentJournal } from '../sync/state/fulfilment-journal.js';
import { LineLocationCache } from '../sync/state/line-location-cache.js';
import { OrderLedger } from '../sync/state/order-ledger.js';
import { ProductLinks } from '../sync/state/product-links.js';
import { SkuIndex } from '../sync/state/sku-index.js';
import type { Runtime } from './runtime.js';

/**
 * The state files of a profile, all under <home>[/profiles/<name>]/state. Loaded once per run (per runtime):
 * the phases of `sync` share one ledger in memory instead of re-reading the file.
 */
interface OrderState {
  ledger: OrderLedger;
  checkpoint: CheckpointStore;
  /** Shipments from Sentos fulfilled in Shopify (src/sync/state/fulfilment-journal.ts). */
  fulfilments: FulfilmentJournal;
  /** Where order lines ship, read once per order (src/sync/state/line-location-cache.ts). */
  lineLocations: LineLocationCache;
}

const orderStates = new WeakMap<Runtime, OrderState>();

export function productState(runtime: Runtime): {
  links: ProductLinks;
  pendingActivation: IdSet;
  bulkJournal: BulkJournal;
} {
  const dir = runtime.paths.stateDir;
  return {
    links: new ProductLinks(path.join(dir, 'product-links.json')),
    pendingActivation: new IdSet(path.join(dir, 'pending-activation.json')),
    bulkJournal: new BulkJournal(path.join(dir, 'bulk-imports.json')),
  };
}

export function orderState(runtime: Runtime): OrderState {
  const known = orderStates.get(runtime);
  if (known) return known;
  const dir = runtime.paths.stateDir;
  const state = {
    ledger: new OrderLedger(path.join(dir, 'orders-ledger.jsonl')),
    checkpoint: new CheckpointStore(path.join(dir, 'orders-checkpoint.json')),
    fulfilments: new FulfilmentJournal(path.join(dir, 'fulfilments.jsonl')),
    lineLocations: new LineLocationCache(path.join(dir, 'line-locations.json')),
  };
  orderStates.set(runtime, state);
  return state;
}

/** The Sentos SKU index a catalog read writes and `orders` reads (src/sync/state/sku-index.ts). */
export function skuIndex(runtime: Runtime): SkuIndex {
  return new SkuIndex(path.join(runtime.paths.stateDir, 'sentos-skus.json'));
}
