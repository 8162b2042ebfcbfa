import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  buildClientSchema,
  coerceInputValue,
  isInputType,
  Kind,
  parse,
  typeFromAST,
  validate,
  visit,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as sizes from '../page-size.js';
import { toProductSetInput } from '../product-set-input.js';
import { estimateQueryCost } from './estimate-cost.js';
import { bulkCatalogProductsDocument } from './bulk-catalog-export.js';
import { ALL_OPERATIONS } from './index.js';
import { isOperationDocument } from './operation.js';

const here = new URL('.', import.meta.url);
const schemaDir = new URL('../../sandbox/shopify/schema/', import.meta.url);
/** Files in this folder that hold helpers, not operations. */
const NOT_OPERATIONS = new Set([
  'index.ts',
  'operation.ts',
  'wire.ts',
  'order-wire.ts',
  'estimate-cost.ts',
  'predict-cost.ts',
]);

function loadSchema(version: string): GraphQLSchema {
  const gz = readFileSync(fileURLToPath(new URL(`admin_${version}.json.gz`, schemaDir)));
  return buildClientSchema(JSON.parse(gunzipSync(gz).toString('utf8')).data);
}

const schemas = { '2026-10': loadSchema('2026-10'), '2026-07': loadSchema('2026-07') };
const byName = new Map(ALL_OPERATIONS.map((op) => [op.name, op]));

describe('GraphQL documents', () => {
  const cases = Object.entries(schemas).flatMap(([version, schema]) =>
    ALL_OPERATIONS.map((op) => ({ version, name: op.name, document: op.document, schema })),
  );

  it.each(cases)('$name is valid against admin $version', ({ document, schema }) => {
    const errors = validate(schema, parse(document)).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  it.each(ALL_OPERATIONS.map((op) => ({ name: op.name, document: op.document })))(
    '$name declares exactly one operation, named like its export',
    ({ name, document }) => {
      const operations = parse(document).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.map((d) => d.name?.value)).toEqual([name]);
    },
  );

  it.each(Object.entries(schemas))(
    'the bulk products export with a search literal is valid against admin %s',
    (_version, schema) => {
      const search = 'status:active title:"Kadın \\ Tişört" \n';
      const document = parse(bulkCatalogProductsDocument(search));
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      let literal: string | undefined;
      visit(document, {
        Argument: (node) =>
          void (node.name.value === 'query' && node.value.kind === Kind.STRING && (literal = node.value.value)),
      });
      expect(literal).toBe(search);
    },
  );

  it('lists every operation exported by every operation file', async () => {
    const files = readdirSync(fileURLToPath(here)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_OPERATIONS.has(f),
    );
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const exported = Object.values(await import(new URL(file.replace(/\.ts$/, '.js'), here).href)).filter(
        isOperationDocument,
      );
      expect(exported.length, `${file} exports no operation`).toBeGreaterThan(0);
      for (const op of exported)
        expect(ALL_OPERATIONS, `${file}: ${op.name} missing from ALL_OPERATIONS`).toContain(op);
    }
    expect(new Set(ALL_OPERATIONS.map((op) => op.name)).size).toBe(ALL_OPERATIONS.length);
  });
});

