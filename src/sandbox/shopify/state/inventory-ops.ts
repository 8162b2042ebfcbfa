import type { ShopifyStore } from './store.js';
import type { InventoryItemRecord, InventoryLevelRecord, LevelQuantities, LocationRecord } from './types.js';

/**
 * Inventory model (docs/shopify-api.md#inventory): one level per item and location, named quantities, and on_hand =
 * available + committed + the unavailable states [V: third-party restatement; I].
 */
export const QUANTITY_NAMES = [
  'available',
  'committed',
  'damaged',
  'incoming',
  'on_hand',
  'quality_control',
  'reserved',
  'safety_stock',
] as const;

export type QuantityName = (typeof QUANTITY_NAMES)[number];

export function isQuantityName(name: string): name is QuantityName {
  return (QUANTITY_NAMES as readonly string[]).includes(name);
}

export function emptyQuantities(): LevelQuantities {
  return { available: 0, committed: 0, incoming: 0, reserved: 0, damaged: 0, safety_stock: 0, quality_control: 0 };
}

export function quantityOf(level: InventoryLevelRecord, name: QuantityName): number {
  const q = level.quantities;
  if (name === 'on_hand')
    return q.available + q.committed + q.reserved + q.damaged + q.safety_stock + q.quality_control;
  return q[name];
}

/** Absolute set of `available` or `on_hand`; setting on_hand moves available by the same delta. */
export function setQuantity(
  level: InventoryLevelRecord,
  name: 'available' | 'on_hand',
  quantity: number,
  now: string,
): number {
  const before = quantityOf(level, name);
  level.quantities.available += quantity - before;
  level.updatedAt = now;
  return quantity - before;
}

export function levelAt(item: InventoryItemRecord, locationId: string): InventoryLevelRecord | undefined {
  return item.levels.find((level) => level.locationId === locationId);
}

export function activeLevelAt(item: InventoryItemRecord, locationId: string): InventoryLevelRecord | undefined {
  const level = levelAt(item, locationId);
  return level?.isActive ? level : undefined;
}

/**
 * Stock an item at a location. A previously deactivated level keeps its quantities unless new ones are given
 * (since 2026-04: https://shopify.dev/changelog/inventoryactivate-now-preserves-available-quantity [V]).
 */
export function activate(
  store: ShopifyStore,
  item: InventoryItemRecord,
  location: LocationRecord,
  quantities: { available?: number | null; onHand?: number | null } = {},
): InventoryLevelRecord {
  const now = store.now();
  let level = levelAt(item, location.id);
  if (!level) {
    const { legacyId } = store.newId('InventoryLevel');
    level = {
      __typename: 'InventoryLevel',
      id: `gid://shopify/InventoryLevel/${legacyId}?inventory_item_id=${item.legacyId}`,
      itemId: item.id,
      locationId: location.id,
      isActive: true,
      quantities: emptyQuantities(),
      createdAt: now,
      updatedAt: now,
    };
    item.levels.push(level);
  }
  level.isActive = true;
  if (quantities.onHand !== undefined && quantities.onHand !== null)
    setQuantity(level, 'on_hand', quantities.onHand, now);
  if (quantities.available !== undefined && quantities.available !== null)
    setQuantity(level, 'available', quantities.available, now);
  level.updatedAt = now;
  return level;
}
