/**
 * Stock and metafield writes. All carry an idempotency key or are declarative, so HttpClient may retry them
 * after an unknown outcome (docs/house-style.md#6-pure-retry-decisions). userErrors come back as data.
 */
import { BugError, RemoteError } from '../core/errors.js';
import type { GraphqlTransport } from './graphql.js';
import { toLevels } from './map-product.js';
import { InventoryActivate, InventorySetQuantities, MetafieldsSet } from './operations/index.js';
import { MAX_INVENTORY_ROWS, METAFIELDS_PER_CALL } from './page-size.js';
import { chunk } from './paginate.js';
import { METAFIELD_NAMESPACE } from './product-set-input.js';
import type { InventoryWrite, InventoryWriteResult, MetafieldWrite, ShopifyInventoryLevel } from './types.js';
import { toUserErrors, type UserError } from './user-errors.js';

export interface MetafieldsSetResult {
  ok: boolean;
  userErrors: UserError[];
}

export interface InventoryActivateResult {
  ok: boolean;
  /** The level now active at the location (quantities kept from before, 2026-04+). */
  level?: ShopifyInventoryLevel;
  userErrors: UserError[];
}

export interface SetQuantitiesOptions {
  /** One key per logical change, reused across retries (docs/shopify-api.md#inventory); never empty. */
  idempotencyKey: string;
  /** e.g. gid://sentos-sync/SyncRun/<id> (docs/shopify-api.md#inventory referenceDocumentUri). */
  referenceDocumentUri: string;
}

/** image_sources holds a JSON array, product_id a plain string (what map-product.ts reads back). */
const METAFIELD_TYPES: Record<MetafieldWrite['key'], string> = {
  product_id: 'single_line_text_field',
  image_sources: 'json',
};

export async function metafieldsSet(gql: GraphqlTransport, rows: MetafieldWrite[]): Promise<MetafieldsSetResult> {
  const userErrors: UserError[] = [];
  for (const batch of chunk(rows, METAFIELDS_PER_CALL)) {
    const metafields = batch.map((row) => ({
      ownerId: row.ownerId,
      namespace: METAFIELD_NAMESPACE,
      key: row.key,
      type: METAFIELD_TYPES[row.key],
      value: row.value,
    }));
    // Setting a value is idempotent: the same rows converge to the same state.
    const { data } = await gql.execute(MetafieldsSet, { metafields }, { idempotent: true });
    if (!data.metafieldsSet) throw noPayload('MetafieldsSet');
    userErrors.push(...toUserErrors(data.metafieldsSet.userErrors));
  }
  return { ok: userErrors.length === 0, userErrors };
}

export async function activateInventory(
  gql: GraphqlTransport,
  inventoryItemId: string,
  locationId: string,
  idempotencyKey: string,
): Promise<InventoryActivateResult> {
  requireKey(idempotencyKey);
  const { data } = await gql.execute(
    InventoryActivate,
    { inventoryItemId, locationId, idempotencyKey },
    { idempotent: true },
  );
  const payload = data.inventoryActivate;
  if (!payload) throw noPayload('InventoryActivate');
  const userErrors = toUserErrors(payload.userErrors);
  const result: InventoryActivateResult = { ok: userErrors.length === 0, userErrors };
  if (payload.inventoryLevel)
    result.level = toLevels({ nodes: [payload.inventoryLevel], pageInfo: { hasNextPage: false } })[0];
  return result;
}

export async function setInventoryQuantities(
  gql: GraphqlTransport,
  rows: InventoryWrite[],
  options: SetQuantitiesOptions,
): Promise<InventoryWriteResult> {
  if (rows.length > MAX_INVENTORY_ROWS) {
    throw new BugError(
      `setInventoryQuantities takes at most ${MAX_INVENTORY_ROWS} rows, got ${rows.length}; chunk the batch.`,
    );
  }
  requireKey(options.idempotencyKey);
  if (rows.length === 0) return { ok: true, stale: [], userErrors: [] };
  // changeFromQuantity must always be present: null skips the compare (docs/shopify-api.md#pitfalls).
  const quantities = rows.map((r) => ({
    inventoryItemId: r.inventoryItemId,
    locationId: r.locationId,
    quantity: r.quantity,
    changeFromQuantity: r.changeFromQuantity,
  }));
  const variables = {
    quantities,
    referenceDocumentUri: options.referenceDocumentUri,
    idempotencyKey: options.idempotencyKey,
  };
  const { data } = await gql.execute(InventorySetQuantities, variables, { idempotent: true });
  if (!data.inventorySetQuantities) throw noPayload('InventorySetQuantities');
  const userErrors = toUserErrors(data.inventorySetQuantities.userErrors);
  return { ok: userErrors.length === 0, stale: staleRows(userErrors, rows), userErrors };
}

/**
 * CHANGE_FROM_QUANTITY_STALE: someone sold or adjusted since plan time; the caller re-reads
 * (docs/shopify-api.md#errors).
 */
function staleRows(userErrors: UserError[], rows: InventoryWrite[]): InventoryWriteResult['stale'] {
  return userErrors
    .filter((e) => e.code === 'CHANGE_FROM_QUANTITY_STALE')
    .flatMap((e) => {
      const row = rowOf(e.field, rows);
      return row ? [{ inventoryItemId: row.inventoryItemId, locationId: row.locationId }] : [];
    });
}

/**
 * userErrors point at the row by path, e.g. ["input", "quantities", "3", "changeFromQuantity"]
 * (docs/shopify-api.md#productset).
 */
function rowOf(field: string[] | undefined, rows: InventoryWrite[]): InventoryWrite | undefined {
  const at = field?.indexOf('quantities') ?? -1;
  const index = at >= 0 ? Number(field?.[at + 1]) : Number.NaN;
  return Number.isInteger(index) ? rows[index] : undefined;
}

/**
 * Shopify rejects an empty key (docs/shopify-api.md#inventory), and a missing one since 2026-04
 * (docs/shopify-api.md#pitfalls).
 */
function requireKey(key: string): void {
  if (key.trim() === '') throw new BugError('An inventory mutation needs a non-empty idempotency key.');
}

function noPayload(operation: string): RemoteError {
  return new RemoteError(`Shopify ${operation} returned no payload`, {
    service: 'shopify',
    code: 'UNEXPECTED_RESPONSE',
  });
}