describe('estimated requestedQueryCost with default page sizes (docs/shopify-api.md#rate-limits-by-plan)', () => {
  const schema = schemas['2026-10'];
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/InventoryItem/${i}`);
  const levels = { levelsFirst: sizes.LEVELS_FIRST, variantsFirst: sizes.PRODUCT_VARIANTS_FIRST };
  const cases: Array<[string, Record<string, unknown>]> = [
    ['ShopInfo', {}],
    ['CatalogCounts', { productsLimit: 251, variantsLimit: 10_000 }],
    ['BulkOperationPoll', { id: 'gid://shopify/BulkOperation/1' }],
    ['BulkOperationRunQuery', { query: '{ products { edges { node { id } } } }' }],
    ['Locations', { first: sizes.LOCATIONS_FIRST }],
    ['ProductsPage', { first: sizes.INITIAL_PRODUCTS_FIRST, ...levels }],
    ['ProductVariantsPage', { first: sizes.VARIANTS_PAGE_FIRST, levelsFirst: sizes.LEVELS_FIRST }],
    ['InventoryLevelsByItems', { ids: ids(sizes.LEVEL_ITEMS_PER_CALL), levelsFirst: sizes.LEVELS_FIRST }],
    ['InventoryLevelsByItems', { ids: ids(1), levelsFirst: sizes.LEVELS_FIRST_OVERFLOW }],
    ['ProductSet', levels],
    ['OrdersPage', { first: sizes.INITIAL_ORDERS_FIRST }],
    ['OrderLineItemsPage', {}],
  ];

  it.each(cases)('%s stays under the target', (name, variables) => {
    const op = byName.get(name);
    if (!op) throw new Error(`no operation ${name}`);
    const cost = estimateQueryCost(schema, op.document, variables);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(sizes.TARGET_QUERY_COST + 10);
  });

  it('matches the figures stated in the operation comments', () => {
    const estimate = (name: string, variables: Record<string, unknown>) =>
      estimateQueryCost(schema, byName.get(name)!.document, variables);
    expect(estimate('OrdersPage', { first: 1 })).toBeGreaterThan(300);
    // Two orders fit the target (why lineItems(first: 10)); three would pass the single-query limit.
    expect(estimate('OrdersPage', { first: 2 })).toBeLessThanOrEqual(sizes.TARGET_QUERY_COST);
    expect(estimate('OrdersPage', { first: 3 })).toBeGreaterThan(1000);
    expect(estimate('ProductsPage', { first: 1, ...levels })).toBeLessThan(sizes.TARGET_QUERY_COST);
  });
});

describe('variables built by the client coerce against the input types', () => {
  const product = toProductSetInput({
    identifier: { handle: 'sentos-1' },
    title: 'Tee',
    status: 'ACTIVE',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      {
        sku: 'T-S',
        price: 129990,
        compareAtPrice: null,
        barcode: '1',
        optionValues: [{ optionName: 'Size', name: 'S' }],
      },
      {
        id: 'gid://shopify/ProductVariant/1',
        sku: 'T-M',
        price: 5,
        compareAtPrice: 900,
        optionValues: [{ optionName: 'Size', name: 'M' }],
      },
    ],
    imageSources: ['https://img/a.jpg'],
    sentosProductId: '1',
  });
  const cases: Array<[string, Record<string, unknown>]> = [
    ['ProductSet', { ...product, variantsFirst: 20, levelsFirst: 10 }],
    // A bulk import JSONL line is exactly these variables (docs/shopify-api.md#bulk-mutations).
    ['BulkProductSet', JSON.parse(JSON.stringify(product)) as Record<string, unknown>],
    [
      'StagedUploadsCreate',
      {
        input: [
          { resource: 'BULK_MUTATION_VARIABLES', filename: 'a.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' },
        ],
      },
    ],
    [
      'BulkOperationRunMutation',
      { mutation: 'mutation {}', stagedUploadPath: 'tmp/1/a.jsonl', clientIdentifier: 'sentos-sync-run-1' },
    ],
    ['BulkMutationsSince', { query: 'operation_type:mutation', first: 10 }],
    [
      'InventorySetQuantities',
      {
        quantities: [
          {
            inventoryItemId: 'gid://shopify/InventoryItem/1',
            locationId: 'gid://shopify/Location/1',
            quantity: 3,
            changeFromQuantity: null,
          },
        ],
        referenceDocumentUri: 'gid://sentos-sync/SyncRun/1',
        idempotencyKey: 'k-1',
      },
    ],
    [
      'MetafieldsSet',
      {
        metafields: [
          {
            ownerId: 'gid://shopify/Product/1',
            namespace: 'sentos_sync',
            key: 'image_sources',
            type: 'json',
            value: '[]',
          },
        ],
      },
    ],
    [
      'InventoryActivate',
      { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/1', idempotencyKey: 'k' },
    ],
  ];
  const versions = Object.entries(schemas).flatMap(([version, schema]) =>
    cases.map(([name, variables]) => ({ version, name, variables, schema })),
  );

  it.each(versions)('$name variables against admin $version', ({ name, variables, schema }) => {
    const definition = parse(byName.get(name)!.document).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const errors: string[] = [];
    for (const def of definition?.variableDefinitions ?? []) {
      const type = typeFromAST(schema, def.type);
      if (!type || !isInputType(type)) throw new Error(`unknown type for $${def.variable.name.value}`);
      coerceInputValue(variables[def.variable.name.value] ?? null, type, (path, _value, error) =>
        errors.push(`$${def.variable.name.value}.${path.join('.')}: ${error.message}`),
      );
    }
    expect(errors).toEqual([]);
  });
});
