/**
 * The safety guard: the CLI aborts before any write on a violation unless --force. It catches an empty or broken Sentos
 * read before it can rewrite the catalog or zero the stock of a live store.
 */
import type { GuardSettings } from './settings.js';
import type { GuardTotals, ProductPlan } from './types.js';

export type GuardCode = 'empty-read' | 'change-share' | 'zero-stock-share' | 'look-alike-creates';

/** More creates than this that look like existing Shopify products stop a real run: likely duplicates. */
export const MAX_LOOK_ALIKE_CREATES = 3;

export interface GuardViolation {
  code: GuardCode;
  message: string;
  share?: number;
  limit?: number;
}

export function checkGuard(
  plan: ProductPlan,
  guard: GuardSettings,
  totals: GuardTotals = plan.totals,
): GuardViolation[] {
  const violations: GuardViolation[] = [];
  if (totals.sentosProducts === 0) {
    violations.push({ code: 'empty-read', message: 'the Sentos read returned no products' });
  }
  // Creates are not counted: they cannot damage what is already in the store.
  // Content rewrites (productSet) count here; stock-only updates are judged by the zero-stock rule below, so
  // a first run stopped before its stock writes can still be finished without --force.
  const rewritten = plan.items.filter((item) => item.action === 'update' && item.productWrite !== undefined).length;
  const changeShare = share(rewritten, totals.existingProducts);
  if (changeShare > guard.maxChangeShare) {
    violations.push({
      code: 'change-share',
      message:
        `${rewritten} of ${totals.existingProducts} existing products would be rewritten ` +
        `(${percent(changeShare)} > ${percent(guard.maxChangeShare)})`,
      share: changeShare,
      limit: guard.maxChangeShare,
    });
  }
  const zeroed = zeroedVariants(plan);
  const zeroShare = share(zeroed, totals.existingVariants);
  if (zeroShare > guard.maxZeroStockShare) {
    violations.push({
      code: 'zero-stock-share',
      message:
        `${zeroed} of ${totals.existingVariants} existing variants would go from stock to zero ` +
        `(${percent(zeroShare)} > ${percent(guard.maxZeroStockShare)})`,
      share: zeroShare,
      limit: guard.maxZeroStockShare,
    });
  }
  const lookAlikes = new Set(plan.suggestions.map((s) => s.sentosId)).size;
  if (lookAlikes > MAX_LOOK_ALIKE_CREATES) {
    violations.push({
      code: 'look-alike-creates',
      message:
        `${lookAlikes} new products have the title of an existing Shopify product without a common SKU ` +
        `(possible duplicates; more than ${MAX_LOOK_ALIKE_CREATES})`,
    });
  }
  return violations;
}

/** Variants with at least one location going from > 0 to 0. */
function zeroedVariants(plan: ProductPlan): number {
  const skus = new Set<string>();
  for (const item of plan.items) {
    for (const row of item.stock) if ((row.current ?? 0) > 0 && row.target === 0) skus.add(row.sku);
  }
  return skus.size;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}
