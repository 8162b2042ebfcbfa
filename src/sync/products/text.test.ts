import { describe, expect, it } from 'vitest';
import { normalizeTitle, plainTextToHtml, skuKey, slugify } from './text.js';

describe('slugify', () => {
  it.each([
    ['STD-ELB-1042', 'std-elb-1042'],
    ['ÇĞİÖŞÜ-çğıöşü', 'cgiosu-cgiosu'],
    ['KIRMIZI İPEK', 'kirmizi-ipek'],
    ['Iğdır/Şal 3,5', 'igdir-sal-3-5'],
    ['  café__crème  ', 'cafe-creme'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input)).toMatch(/^[a-z0-9-]*$/);
  });
});

describe('skuKey', () => {
  it('trims but never changes case', () => {
    expect(skuKey('  Sku-İı ')).toBe('Sku-İı');
  });
});

describe('normalizeTitle', () => {
  it('lower-cases the Turkish way and collapses spaces', () => {
    expect(normalizeTitle('KIRMIZI  İpek ')).toBe(normalizeTitle('kırmızı ipek'));
    expect(normalizeTitle('KIRMIZI')).not.toBe(normalizeTitle('kirmizi'));
  });
});

describe('plainTextToHtml', () => {
  it('escapes and paragraphs plain text', () => {
    expect(plainTextToHtml('a < b & c\nline 2\n\nnext')).toBe('<p>a &lt; b &amp; c<br>line 2</p><p>next</p>');
  });
});
