import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Args, RequestContext, ResolverMap } from '../context.js';
import { isDecimalString } from '../decimal.js';
import { activate, activeLevelAt, levelAt, quantityOf, setQuantity } from '../state/inventory-ops.js';
import { idempotencyKeyOf, MISMATCH_MESSAGE } from './idempotency.js';
import type { AdjustmentGroupRecord } from './inventory-types.js';

/**
 * inventorySetQuantities, inventoryActivate, inventoryItemUpdate (docs/shopify-api.md#inventory). The whole
 * inventorySetQuantities call is validated first and applied only when no row has a problem.
 */
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);
/** docs/shopify-api.md#pitfalls: input arrays hold at most 250 items. */
const MAX_ROWS = 250;
const MAX_QUANTITY = 1_000_000_000;

interface QuantityRow {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  changeFromQuantity?: number | null;
}
/** InventorySetQuantitiesInput as the schema coerces it. */
interface SetQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: QuantityRow[];
}
interface UserErrorOut {
  field: string[];
  message: string;
  code?: string;
}

function keyFor(info: GraphQLResolveInfo): string {
  const key = idempotencyKeyOf(
    info.schema,
    info.fieldNodes[0] as NonNullable<(typeof info.fieldNodes)[0]>,
    info.variableValues,
  );
  if (!key) throw new Error('sandbox bug: @idempotent should have been checked before execution');
  return key;
}

function setQuantities(
  ctx: RequestContext,
  input: SetQuantitiesInput,
): { inventoryAdjustmentGroup: AdjustmentGroupRecord | null; userErrors: UserErrorOut[] } {
  const rows = input.quantities;
  const errors = validateSet(ctx, input, rows);
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const now = ctx.store.now();
  const name = input.name as 'available' | 'on_hand';
  const changes: AdjustmentGroupRecord['changes'] = [];
  for (const row of rows) {
    const item = ctx.store.inventoryItems.get(row.inventoryItemId);
    const location = ctx.store.location(row.locationId);
    if (!item || !location) continue;
    const level = activeLevelAt(item, location.id) ?? activate(ctx.store, item, location);
    const delta = setQuantity(level, name, row.quantity, now);
    const ledger = input.referenceDocumentUri ?? null;
    changes.push({
      name,
      delta,
      quantityAfterChange: row.quantity,
      itemId: item.id,
      locationId: location.id,
      ledgerDocumentUri: ledger,
    });
    // Setting one of available/on_hand moves the other by the same delta; the group reports both.
    const other = name === 'available' ? 'on_hand' : 'available';
    changes.push({
      name: other,
      delta,
      quantityAfterChange: quantityOf(level, other),
      itemId: item.id,
      locationId: location.id,
      ledgerDocumentUri: ledger,
    });
    item.updatedAt = now;
  }
  const group: AdjustmentGroupRecord = {
    __typename: 'InventoryAdjustmentGroup',
    id: ctx.store.newId('InventoryAdjustmentGroup').id,
    createdAt: now,
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes,
  };
  return { inventoryAdjustmentGroup: group, userErrors: [] };
}

function validateSet(ctx: RequestContext, input: SetQuantitiesInput, rows: QuantityRow[]): UserErrorOut[] {
  const errors: UserErrorOut[] = [];
  if (input.name !== 'available' && input.name !== 'on_hand') {
    errors.push({
      code: 'INVALID_NAME',
      field: ['input', 'name'],
      message: "The quantity name must be either 'available' or 'on_hand'.",
    });
  }
  if (!REASONS.has(input.reason))
    errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The specified reason is invalid.' });
  const uri = input.referenceDocumentUri;
  if (uri !== undefined && uri !== null && !/^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(uri)) {
    errors.push({
      code: 'INVALID_REFERENCE_DOCUMENT',
      field: ['input', 'referenceDocumentUri'],
      message: 'The specified reference document is invalid.',
    });
  }
  const seen = new Set<string>();
  rows.forEach((row, index) => errors.push(...validateRow(ctx, input.name, row, String(index), seen)));
  return errors;
}

