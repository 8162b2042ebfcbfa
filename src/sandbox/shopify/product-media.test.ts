import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

/**
 * productSet `files` replaces the product's media; variants attach one of those files
 * (docs/shopify-api.md#product-media).
 */
let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SET = `mutation S($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product { id media(first: 10) { nodes { id status ... on MediaImage { image { url } } } } }
    userErrors { code field message }
  }
}`;
const READ = `query R($id: ID!) {
  product(id: $id) {
    media(first: 10) { nodes { id alt status ... on MediaImage { image { url } originalSource { url } } } }
    variants(first: 5) { nodes { sku media(first: 2) { nodes { id } } } }
  }
}`;

const src = (name: string) => `https://img.example.com/urun/${name}.jpg`;
const file = (name: string, alt?: string) => ({
  originalSource: src(name),
  contentType: 'IMAGE',
  ...(alt ? { alt } : {}),
});

function input(files: unknown[] | undefined, variantFiles: unknown[] = []) {
  const sizes = ['S', 'M'];
  return {
    handle: 'medyali',
    title: 'Medyalı Ürün',
    productOptions: [{ name: 'Beden', values: sizes.map((name) => ({ name })) }],
    variants: sizes.map((name, i) => ({
      sku: `MD-${name}`,
      price: '10.00',
      optionValues: [{ optionName: 'Beden', name }],
      ...(variantFiles[i] ? { file: variantFiles[i] } : {}),
    })),
    ...(files ? { files } : {}),
  };
}

async function set(variables: Record<string, unknown>) {
  const response = await gql(sim!, SET, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.productSet;
}

const sources = () => sim!.state.products.find((p) => p.handle === 'medyali')!.media.map((m) => m.source);

describe('productSet files (media)', () => {
  it('stores media in the order given, UPLOADED in the answer and READY with a CDN image afterwards', async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const created = await set({ identifier: { handle: 'medyali' }, input: input([file('a', 'Ön'), file('b')]) });
    expect(created.userErrors).toEqual([]);
    expect(created.product.media.nodes.map((m: { status: string; image: unknown }) => [m.status, m.image])).toEqual([
      ['UPLOADED', null],
      ['UPLOADED', null],
    ]);
    const read = (await gql(sim, READ, { id: created.product.id })).body.data.product;
    expect(read.media.nodes.map((m: { alt: string | null; status: string }) => [m.alt, m.status])).toEqual([
      ['Ön', 'READY'],
      [null, 'READY'],
    ]);
    for (const m of read.media.nodes) {
      expect(m.image.url).toMatch(/^https:\/\/cdn\.shopify\.com\//);
      expect(m.originalSource.url).not.toContain('img.example.com');
    }
    expect(sources()).toEqual([src('a'), src('b')]);
  });

  it(
    'replaces the media with the list given: omitted media are removed, ids keep theirs, sources make ' + 'new ones',
    async () => {
      sim = await startShopifySimulator({ orders: 0 });
      const created = await set({ identifier: { handle: 'medyali' }, input: input([file('a'), file('b'), file('c')]) });
      const [a, b] = created.product.media.nodes.map((m: { id: string }) => m.id);
      const id = created.product.id;
      // Keep b by id (first now), re-send a by its source, drop c, add d.
      const replaced = await set({ identifier: { id }, input: input([{ id: b }, file('a'), file('d')]) });
      expect(replaced.userErrors).toEqual([]);
      const ids = replaced.product.media.nodes.map((m: { id: string }) => m.id);
      expect(ids[0]).toBe(b);
      expect(ids[1]).not.toBe(a); // a source is not matched to an existing image: a new media
      expect(sources()).toEqual([src('b'), src('a'), src('d')]);
      // Files omitted altogether leave the media alone; an empty list removes every one.
      await set({ identifier: { id }, input: { title: 'Yeni Ad' } });
      expect(sources()).toEqual([src('b'), src('a'), src('d')]);
      await set({ identifier: { id }, input: { ...input([]) } });
      expect(sources()).toEqual([]);
    },
  );

  it("attaches a variant's file, which must be one of the product's files, and detaches removed media", async () => {
    sim = await startShopifySimulator({ orders: 0 });
    const refused = await set({ identifier: { handle: 'medyali' }, input: input([file('a')], [file('z')]) });
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'variants', '0', 'file'] }),
    ]);
    expect(sim.state.products.some((p) => p.handle === 'medyali')).toBe(false);
    const created = await set({
      identifier: { handle: 'medyali' },
      input: input([file('a'), file('b')], [file('b'), undefined]),
    });
    expect(created.userErrors).toEqual([]);
    const [, b] = created.product.media.nodes.map((m: { id: string }) => m.id);
    const read = async () => (await gql(sim!, READ, { id: created.product.id })).body.data.product;
    expect((await read()).variants.nodes).toEqual([
      { sku: 'MD-S', media: { nodes: [{ id: b }] } },
      { sku: 'MD-M', media: { nodes: [] } },
    ]);
    await set({ identifier: { id: created.product.id }, input: input([file('a')]) });
    expect((await read()).variants.nodes.map((v: { media: { nodes: unknown[] } }) => v.media.nodes)).toEqual([[], []]);
  });
});
