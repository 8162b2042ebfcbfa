import { describe, expect, it } from 'vitest';
import { loadSchema } from '../schema-loader.js';
import { checkBulkQuery } from './rules.js';

const schema = loadSchema('2026-10');
const messages = (query: string) => {
  const checked = checkBulkQuery(schema, query);
  return 'errors' in checked ? checked.errors.map((error) => error.message) : [];
};

describe('bulk query rules (docs/shopify-api.md#bulk-export)', () => {
  it.each([
    ['products and variants', '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }'],
    [
      'levels under variants, inside an inline object',
      '{ productVariants { edges { node { id inventoryItem { id inventoryLevels { edges { node { location { id ' +
        '} } } } } } } } }',
    ],
    [
      'five connections',
      '{ products { edges { node { id variants { edges { node { id } } } metafields { edges { node { id } } } ' +
        'collections { edges { node { id } } } media { edges { node { id } } } } } } }',
    ],
    [
      'a search query and a named operation',
      'query Export { products(query: "status:active") { edges { node { id } } } }',
    ],
    [
      'fragments',
      'query { products { edges { node { ...P } } } } fragment P on Product { id variants { edges { node { id } } } }',
    ],
  ])('accepts %s', (_label, query) => {
    expect(messages(query)).toEqual([]);
  });

  it.each([
    [
      'nodes instead of edges',
      '{ products { nodes { id } } }',
      [
        "All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: " +
          "'products { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'products'.",
      ],
    ],
    [
      'a top-level node',
      '{ node(id: "gid://shopify/Product/1") { id } }',
      ['Bulk queries cannot contain a top level `node` field.', 'Bulk queries must contain at least one connection.'],
    ],
    ['no connection', '{ shop { name } }', ['Bulk queries must contain at least one connection.']],
    [
      'three nested levels',
      '{ products { edges { node { id variants { edges { node { id metafields { edges { node { id } } } } } } } } } }',
      ['Bulk queries cannot contain connections with a nesting depth greater than 2.'],
    ],
    [
      'six connections',
      '{ products { edges { node { id variants { edges { node { id } } } metafields { edges { node { id } } } ' +
        ('collections { edges { node { id } } } media { edges { node { id } } } sellingPlanGroups { edges { node ' +
          '{ id } } } } } } }'),
      ['Bulk queries cannot contain more than 5 connections.'],
    ],
    [
      'a parent without id',
      '{ products { edges { node { title variants { edges { node { id } } } } } } }',
      [
        "The parent 'node' field for a nested connection must select the 'id' field without an alias and must " +
          "be of 'ID' return type. Connection fields without 'id': products.",
      ],
    ],
    [
      'an aliased parent id',
      '{ products { edges { node { pid: id variants { edges { node { id } } } } } } }',
      [
        "The parent 'node' field for a nested connection must select the 'id' field without an alias and must " +
          "be of 'ID' return type. Connection fields without 'id': products.",
      ],
    ],
    [
      'a connection inside a list',
      '{ orders { edges { node { id fulfillments { events { edges { node { id } } } } } } } }',
      ['Queries that contain a connection field within a list field are not currently supported.'],
    ],
    [
      'a first: argument',
      '{ products(first: 10) { edges { node { id } } } }',
      [
        'Bulk queries read every connection in full and take no pagination arguments (first, last, after, ' +
          "before). Invalid connection fields: 'products'.",
      ],
    ],
    [
      'pageInfo and cursor',
      '{ products { edges { cursor node { id } } pageInfo { hasNextPage } } }',
      ["Bulk queries cannot select pagination fields: 'cursor', 'pageInfo'."],
    ],
    [
      'a mutation',
      'mutation { productDelete(input: { id: "gid://shopify/Product/1" }) { deletedProductId } }',
      ['Invalid operation type. Only `query` operations are supported.'],
    ],
    [
      'a field the schema does not have',
      '{ products { edges { node { id zzqx } } } }',
      ['Invalid bulk query: Cannot query field "zzqx" on type "Product".'],
    ],
    [
      'variables',
      'query Q($q: String) { products(query: $q) { edges { node { id } } } }',
      ['Invalid bulk query: bulk queries cannot declare variables.'],
    ],
  ])('refuses %s with INVALID on field ["query"]', (_label, query, expected) => {
    const checked = checkBulkQuery(schema, query);
    expect(
      'errors' in checked && checked.errors.every((error) => error.code === 'INVALID' && error.field?.[0] === 'query'),
    ).toBe(true);
    expect(messages(query)).toEqual(expected);
  });

  it('refuses an empty or unparsable query', () => {
    expect(messages('')).toEqual([expect.stringMatching(/^Invalid bulk query: syntax error, /)]);
    expect(messages('{ products { edges ')).toEqual([expect.stringMatching(/^Invalid bulk query: syntax error, /)]);
  });
});
