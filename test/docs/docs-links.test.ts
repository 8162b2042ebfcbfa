/**
 * Comments cite `docs/<file>.md#section` in this repository: the cited file must exist and have a heading with that
 * anchor (GitHub's slug). Citations of documents outside the repository, or of issue numbers, must not spread:
 * the remaining old ones are counted and the count may only go down (docs/decisions/formatter-and-linter.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const m = !inFence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m && m[1]) anchors.add(slug(m[1]));
  }
  return anchors;
}

/** The comment text of a TypeScript file (line and block comments), with the line each starts on. */
export function commentsOf(source: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  for (const m of source.matchAll(re)) {
    if (!m[0].startsWith('/')) continue;
    out.push({ line: source.slice(0, m.index).split('\n').length, text: m[0] });
  }
  return out;
}

/** Comments left to rewrite (203 when this test was added; all rewritten since). */
const MAX_OLD_CITATIONS = 0;

/**
 * Citations of the old outside notes (by name, by `reference/` path or by bare section number `§4.2`) and of issue
 * numbers. A section sign after an RFC number (`RFC 9110 §11.1`) cites a public standard and is allowed.
 */
const OUTSIDE = new RegExp(
  [
    String.raw`sentos-api\.md\s*§`,
    String.raw`shopify-admin-api\.md`,
    String.raw`bulk-webhooks-peers`,
    String.raw`(?<!docs/)\bdesign\.md`,
    String.raw`style-anchors`,
    String.raw`\.\./shared`,
    String.raw`\breference/`,
    String.raw`(?<!RFC \d+ )§\s?\d`,
    String.raw`[Ii]ssue \d`,
  ].join('|'),
);

export function problemsIn(
  file: string,
  source: string,
  docs: (doc: string) => string | undefined,
): { broken: string[]; outside: string[] } {
  const broken: string[] = [];
  const outside: string[] = [];
  for (const { line, text } of commentsOf(source)) {
    for (const m of text.matchAll(/\bdocs\/([\w/.-]+\.md)(?:#([\w-]+))?/g)) {
      const markdown = docs(`docs/${m[1]}`);
      if (markdown === undefined) broken.push(`${file}:${line} cites docs/${m[1]}, which does not exist`);
      else if (m[2] && !anchorsOf(markdown).has(m[2]))
        broken.push(`${file}:${line} cites docs/${m[1]}#${m[2]}: no heading has that anchor`);
    }
    if (OUTSIDE.test(text.replace(/\bdocs\/[\w/.-]+\.md(#[\w-]+)?/g, ''))) outside.push(`${file}:${line}`);
  }
  return { broken, outside };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

const readDoc = (doc: string): string | undefined => {
  const file = path.join(ROOT, doc);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
};

describe('docs citations in comments', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('Rate limits')).toBe('rate-limits');
    expect(slug('How the client paces')).toBe('how-the-client-paces');
    expect(slug('productSet')).toBe('productset');
    expect(slug('Order identity: order_id, not order_code')).toBe('order-identity-order_id-not-order_code');
  });

  it('flags a missing file, a missing anchor and citations outside the repository', () => {
    const docs = (doc: string) => (doc === 'docs/a.md' ? '# A\n\n## Rate limits\n' : undefined);
    const source = [
      '// ok: docs/a.md#rate-limits',
      '// bad anchor: docs/a.md#retries',
      '/** bad file: docs/b.md#x */',
      '// old: sentos-api.md §5',
      '// see issue 15',
      '// bare: §4.2 [V]',
      '// a standard: RFC 9110 §11.1',
      '// notes: ../shared/reference/sentos-api.md',
      "const s = 'docs/b.md#not-a-comment';",
      '// thin commands (design.md house style 1)',
    ].join('\n');
    expect(problemsIn('x.ts', source, docs)).toEqual({
      broken: [
        'x.ts:2 cites docs/a.md#retries: no heading has that anchor',
        'x.ts:3 cites docs/b.md, which does not exist',
      ],
      outside: ['x.ts:4', 'x.ts:5', 'x.ts:6', 'x.ts:8', 'x.ts:10'],
    });
  });

  const all = [...sourceFiles('src'), ...sourceFiles('test')]
    .filter((file) => file !== path.join('test', 'docs', 'docs-links.test.ts'))
    .map((file) => problemsIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), readDoc));

  it('every docs/…md#anchor cited in src/ and test/ resolves', () => {
    expect(all.flatMap((p) => p.broken)).toEqual([]);
  });

  it('comments citing files outside the repository or issue numbers do not grow in number', () => {
    // Ratchet: lower it as old citations are rewritten to docs/…#section; it must never go up.
    expect(all.flatMap((p) => p.outside).length).toBeLessThanOrEqual(MAX_OLD_CITATIONS);
  });
});
