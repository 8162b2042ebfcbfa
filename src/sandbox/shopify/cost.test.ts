import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actualCost, requestedCost, type CostInput } from './cost.js';
import { loadSchema } from './schema-loader.js';

function input(query: string, variables: Record<string, unknown> = {}): CostInput {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return { schema: loadSchema('2026-10'), operation, fragments, variables };
}

describe('requestedCost', () => {
  it.each([
    ['scalars only', '{ shop { name currencyCode } }', 1],
    ['a connection', '{ products(first: 10) { nodes { id title } pageInfo { hasNextPage } } }', 12],
    ['edges and nodes count once', '{ products(first: 10) { edges { cursor node { id } } nodes { id } } }', 12],
    [
      'nested connections multiply',
      '{ products(first: 10) { nodes { variants(first: 5) { nodes { id inventoryItem { id } } } } } }',
      2 + 10 * (1 + 2 + 5 * 2),
    ],
    [
      'a fragment',
      'query { products(first: 2) { nodes { ...P } } } fragment P on Product { options { name } }',
      2 + 2 * 2,
    ],
    [
      'a mutation',
      'mutation { inventoryItemUpdate(id: "gid://shopify/InventoryItem/1", input: { tracked: true }) { ' +
        'inventoryItem { id } userErrors { message } } }',
      12,
    ],
    [
      'productSet with 5 variants and 2 files',
      'mutation M($i: ProductSetInput!) { productSet(input: $i) { product { id } } }',
      Math.ceil(10 + 0.2 * 5 + 1.9 * 2 + 1),
    ],
  ])('%s', (_label, query, expected) => {
    const variables = {
      i: {
        title: 'x',
        variants: Array.from({ length: 5 }, () => ({ optionValues: [] })),
        files: [{ originalSource: 'a' }, { originalSource: 'b' }],
      },
    };
    expect(requestedCost(input(query, variables)).cost).toBe(expected);
  });

  it('takes first from variables and lists deprecated fields', () => {
    const result = requestedCost(
      input('query Q($n: Int!) { orders(first: $n) { nodes { customer { email } } } }', { n: 4 }),
    );
    expect(result).toEqual({ cost: 2 + 4 * 2, deprecatedFields: ['Customer.email'] });
  });
});

describe('actualCost', () => {
  it('counts the nodes returned, never more than requested', () => {
    const query = '{ products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }';
    const data = {
      products: {
        nodes: [
          { id: 'a', variants: { nodes: [{ id: 1 }, { id: 2 }] } },
          { id: 'b', variants: { nodes: [] } },
        ],
      },
    };
    expect(actualCost(input(query), data)).toBe(2 + 2 + (2 + 2) + (2 + 0));
    expect(actualCost(input(query), { products: { nodes: [] } })).toBe(2);
  });
});
