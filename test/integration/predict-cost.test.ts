import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestedCost } from '../../src/sandbox/shopify/cost.js';
import { loadSchema } from '../../src/sandbox/shopify/schema-loader.js';
import * as sizes from '../../src/shopify/page-size.js';
import { toProductSetInput } from '../../src/shopify/product-set-input.js';
import { ALL_OPERATIONS } from '../../src/shopify/operations/index.js';
import { predictCost } from '../../src/shopify/operations/predict-cost.js';

/** The sandbox's cost function is the independent oracle (it follows Shopify's documented rule with the schema). */
function oracle(document: string, variables: Record<string, unknown>): number {
  const ast = parse(document);
  const operation = getOperationAST(ast);
  if (!operation) throw new Error('no operation');
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of ast.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return requestedCost({ schema: loadSchema('2026-10'), operation, fragments, variables }).cost;
}

const variant = (n: number) => ({ sku: `S-${n}`, price: 1000, optionValues: [{ optionName: 'Size', name: `${n}` }] });
const write = (variants: number, stock = false) =>
  toProductSetInput({
    identifier: { handle: 'sentos-1' },
    title: 'T',
    options: [{ name: 'Size', values: Array.from({ length: variants }, (_, i) => `${i}`) }],
    variants: Array.from({ length: variants }, (_, i) => ({
      ...variant(i),
      ...(stock && { inventoryQuantities: [{ locationId: 'gid://shopify/Location/1', quantity: 3 }] }),
    })),
    sentosProductId: '1',
    imageSources: ['https://img/1.jpg', 'https://img/2.jpg'],
  });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/InventoryItem/${i}`);
const row = { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'L', quantity: 1, changeFromQuantity: 0 };

const cases: Array<[string, Record<string, unknown>]> = [
  ['ShopInfo', {}],
  ['Locations', { first: sizes.LOCATIONS_FIRST }],
  ['ProductsPage', { first: 1, variantsFirst: sizes.PRODUCT_VARIANTS_FIRST, levelsFirst: 3 }],
  ['ProductsPage', { first: 4, variantsFirst: sizes.PRODUCT_VARIANTS_FIRST, levelsFirst: 1 }],
  ['ProductVariantsPage', { id: 'p', first: sizes.VARIANTS_PAGE_FIRST, after: 'c', levelsFirst: 2 }],
  ['InventoryLevelsByItems', { ids: ids(1), levelsFirst: sizes.LEVELS_FIRST_OVERFLOW }],
  ['ProductSet', write(1)],
  ['ProductSet', write(8, true)],
  ['ProductSet', write(100, true)],
  ['ProductSetWithVariants', { ...write(8), variantsFirst: 8 }],
  ['WrittenVariantsPage', { id: 'p', first: 250, after: 'c' }],
  ['ProductStatusUpdate', { product: { id: 'p', status: 'ACTIVE' } }],
  ['InventorySetQuantities', { quantities: [row, row], referenceDocumentUri: 'u', idempotencyKey: 'k' }],
  ['OrdersPage', { first: sizes.INITIAL_ORDERS_FIRST }],
  ['BulkOperationPoll', { id: 'gid://shopify/BulkOperation/1' }],
];

describe('predictCost (the pacer reserves it before sending)', () => {
  const byName = new Map(ALL_OPERATIONS.map((op) => [op.name, op]));

  it.each(cases.map(([name, variables], i) => ({ name, variables, i })))(
    '$name (case $i) predicts the oracle requested cost exactly',
    ({ name, variables }) => {
      const op = byName.get(name);
      if (!op) throw new Error(`no operation ${name}`);
      expect(predictCost(op.document, variables)).toBe(oracle(op.document, variables));
    },
  );

  it('follows the variables: more variants, more files or a larger page cost more', () => {
    const set = byName.get('ProductSet')!.document;
    // base, 8 variants, 2 metafields, 2 files, the product object, userErrors
    expect(predictCost(set, write(8))).toBe(Math.ceil(10 + 0.2 * 8 + 0.4 * 2 + 1.9 * 2 + 1 + 1));
    expect(predictCost(set, write(100))).toBeGreaterThan(predictCost(set, write(8)));
    const page = byName.get('ProductsPage')!.document;
    const vars = { variantsFirst: 20, levelsFirst: 3 };
    expect(predictCost(page, { ...vars, first: 2 })).toBeGreaterThan(predictCost(page, { ...vars, first: 1 }));
  });

  it('counts one item per id for nodes(ids:), the larger reading of an undocumented rule', () => {
    const levels = byName.get('InventoryLevelsByItems')!.document;
    const one = predictCost(levels, { ids: ids(1), levelsFirst: 3 });
    expect(predictCost(levels, { ids: ids(10), levelsFirst: 3 })).toBe(10 * one);
    expect(predictCost(levels, { ids: ids(10), levelsFirst: 3 })).toBeGreaterThanOrEqual(
      oracle(levels, { ids: ids(10), levelsFirst: 3 }),
    );
  });
});
