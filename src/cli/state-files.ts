import path from 'node:path';
import { IdSet } from '../sync/state/id-set.js';
import { CheckpointStore } from '../sync/state/checkpoint.js';
import { OrderLedger } from '../sync/state/order-ledger.js';
import { ProductLinks } from '../sync/state/product-links.js';
import type { Runtime } from './runtime.js';

/** The state files of a profile, all under <home>[/profiles/<name>]/state. */
export function productState(runtime: Runtime): { links: ProductLinks; pendingActivation: IdSet } {
  const dir = runtime.paths.stateDir;
  return { links: new ProductLinks(path.join(dir, 'product-links.json')), pendingActivation: new IdSet(path.join(dir, 'pending-activation.json')) };
}

export function orderState(runtime: Runtime): { ledger: OrderLedger; checkpoint: CheckpointStore } {
  const dir = runtime.paths.stateDir;
  return { ledger: new OrderLedger(path.join(dir, 'orders-ledger.jsonl')), checkpoint: new CheckpointStore(path.join(dir, 'orders-checkpoint.json')) };
}
