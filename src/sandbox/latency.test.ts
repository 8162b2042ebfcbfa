import { describe, expect, it } from 'vitest';
import { createLatencyModel, FIELD_MODEL, parseLatency, type ShopifyCall } from './latency.js';

const READ: ShopifyCall = { kind: 'query', rootFields: ['products'] };
const STOCK: ShopifyCall = { kind: 'mutation', rootFields: ['inventorySetQuantities'] };
const productSet = (variants: number): ShopifyCall => ({ kind: 'mutation', rootFields: ['productSet'], variants });

describe('latency model', () => {
  it.each([
    ['none', 0],
    [0, 0],
    [120, 120],
  ] as const)('%s answers every request in %i ms', (setting, ms) => {
    const model = createLatencyModel(setting, 1);
    expect([model.shopify(READ), model.shopify(productSet(8)), model.sentos('GET'), model.bulkRun(10_000)]).toEqual([
      ms,
      ms,
      ms,
      ms,
    ]);
  });

  it('field draws each kind of request from its own range', () => {
    const model = createLatencyModel('field', 7);
    for (let i = 0; i < 200; i++) {
      const read = model.shopify(READ);
      expect(read).toBeGreaterThanOrEqual(FIELD_MODEL.shopifyRead.min);
      expect(read).toBeLessThanOrEqual(FIELD_MODEL.shopifyRead.max);
      const stock = model.shopify(STOCK);
      expect(stock).toBeGreaterThanOrEqual(FIELD_MODEL.inventoryWrite.min);
      expect(stock).toBeLessThanOrEqual(FIELD_MODEL.inventoryWrite.max);
      const sentos = model.sentos('POST');
      expect(sentos).toBeGreaterThanOrEqual(FIELD_MODEL.sentos.min);
      expect(sentos).toBeLessThanOrEqual(FIELD_MODEL.sentos.max);
    }
  });

  it('field gives productSet a base plus a per-variant part', () => {
    const model = createLatencyModel('field', 3);
    const perVariant = FIELD_MODEL.productSetPerVariantMs;
    for (let i = 0; i < 100; i++) {
      const ms = model.shopify(productSet(40));
      expect(ms).toBeGreaterThanOrEqual(FIELD_MODEL.productSetBase.min + 40 * perVariant);
      expect(ms).toBeLessThanOrEqual(FIELD_MODEL.productSetBase.max + 40 * perVariant);
    }
    expect(model.bulkRun(50_000)).toBeGreaterThan(model.bulkRun(1_000));
  });

  it('field is deterministic by seed and differs between seeds', () => {
    const draws = (seed: number) => {
      const model = createLatencyModel('field', seed);
      return Array.from({ length: 20 }, (_, i) => (i % 2 ? model.shopify(READ) : model.sentos('GET')));
    };
    expect(draws(5)).toEqual(draws(5));
    expect(draws(5)).not.toEqual(draws(6));
  });

  it('describes the model it uses', () => {
    expect(createLatencyModel('field').describe()).toMatch(
      /productSet 250–450 ms \+ 25 ms\/variant.*Sentos 150–400 ms/,
    );
    expect(createLatencyModel('none').describe()).toContain('none');
  });

  it.each([
    ['none', 'none'],
    ['field', 'field'],
    ['250', 250],
  ] as const)('parses --latency %s', (text, expected) => expect(parseLatency(text)).toBe(expected));

  it.each(['fast', '-5', ''])('refuses --latency "%s"', (text) => expect(() => parseLatency(text)).toThrow(/latency/));
});
