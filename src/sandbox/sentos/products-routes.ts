/** GET /products, GET /products/:id, PUT /products/:id (docs/sentos-api.md#products). */
import { filtersFrom, isPaging, paginate, readPaging } from './paging.js';
import { applyProductUpdate } from './product-update.js';
import { json, message, type Route, type RouteContext } from './router.js';
import { serialiseProduct, type SerialiseContext } from './serialise.js';
import type { WireProduct } from './wire-types.js';
import { scalarText } from './wire-text.js';

function serialiser(ctx: RouteContext): (product: WireProduct) => unknown {
  const sctx: SerialiseContext = { quirks: ctx.options.quirks, warehouses: ctx.state.warehouses };
  return (product) => serialiseProduct(product, sctx);
}

/**
 * `sku` is an exact filter that matches the product SKU or any of its variant SKUs (docs/sentos-api.md#open-questions;
 * exact is the strict reading, and variant matching is what a by-SKU lookup needs). `orderby_id` sorts by id.
 */
function listProducts(ctx: RouteContext) {
  const filters = filtersFrom(ctx.query);
  const paging = readPaging(filters, { size: ctx.options.pageSizeDefault, max: ctx.options.pageSizeMax });
  if (!isPaging(paging)) return paging;
  let products: readonly WireProduct[] = ctx.state.products;
  const sku = filters['sku'];
  if (typeof sku === 'string' && sku !== '') {
    const hit = ctx.state.findBySku(sku);
    products = hit ? [hit.product] : [];
  }
  const order = scalarText(filters['orderby_id']).toUpperCase();
  if (order === 'ASC' || order === 'DESC') {
    const sign = order === 'ASC' ? 1 : -1;
    products = [...products].sort((a, b) => sign * (a.id - b.id));
  }
  return json(200, paginate(products, paging, serialiser(ctx)));
}

function getProduct(ctx: RouteContext) {
  const product = ctx.state.findProduct(Number(ctx.params['id']));
  // docs/sentos-api.md#product-lists-and-paging: the single product comes back as the object itself, not wrapped.
  return product ? json(200, serialiser(ctx)(product)) : message(404, 'Ürün bulunamadı');
}

function putProduct(ctx: RouteContext) {
  const product = ctx.state.findProduct(Number(ctx.params['id']));
  if (!product) return message(404, 'Ürün bulunamadı');
  const errors = applyProductUpdate(product, ctx.body, ctx.state, ctx.options.quirks);
  const { quirks } = ctx.options;
  if (errors) {
    // docs/sentos-api.md#errors-and-limits [V: SAL]: write validation may come back as 2xx with `errors` and `product:
    // []`.
    return quirks.productErrorsAs200
      ? json(200, { errors, message: null, product: [] })
      : message(422, Object.values(errors).flat().join('; '), { errors });
  }
  return json(200, {
    message: 'Ürün güncellendi',
    errors: quirks.emptyObjectsAsArrays ? [] : {},
    product: serialiser(ctx)(product),
  });
}

export const productRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/products', handle: listProducts },
  { method: 'GET', pattern: '/products/:id', handle: getProduct },
  { method: 'PUT', pattern: '/products/:id', handle: putProduct },
];
