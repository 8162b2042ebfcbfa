/**
 * GET /warehouses, /categories, /sales-channels, /platforms
 * (docs/sentos-api.md#warehouses-categories-and-sales-channels): bare arrays / objects.
 */
import { json, type Route, type RouteContext } from './router.js';

/**
 * docs/sentos-api.md#warehouses-categories-and-sales-channels: group key → [{id, name}]. Key names disagree between
 * sources ([I]); these follow SAL's mock.
 */
const PLATFORMS = {
  'e-commerce': [
    { id: 1, name: 'Shopify' },
    { id: 2, name: 'B2C Web' },
  ],
  marketplace: [
    { id: 3, name: 'Trendyol' },
    { id: 4, name: 'Hepsiburada' },
    { id: 5, name: 'N11' },
  ],
};

export const referenceRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/warehouses', handle: (ctx: RouteContext) => json(200, ctx.state.warehouses) },
  { method: 'GET', pattern: '/categories', handle: (ctx: RouteContext) => json(200, ctx.state.categories) },
  { method: 'GET', pattern: '/sales-channels', handle: (ctx: RouteContext) => json(200, ctx.state.salesChannels) },
  { method: 'GET', pattern: '/platforms', handle: () => json(200, PLATFORMS) },
];
