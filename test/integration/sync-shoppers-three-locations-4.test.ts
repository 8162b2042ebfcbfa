import { shopperSuite } from './sync-shoppers-scenario.js';

/**
 * Three Shopify locations, one per Sentos warehouse. Sentos books an order at one warehouse (orders.warehouseId,
 * else its default) wherever Shopify sold it, so the oracle checks each location against the units sold there
 * and each SKU against all its units (see sync-stock-oracle.ts). Seeds 11–18 are spread over
 * sync-shoppers-three-locations-{1..4}.test.ts.
 */
shopperSuite('three locations', [17, 18], { perRequest: 0.4, runs: 3, unpaidShare: 0.2 });
