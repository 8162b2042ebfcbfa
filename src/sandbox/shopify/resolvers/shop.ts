import { paginate, paginateList, type SortKey } from '../connection.js';
import { warnSearch, type ResolverMap } from '../context.js';
import { filterBySearch, matchAnyOf, matchLegacyId, type TermMatcher } from '../search-query.js';
import { SUPPORTED_VERSIONS } from '../schema-loader.js';
import type { ShopRecord } from '../state/store.js';
import type { LocationRecord } from '../state/types.js';
import { levelsAtLocation } from './inventory-types.js';

/** Shop, API versions and locations (docs/shopify-api.md#shop-and-locations). */
const LOCATION_MATCHERS: Record<string, TermMatcher<LocationRecord>> = {
  name: (location, term) => location.name.toLowerCase().includes(term.value.toLowerCase()),
  id: (location, term) => matchLegacyId(location.legacyId, term),
  location_id: (location, term) => matchLegacyId(location.legacyId, term),
  active: (location, term) => matchAnyOf(String(location.isActive), term),
  city: (location, term) => matchAnyOf(location.address.city, term),
};

export const shopResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_source, _args, ctx) => ctx.store.shop,
    publicApiVersions: () => [
      { handle: '2026-04', displayName: '2026-04', supported: true },
      ...[...SUPPORTED_VERSIONS].reverse().map((handle) => ({
        handle,
        displayName: handle === '2026-10' ? '2026-10 (Latest)' : handle,
        supported: true,
      })),
      { handle: '2027-01', displayName: '2027-01 (Release candidate)', supported: false },
      { handle: 'unstable', displayName: 'unstable', supported: false },
    ],
    locations: (_source, args, ctx, info) => {
      const visible = ctx.store.locations.filter((location) => location.isActive || args.includeInactive);
      const matched = filterBySearch(visible, args.query, LOCATION_MATCHERS, warnSearch(ctx, info));
      const key = (location: LocationRecord): SortKey =>
        args.sortKey === 'ID' ? [location.legacyId, location.legacyId] : [location.name, location.legacyId];
      return paginate(matched, key, args);
    },
    /** Without an id Shopify returns the shop's primary location. */
    location: (_source, args, ctx) =>
      (args.id ? ctx.store.locations.find((location) => location.id === args.id) : ctx.store.locations[0]) ?? null,
  },
  Shop: {
    plan: () => ({ publicDisplayName: 'Basic', shopifyPlus: false, partnerDevelopment: true }),
    weightUnit: () => 'KILOGRAMS',
    taxesIncluded: () => true,
    url: (shop: ShopRecord) => `https://${shop.myshopifyDomain}`,
    contactEmail: (shop: ShopRecord) => shop.email,
    enabledPresentmentCurrencies: () => ['TRY', 'EUR'],
    timezoneAbbreviation: () => 'GMT+3',
    timezoneOffset: () => '+0300',
    timezoneOffsetMinutes: () => 180,
  },
  Location: {
    legacyResourceId: (location: LocationRecord) => String(location.legacyId),
    address: (location: LocationRecord) => ({
      ...location.address,
      formatted: [
        location.address.address1,
        `${location.address.zip} ${location.address.city}/${location.address.province}`,
        location.address.country,
      ],
    }),
    hasActiveInventory: (location: LocationRecord, _args, ctx) =>
      levelsAtLocation(ctx.store, location.id, false).length > 0,
    shipsInventory: () => true,
    isFulfillmentService: () => false,
    fulfillmentService: () => null,
    activatable: (location: LocationRecord) => !location.isActive,
    deactivatable: (location: LocationRecord) => location.isActive,
    deletable: () => false,
    deactivatedAt: () => null,
    addressVerified: () => true,
    hasUnfulfilledOrders: () => false,
    inventoryLevels: (location: LocationRecord, args, ctx) =>
      paginateList(levelsAtLocation(ctx.store, location.id, Boolean(args.includeInactive)), args),
    inventoryLevel: (location: LocationRecord, args, ctx) =>
      levelsAtLocation(ctx.store, location.id, Boolean(args.includeInactive)).find(
        (level) => level.itemId === args.inventoryItemId,
      ) ?? null,
  },
};
