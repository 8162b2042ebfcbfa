import { goldenOrders } from '../../seed/golden-orders.js';
import { generateShopifyOrders, PLACEHOLDER_ITEMS } from '../../seed/orders.js';
import { gid } from '../gid.js';
import type { ResolvedOptions } from '../options.js';
import { addOrder } from './order-ops.js';
import { ShopifyStore } from './store.js';

/** Addresses for the default Turkish locations; extra names reuse the first. */
const ADDRESSES: Record<
  string,
  { address1: string; city: string; province: string; provinceCode: string; zip: string }
> = {
  'Merkez Depo': {
    address1: 'Aydınlı Mah. Organize Sanayi Cad. No: 7',
    city: 'Tuzla',
    province: 'İstanbul',
    provinceCode: 'TR-34',
    zip: '34953',
  },
  'İstanbul Mağaza': {
    address1: 'İstiklal Cad. No: 120',
    city: 'Beyoğlu',
    province: 'İstanbul',
    provinceCode: 'TR-34',
    zip: '34433',
  },
  'Ankara Mağaza': {
    address1: 'Tunalı Hilmi Cad. No: 88',
    city: 'Çankaya',
    province: 'Ankara',
    provinceCode: 'TR-06',
    zip: '06680',
  },
};

/** The store a simulator starts with: shop, locations and seeded orders; no products (the tool creates them). */
export function createSeededStore(options: ResolvedOptions): ShopifyStore {
  const slug =
    options.shopName
      .toLowerCase()
      .replace(/ğ/g, 'g')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sandbox';
  const store = new ShopifyStore(
    {
      __typename: 'Shop',
      id: gid('Shop', 60_000_000 + options.seed),
      name: options.shopName,
      myshopifyDomain: `${slug}.myshopify.com`,
      email: `info@${slug}.example.com`,
      currencyCode: 'TRY',
      ianaTimezone: 'Europe/Istanbul',
    },
    options.clock,
  );
  const created = new Date(options.clock() - 400 * 86_400_000).toISOString();
  for (const location of options.locations) {
    const address = ADDRESSES[location.name] ?? ADDRESSES['Merkez Depo'];
    store.locations.push({
      __typename: 'Location',
      ...store.newId('Location'),
      name: location.name,
      isActive: location.isActive,
      fulfillsOnlineOrders: true,
      address: { ...(address as NonNullable<typeof address>), country: 'Türkiye', countryCode: 'TR' },
      createdAt: created,
      updatedAt: created,
    });
  }
  const seeded = generateShopifyOrders({
    seed: options.seed,
    count: options.orders,
    items: options.orderItems,
    locations: store.locations,
    now: options.clock(),
  });
  for (const order of seeded) addOrder(store, order);
  if (options.goldenOrders) {
    const items = options.orderItems?.length ? options.orderItems : PLACEHOLDER_ITEMS;
    for (const golden of goldenOrders(items, options.clock())) addOrder(store, golden.order);
  }
  return store;
}
