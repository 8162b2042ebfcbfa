import type { PlanItem, ProductPlan } from '../products/index.js';
import { capReasons } from '../products/reasons.js';
import type { ReportItem } from '../report.js';
import type { SentosSnapshot } from './sentos-snapshot.js';

/** How a products plan and its outcome read in the run report: items, stock rows, warnings. */
/** Sales that landed between the plan and the write (docs/architecture.md#no-oversell): kept, and said so. */
export function stockWarnings(stock: {
  rewrites: number;
  gaveUp: number;
  carried: Map<string, { soldDuringRun: number }>;
}): string[] {
  const warnings: string[] = [];
  if (stock.rewrites > 0) {
    const sold = [...stock.carried.values()].reduce((sum, c) => sum + c.soldDuringRun, 0);
    warnings.push(
      `Stock changed on Shopify between the plan and the write for ${stock.rewrites} row(s) (stale ` +
        `compare-and-set): re-read and written again with ${sold} unit(s) sold meanwhile kept off sale`,
    );
  }
  if (stock.gaveUp > 0)
    warnings.push(
      `${stock.gaveUp} stock row(s) kept changing on Shopify while we wrote them and were left as they are; the ` +
        `next run writes them again`,
    );
  return warnings;
}

type Carried = ReadonlyMap<string, { quantity: number; soldDuringRun: number }>;

export function reportItem(item: PlanItem, status: ReportItem['status'], carried?: Carried): ReportItem {
  return {
    key: item.sku,
    title: item.title,
    action: item.action,
    status,
    // Capped: reasons are grouped by kind already; this bounds the rest (never thousands of lines per item).
    reasons:
      [...item.reasons, ...item.warnings].length > 0 ? capReasons([...item.reasons, ...item.warnings]) : undefined,
    changes:
      item.changes.length > 0 || item.stock.length > 0
        ? [...item.changes, ...item.stock.map((s) => stockChange(s, carried))]
        : undefined,
  };
}

/** Sentos 10, pending 2 → 8; when sales landed mid-run, `to` is what was written and `soldDuringRun` says why. */
function stockChange(s: PlanItem['stock'][number], carried?: Carried) {
  const row = {
    field: 'stock',
    sku: s.sku,
    location: s.locationId,
    from: s.current ?? null,
    to: s.target,
    sentos: s.sentos,
    pending: s.pending,
    ...(s.reason ? { reason: s.reason } : {}),
  };
  const after = s.inventoryItemId ? carried?.get(`${s.inventoryItemId}|${s.locationId}`) : undefined;
  return after ? { ...row, to: after.quantity, planned: s.target, soldDuringRun: after.soldDuringRun } : row;
}

/**
 * A product that failed validation is a failure of this run (the summary counts it so): its status says so and
 * its error carries every reason, like an unreadable product, so a `--json` reader filtering on status sees it.
 */
export function invalidItem(item: PlanItem): ReportItem {
  return {
    ...reportItem(item, 'failed'),
    error: {
      message: `Not written: ${capReasons(item.reasons).join('; ')}`,
      hint: 'Fix the product in Sentos; the next run picks it up.',
    },
  };
}

/** Sentos products whose data could not be parsed at all: failed alone, with the reason. */
export function unreadableItems(snapshot: SentosSnapshot): ReportItem[] {
  return snapshot.invalid.map((bad) => ({
    key: bad.sku ?? bad.id ?? '?',
    ...(bad.name ? { title: bad.name } : {}),
    action: 'invalid',
    status: 'failed',
    reasons: [bad.reason],
    error: {
      message: `Sentos sent data that cannot be read: ${bad.reason}`,
      hint: 'Fix the product in Sentos; the next run picks it up.',
    },
  }));
}

export function planWarnings(plan: ProductPlan): string[] {
  const warnings = plan.unmappedWarehouses.map(
    (w) => `Sentos warehouse ${w.name} (${w.id}) is not written to Shopify: ${w.reason}`,
  );
  const vanished = plan.items.filter((i) => i.vanished);
  if (vanished.length > 0) {
    const named = vanished.slice(0, 5).map((i) => `${i.sku} "${i.title}"`);
    const more = vanished.length > 5 ? `, … and ${vanished.length - 5} more` : '';
    warnings.push(
      `${vanished.length} Shopify product(s) are no longer in Sentos (${named.join(', ')}${more}): ` +
        'their variants go to 0 available; nothing is deleted',
    );
  }
  for (const s of plan.suggestions.slice(0, 20))
    warnings.push(
      `Suggestion only: Sentos ${s.sku} "${s.title}" looks like Shopify "${s.shopifyTitle}" ` +
        `(${s.shopifyProductId}) but no SKU matches; nothing was done`,
    );
  return warnings;
}
