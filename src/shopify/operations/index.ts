/**
 * Every GraphQL document the client sends. operations.test.ts validates each against the offline Admin
 * schemas and checks that every operation file is listed here, so no document escapes validation.
 */
import { BulkCatalogLevels, BulkCatalogProducts } from './bulk-catalog-export.js';
import { BulkMutationsSince, BulkOperationRunMutation, BulkProductSet, StagedUploadsCreate } from './bulk-import.js';
import { BulkOperationPoll } from './bulk-operation-poll.js';
import { BulkOperationRunQuery } from './bulk-operation-run-query.js';
import { CatalogCounts } from './catalog-counts.js';
import { FulfillmentCreate } from './fulfillment-create.js';
import { OrderFulfillmentOrders } from './fulfillment-orders.js';
import { InventoryActivate } from './inventory-activate.js';
import { InventoryLevelsByItems } from './inventory-levels-by-items.js';
import { InventorySetQuantities } from './inventory-set-quantities.js';
import { Locations } from './locations.js';
import { MetafieldsSet } from './metafields-set.js';
import type { OperationDocument } from './operation.js';
import { OrderLineItemsPage } from './order-line-items-page.js';
import { OrdersPage } from './orders-page.js';
import { ProductSet, ProductSetWithVariants, WrittenVariantsPage } from './product-set.js';
import { ProductStatusUpdate } from './product-status-update.js';
import { ProductVariantsPage } from './product-variants-page.js';
import { ProductsPage } from './products-page.js';
import { PublicApiVersions } from './public-api-versions.js';
import { RunContext } from './run-context.js';
import { ShopInfo } from './shop-info.js';
import { WebhookSubscriptionCreate, WebhookSubscriptionDelete, WebhookSubscriptions } from './webhook-subscriptions.js';

export {
  FulfillmentCreate,
  OrderFulfillmentOrders,
  BulkMutationsSince,
  BulkOperationRunMutation,
  BulkProductSet,
  StagedUploadsCreate,
  BulkCatalogLevels,
  BulkCatalogProducts,
  BulkOperationPoll,
  BulkOperationRunQuery,
  CatalogCounts,
  InventoryActivate,
  InventoryLevelsByItems,
  InventorySetQuantities,
  Locations,
  MetafieldsSet,
  OrderLineItemsPage,
  OrdersPage,
  ProductSet,
  ProductSetWithVariants,
  ProductStatusUpdate,
  ProductVariantsPage,
  ProductsPage,
  PublicApiVersions,
  RunContext,
  ShopInfo,
  WebhookSubscriptionCreate,
  WebhookSubscriptionDelete,
  WebhookSubscriptions,
  WrittenVariantsPage,
};

export const ALL_OPERATIONS: readonly OperationDocument[] = [
  ShopInfo,
  PublicApiVersions,
  Locations,
  CatalogCounts,
  RunContext,
  ProductsPage,
  ProductVariantsPage,
  InventoryLevelsByItems,
  BulkOperationRunQuery,
  BulkOperationPoll,
  BulkCatalogProducts,
  BulkCatalogLevels,
  StagedUploadsCreate,
  BulkOperationRunMutation,
  BulkProductSet,
  BulkMutationsSince,
  ProductSet,
  ProductSetWithVariants,
  WrittenVariantsPage,
  ProductStatusUpdate,
  MetafieldsSet,
  InventoryActivate,
  InventorySetQuantities,
  OrdersPage,
  OrderLineItemsPage,
  OrderFulfillmentOrders,
  FulfillmentCreate,
  WebhookSubscriptions,
  WebhookSubscriptionCreate,
  WebhookSubscriptionDelete,
];
