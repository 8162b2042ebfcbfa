import type { SentosClient } from '../../sentos/client.js';
import type { OrderAction } from '../orders/index.js';
import type { ReportItem } from '../report.js';

/**
 * A pushed order that changed in Shopify in ways PUT /orders/{id} cannot carry (src/sync/orders/edits.ts): the status
 * or
 * cargo PUT that can go out does, and the item reports every difference for a person to carry into Sentos. The ledger
 * keeps the hash it had, so the next run looks the order up again and reports it again until Sentos matches; it is
 * never "unchanged", and it is not a failure of the run (README "Edits after the push").
 */
export async function applyNeedsAttention(
  sentos: SentosClient,
  dryRun: boolean,
  base: { key: string; title?: string },
  action: OrderAction & { action: 'needs-attention' },
  acknowledged = false,
): Promise<ReportItem> {
  const changes = action.update ? [{ sentosId: action.sentosId, ...action.update }] : [];
  if (acknowledged) {
    // `orders --acknowledge`: the caller records the order's hash, so it is unchanged until Shopify changes it again.
    if (!dryRun && action.update) await sentos.updateOrder(action.sentosId, action.update);
    const reasons = [
      `acknowledged: Sentos order ${action.sentosId} is left as it is: ${action.differences.join('; ')}`,
    ];
    return { ...base, action: 'skip', status: dryRun ? 'planned' : 'skipped', reasons, changes };
  }
  const reasons = [
    `Sentos order ${action.sentosId} differs from Shopify where the API cannot update it; change it in the Sentos ` +
      'panel (it is reported on every run until it matches):',
    ...action.differences,
  ];
  if (!dryRun && action.update) await sentos.updateOrder(action.sentosId, action.update);
  const status = dryRun ? 'planned' : action.update ? 'done' : 'skipped';
  return { ...base, action: 'needs-attention', status, reasons, changes };
}

/** `--acknowledge` refs: the order name with or without '#', the numeric id or the gid. */
export function isAcknowledged(order: { name: string; legacyId: string; id: string }, refs: string[] = []): boolean {
  return refs.some((raw) => {
    const ref = raw.trim();
    return ref === order.name || `#${ref}` === order.name || ref === order.legacyId || ref === order.id;
  });
}
