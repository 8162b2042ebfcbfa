/** Public API of the pure product-sync core: settings, planner, guard and stock-write helpers. */
export { DEFAULT_OWNED_FIELDS, DEFAULT_PRODUCT_SETTINGS, productSettings } from './settings.js';
export type { GuardSettings, OwnedFields, ProductSyncSettings } from './settings.js';
export type {
  ChangeValue,
  FieldChange,
  GuardTotals,
  MatchKind,
  PlanAction,
  PlanItem,
  PlanSummary,
  ProductPlan,
  StockChange,
  TitleSuggestion,
  UnmappedWarehouse,
} from './types.js';
export { planProducts, selectProducts, summarize, type PlanInput } from './plan.js';
export { checkGuard, type GuardCode, type GuardViolation } from './guard.js';
export { chunk, INVENTORY_BATCH_SIZE, planActivations, planToStockWrites, type Activation } from './stock-writes.js';
export { mapProduct, COLOR_OPTION, DEFAULT_OPTION, type MappedProduct, type MappedVariant } from './map.js';
export { matchProduct, sentosKeys, type MatchResult } from './match.js';
export { validateMapped, MAX_OPTIONS, MAX_VARIANTS } from './validate.js';
export { resolveLocations, stockRows, type LocationPlan } from './stock.js';
export { checkStockSetup, type StockSetup } from './stock-setup.js';
export { normalizeTitle, skuKey, slugify } from './text.js';
