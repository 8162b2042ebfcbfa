import { proposeWarehouseMap, type WarehouseMapProposal } from '../../sync/setup/warehouse-map.js';
import type { Runtime } from '../runtime.js';
import { sentosClientFor, shopifyClientFor } from '../services.js';
import { shellQuote } from '../shell-quote.js';

/** Reads both lists (one cheap call each) and proposes the map. */
export async function readWarehouseProposal(runtime: Runtime): Promise<WarehouseMapProposal> {
  const config = runtime.config();
  const [locations, warehouses] = await Promise.all([
    shopifyClientFor(runtime, config, () => {}).listLocations(),
    sentosClientFor(runtime, config, () => {}).listWarehouses(),
  ]);
  return proposeWarehouseMap(
    warehouses,
    locations.filter((l) => l.isActive),
  );
}

/** The proposal as the admin reviews it, one warehouse a line. */
export function describeProposal(proposal: WarehouseMapProposal): string {
  if (proposal.mode === 'no-locations') return 'The shop has no active location: stock cannot be written.';
  if (proposal.mode === 'single-location') {
    const name = proposal.matches[0]?.location?.name ?? 'the only location';
    return `One active location: every Sentos warehouse is summed into ${name} (no map needed).`;
  }
  const lines = proposal.matches.map((m) => {
    if (!m.location) return `  ${m.warehouse.name} → (no similar location: not written to Shopify)`;
    const ties = m.ties.length ? `   (as likely: ${m.ties.map((t) => t.name).join(', ')}; check)` : '';
    return `  ${m.warehouse.name} → ${m.location.name}${ties}`;
  });
  return ['Sentos warehouse → Shopify location (proposed by name):', ...lines].join('\n');
}

export function mapCommand(value: string): string {
  return `sentos-sync config set products.warehouseMap ${shellQuote(value)}`;
}
