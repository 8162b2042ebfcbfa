import { GraphQLError } from 'graphql';
import { paginate, paginateList } from '../connection.js';
import { warnSearch, type ResolverMap } from '../context.js';
import { filterBySearch, matchLegacyId, matchTime, type TermMatcher } from '../search-query.js';
import { isQuantityName, quantityOf } from '../state/inventory-ops.js';
import type { ShopifyStore } from '../state/store.js';
import type { InventoryItemRecord, InventoryLevelRecord } from '../state/types.js';

/** Inventory items, levels and named quantities (docs/shopify-api.md#inventory). */
export interface AdjustmentGroupRecord {
  __typename: 'InventoryAdjustmentGroup';
  id: string;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  changes: Array<{
    name: string;
    delta: number;
    quantityAfterChange: number;
    itemId: string;
    locationId: string;
    ledgerDocumentUri: string | null;
  }>;
}

export function levelsAtLocation(
  store: ShopifyStore,
  locationId: string,
  includeInactive: boolean,
): InventoryLevelRecord[] {
  return [...store.inventoryItems.values()]
    .flatMap((item) => item.levels)
    .filter((level) => level.locationId === locationId && (includeInactive || level.isActive));
}

function skuOf(store: ShopifyStore, item: InventoryItemRecord): string | null {
  return store.variantById(item.variantId)?.sku ?? null;
}

function itemMatchers(nowMs: number): Record<string, TermMatcher<{ item: InventoryItemRecord; sku: string | null }>> {
  return {
    sku: ({ sku }, term) => sku === term.value,
    id: ({ item }, term) => matchLegacyId(item.legacyId, term),
    updated_at: ({ item }, term) => matchTime(item.updatedAt, term, nowMs),
  };
}

export const inventoryTypeResolvers: ResolverMap = {
  QueryRoot: {
    inventoryItem: (_source, args, ctx) => ctx.store.inventoryItems.get(args.id) ?? null,
    inventoryLevel: (_source, args, ctx) => ctx.store.levelById(args.id) ?? null,
    inventoryItems: (_source, args, ctx, info) => {
      const rows = [...ctx.store.inventoryItems.values()].map((item) => ({ item, sku: skuOf(ctx.store, item) }));
      const matched = filterBySearch(rows, args.query, itemMatchers(ctx.store.nowMs()), warnSearch(ctx, info)).map(
        (row) => row.item,
      );
      return paginate(matched, (item) => [item.legacyId, item.legacyId], args);
    },
  },
  InventoryItem: {
    legacyResourceId: (item: InventoryItemRecord) => String(item.legacyId),
    sku: (item: InventoryItemRecord, _args, ctx) => skuOf(ctx.store, item),
    /** Other items with the same (case-sensitive) SKU (docs/shopify-api.md#finding-a-variant-by-sku). */
    duplicateSkuCount: (item: InventoryItemRecord, _args, ctx) => {
      const sku = skuOf(ctx.store, item);
      return sku ? ctx.store.variantsBySku(sku).length - 1 : 0;
    },
    inventoryLevels: (item: InventoryItemRecord, args) =>
      paginateList(
        item.levels.filter((level) => args.includeInactive || level.isActive),
        args,
      ),
    inventoryLevel: (item: InventoryItemRecord, args) =>
      item.levels.find((level) => level.locationId === args.locationId && (args.includeInactive || level.isActive)) ??
      null,
    variant: (item: InventoryItemRecord, _args, ctx) => ctx.store.variantById(item.variantId) ?? null,
    variants: (item: InventoryItemRecord, args, ctx) =>
      paginateList([ctx.store.variantById(item.variantId)].filter(Boolean), args),
    unitCost: (item: InventoryItemRecord, _args, ctx) =>
      item.cost === null ? null : { amount: item.cost, currencyCode: ctx.store.shop.currencyCode },
    locationsCount: (item: InventoryItemRecord) => ({
      count: item.levels.filter((level) => level.isActive).length,
      precision: 'EXACT',
    }),
    measurement: (item: InventoryItemRecord) => ({
      id: item.id.replace('InventoryItem', 'InventoryItemMeasurement'),
      weight: { value: 0, unit: 'KILOGRAMS' },
    }),
    trackedEditable: () => ({ locked: false, reason: null }),
    countryHarmonizedSystemCodes: (_item, args) => paginateList([], args),
  },
  InventoryLevel: {
    location: (level: InventoryLevelRecord, _args, ctx) => ctx.store.location(level.locationId),
    item: (level: InventoryLevelRecord, _args, ctx) => ctx.store.inventoryItems.get(level.itemId),
    canDeactivate: () => true,
    deactivationAlert: () => null,
    quantities: (level: InventoryLevelRecord, args) =>
      (args.names as string[]).map((name) => {
        if (!isQuantityName(name)) {
          throw new GraphQLError(
            `Invalid quantity name: ${name}. Valid names: available, committed, damaged, incoming, on_hand, ` +
              `quality_control, reserved, safety_stock.`,
            {
              extensions: { code: 'BAD_REQUEST' },
            },
          );
        }
        return {
          id: `gid://shopify/InventoryQuantity/${level.id.split('/').pop()}&name=${name}`,
          name,
          quantity: quantityOf(level, name),
          updatedAt: level.updatedAt,
        };
      }),
  },
  InventoryAdjustmentGroup: {
    changes: (group: AdjustmentGroupRecord, args) =>
      group.changes.filter(
        (change) =>
          (!args.inventoryItemIds || args.inventoryItemIds.includes(change.itemId)) &&
          (!args.locationIds || args.locationIds.includes(change.locationId)) &&
          (!args.quantityNames || args.quantityNames.includes(change.name)),
      ),
    app: () => null,
    staffMember: () => null,
  },
  InventoryChange: {
    item: (change: AdjustmentGroupRecord['changes'][number], _args, ctx) =>
      ctx.store.inventoryItems.get(change.itemId) ?? null,
    location: (change: AdjustmentGroupRecord['changes'][number], _args, ctx) =>
      ctx.store.location(change.locationId) ?? null,
  },
};
