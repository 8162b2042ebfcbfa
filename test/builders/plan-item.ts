/** A planned product create, as the apply paths (bulk or per call) receive it. */
import type { ProductWrite } from '../../src/shopify/types.js';
import type { PlanItem } from '../../src/sync/products/types.js';

export function aPlanItem(key: string, productWrite?: ProductWrite, overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    key,
    sku: key,
    title: key,
    action: 'create',
    reasons: [],
    warnings: [],
    changes: [],
    stock: [],
    activate: false,
    ...(productWrite && { productWrite }),
    ...overrides,
  };
}
