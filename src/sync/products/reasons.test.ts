import { describe, expect, it } from 'vitest';
import { capReasons, groupIssues, summarizeMany } from './reasons.js';

describe('grouped reasons', () => {
  it('keeps a lone issue as it is and groups a kind with a count and the first names', () => {
    const issues = [
      { name: 'A', message: 'sale_price "x" is not a price', kind: 'sale_price is not a price', detail: '"x"' },
      { name: 'B', message: 'sale_price "y" is not a price', kind: 'sale_price is not a price', detail: '"y"' },
      { name: '#3', message: 'SKU is empty', kind: 'SKU is empty' },
    ];
    expect(groupIssues(issues)).toEqual([
      '2 variants: sale_price is not a price (A "x", B "y")',
      'variant #3: SKU is empty',
    ]);
  });

  it('summarises many unlabelled lines and caps any list at 20 lines', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `line ${i}`);
    expect(summarizeMany(lines.slice(0, 5), (n) => `${n} lines`)).toHaveLength(5);
    expect(summarizeMany(lines, (n) => `${n} lines`)).toEqual(['8 lines (line 0; line 1; line 2; … and 5 more)']);
    const many = Array.from({ length: 500 }, (_, i) => `r${i}`);
    expect(capReasons(many)).toHaveLength(20);
    expect(capReasons(many).at(-1)).toBe('… and 481 more reasons');
  });
});