function validateRow(
  ctx: RequestContext,
  name: string,
  row: QuantityRow,
  index: string,
  seen: Set<string>,
): UserErrorOut[] {
  const field = (...rest: string[]) => ['input', 'quantities', index, ...rest];
  const item = ctx.store.inventoryItems.get(row.inventoryItemId);
  const location = ctx.store.location(row.locationId);
  if (!item)
    return [
      {
        code: 'INVALID_INVENTORY_ITEM',
        field: field('inventoryItemId'),
        message: 'The specified inventory item could not be found.',
      },
    ];
  if (!location || location.id !== row.locationId)
    return [
      { code: 'INVALID_LOCATION', field: field('locationId'), message: 'The specified location could not be found.' },
    ];
  const pair = `${item.id}|${location.id}`;
  if (seen.has(pair)) {
    return [
      {
        code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
        field: field(),
        message: 'The combination of inventoryItemId and locationId must be unique.',
      },
    ];
  }
  seen.add(pair);
  if (row.quantity < 0)
    return [
      { code: 'INVALID_QUANTITY_NEGATIVE', field: field('quantity'), message: "The quantity can't be negative." },
    ];
  if (row.quantity > MAX_QUANTITY)
    return [
      {
        code: 'INVALID_QUANTITY_TOO_HIGH',
        field: field('quantity'),
        message: "The quantity can't be higher than 1,000,000,000.",
      },
    ];
  const level = activeLevelAt(item, location.id);
  // 2026-10 removed ITEM_NOT_STOCKED_AT_LOCATION: stock can be set at any location (docs/shopify-api.md#inventory,
  // docs/shopify-api.md#version-differences).
  if (!level && ctx.version === '2026-07') {
    return [
      {
        code: 'ITEM_NOT_STOCKED_AT_LOCATION',
        field: field('locationId'),
        message: 'The specified inventory item is not stocked at the location.',
      },
    ];
  }
  const current = level && (name === 'available' || name === 'on_hand') ? quantityOf(level, name) : 0;
  if (row.changeFromQuantity !== null && row.changeFromQuantity !== undefined && row.changeFromQuantity !== current) {
    return [
      {
        code: 'CHANGE_FROM_QUANTITY_STALE',
        field: field('changeFromQuantity'),
        message: 'The changeFromQuantity argument no longer matches the persisted quantity.',
      },
    ];
  }
  return [];
}

/**
 * changeFromQuantity must be present on every row from 2026-04 (null opts out); shape of a live error
 * (docs/shopify-api.md#pitfalls).
 */
function requireChangeFrom(rows: QuantityRow[]): void {
  if (rows.length > MAX_ROWS) {
    throw new GraphQLError(
      `The input array size of ${rows.length} is greater than the maximum allowed of ${MAX_ROWS}.`,
      {
        extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
      },
    );
  }
  if (rows.some((row) => !Object.prototype.hasOwnProperty.call(row, 'changeFromQuantity'))) {
    throw new GraphQLError('InventoryQuantityInput must include the following argument: changeFromQuantity.', {
      extensions: { code: 'INVALID_FIELD_ARGUMENTS' },
    });
  }
}

function activateItem(ctx: RequestContext, args: Args): { inventoryLevel: unknown; userErrors: UserErrorOut[] } {
  const item = ctx.store.inventoryItems.get(args.inventoryItemId);
  if (!item)
    return {
      inventoryLevel: null,
      userErrors: [{ field: ['inventoryItemId'], message: 'Inventory item does not exist' }],
    };
  const location = ctx.store.locations.find((candidate) => candidate.id === args.locationId);
  if (!location)
    return { inventoryLevel: null, userErrors: [{ field: ['locationId'], message: 'Location does not exist' }] };
  if (!location.isActive)
    return { inventoryLevel: null, userErrors: [{ field: ['locationId'], message: 'Location is not active' }] };
  const wasActive = Boolean(levelAt(item, location.id)?.isActive);
  const level = activate(ctx.store, item, location, { available: args.available, onHand: args.onHand });
  if (!wasActive) item.updatedAt = ctx.store.now();
  return { inventoryLevel: level, userErrors: [] };
}

export const inventoryMutationResolvers: ResolverMap = {
  Mutation: {
    inventorySetQuantities: (_source, args, ctx, info) => {
      // graphql-js has coerced `input` to InventorySetQuantitiesInput!, so its shape is the schema's.
      const input = args.input as SetQuantitiesInput;
      requireChangeFrom(input.quantities);
      const outcome = ctx.idempotency.run(keyFor(info), 'inventorySetQuantities', args, () =>
        setQuantities(ctx, input),
      );
      if (outcome.kind === 'mismatch') {
        return {
          inventoryAdjustmentGroup: null,
          userErrors: [{ code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', field: null, message: MISMATCH_MESSAGE }],
        };
      }
      return outcome.result;
    },
    inventoryActivate: (_source, args, ctx, info) => {
      const outcome = ctx.idempotency.run(keyFor(info), 'inventoryActivate', args, () => activateItem(ctx, args));
      return outcome.kind === 'mismatch'
        ? { inventoryLevel: null, userErrors: [{ field: null, message: MISMATCH_MESSAGE }] }
        : outcome.result;
    },
    inventoryItemUpdate: (_source, args, ctx) => {
      const item = ctx.store.inventoryItems.get(args.id);
      if (!item)
        return { inventoryItem: null, userErrors: [{ field: ['id'], message: 'Inventory item does not exist' }] };
      const input = args.input as {
        tracked?: boolean | null;
        requiresShipping?: boolean | null;
        cost?: string | null;
        sku?: string | null;
      };
      if (input.cost !== undefined && input.cost !== null && !isDecimalString(input.cost)) {
        return { inventoryItem: null, userErrors: [{ field: ['input', 'cost'], message: 'Cost is invalid' }] };
      }
      if (typeof input.tracked === 'boolean') item.tracked = input.tracked;
      if (typeof input.requiresShipping === 'boolean') item.requiresShipping = input.requiresShipping;
      if (input.cost !== undefined) item.cost = input.cost;
      const variant = ctx.store.variantById(item.variantId);
      if (variant && input.sku !== undefined) variant.sku = input.sku;
      item.updatedAt = ctx.store.now();
      return { inventoryItem: item, userErrors: [] };
    },
  },
};
