import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_SETTINGS } from '../sync/orders/settings.js';
import { DEFAULT_PRODUCT_SETTINGS } from '../sync/products/settings.js';
import { CONFIG_KEYS } from './keys.js';

/**
 * Every setting a message names must be one a user can set (house rule: every hint names a command, flag or
 * setting that exists). Scans the text of every string and template literal under src/ (tests and the
 * simulator's own Turkish messages aside) for three ways of naming a setting:
 * `group.name` keys, `config set KEY`, and bare names of the sync settings' fields (`orderCodeFrom`).
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEYS = new Set(CONFIG_KEYS.map((k) => k.key));
const GROUPS = [...new Set(CONFIG_KEYS.map((k) => k.group))].join('|');
const DOTTED = new RegExp(`(?<![\\w./-])(?:${GROUPS})\\.[a-z][A-Za-z]+(?![\\w/(-]|\\.\\w)`, 'g');
const CONFIG_SET = /config set ([A-Za-z]+\.[A-Za-z]+)/g;
/** Field names of the sync settings objects: a message that names one bare means "set this". */
const FIELDS = [...Object.keys(DEFAULT_ORDER_SETTINGS), ...Object.keys(DEFAULT_PRODUCT_SETTINGS)].filter((f) =>
  /[a-z][A-Z]/.test(f),
);
const BARE = new RegExp(`(?<![\\w.'"])(${FIELDS.join('|')})(?![\\w'"])`, 'g');

function sourceFiles(): string[] {
  return (fs.readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('sandbox'))
    .map((f) => path.join(src, f));
}

/** The text of every string-ish literal in a file, with its line. */
function literals(file: string): Array<{ text: string; where: string }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ text: string; where: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      // Import specifiers and object keys are code, not messages.
      const parent = node.parent;
      const isCode =
        ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isLiteralTypeNode(parent);
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (!isCode) out.push({ text: node.text, where: `${path.relative(src, file)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The settings the messages name that `config set` does not know. */
export function unknownSettingsNamed(files = sourceFiles()): string[] {
  const found = new Set<string>();
  const problems = { push: (problem: string) => found.add(problem) };
  for (const file of files) {
    for (const { text, where } of literals(file)) {
      for (const [name] of text.matchAll(DOTTED)) if (!KEYS.has(name)) problems.push(`${where}: ${name}`);
      for (const [, name] of text.matchAll(CONFIG_SET)) if (!KEYS.has(name!)) problems.push(`${where}: ${name}`);
      for (const [name] of text.matchAll(BARE)) problems.push(`${where}: ${name} (name the key, e.g. orders.x)`);
    }
  }
  return [...found];
}

describe('settings named in messages', () => {
  it('every `group.name`, `config set KEY` and settings field a message names is a key `config set` accepts', () => {
    expect(unknownSettingsNamed()).toEqual([]);
  });

  it('the scan finds a key that does not exist (so the test above can fail)', () => {
    const file = path.join(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'hint-')), 'x.ts');
    fs.writeFileSync(
      file,
      "const h = 'set orders.nope, or run `sentos-sync config set shopify.token`; or change orderCodeFrom';\n",
    );
    expect(unknownSettingsNamed([file]).map((p) => p.split(': ')[1])).toEqual([
      'orders.nope',
      'shopify.token',
      'orderCodeFrom (name the key, e.g. orders.x)',
    ]);
  });
});
