import { shopperSuite } from './sync-shoppers-scenario.js';

/**
 * One Shopify location fed by every Sentos warehouse (the common Sentos shop): here the strict per-location
 * invariant is the whole truth, since Sentos books every order where Shopify sold it. Seeds 1–8 are spread
 * over sync-shoppers-one-location-{1..4}.test.ts.
 */
shopperSuite('one location', [5, 6], { locations: ['Merkez Depo'], perRequest: 0.4, runs: 3, unpaidShare: 0.2 });
