import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of docs/architecture.md#layers, checked on the import statements:
 * cli → sync → {sentos, shopify} → core, and the sandbox is an independent oracle that imports nothing from the
 * clients.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function importsOf(dir: string): Array<{ file: string; target: string }> {
  const out: Array<{ file: string; target: string }> = [];
  for (const entry of fs.readdirSync(path.join(src, dir), { recursive: true, withFileTypes: false }) as string[]) {
    if (!entry.endsWith('.ts')) continue;
    const file = path.join(src, dir, entry);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
      out.push({
        file: path.relative(src, file),
        target: path.relative(src, path.resolve(path.dirname(file), match[1] as string)),
      });
    }
  }
  return out;
}

const offending = (dir: string, forbidden: string[]) =>
  importsOf(dir)
    .filter(({ target }) =>
      forbidden.some((f) => target === f || target.startsWith(`${f}/`) || target.startsWith(`${f}.`)),
    )
    .map(({ file, target }) => `${file} → ${target}`);

describe('dependency direction (docs/architecture.md#layers)', () => {
  it('the sandbox imports nothing from the Sentos or Shopify clients, sync or cli', () => {
    expect(offending('sandbox', ['sentos', 'shopify', 'sync', 'cli', 'config'])).toEqual([]);
  });

  it('the clients import neither sync, cli nor config', () => {
    expect(offending('sentos', ['sync', 'cli', 'config', 'sandbox'])).toEqual([]);
    expect(offending('shopify', ['sync', 'cli', 'config', 'sandbox'])).toEqual([]);
  });

  it('sync imports neither cli nor the config store', () => {
    expect(offending('sync', ['cli', 'config', 'sandbox'])).toEqual([]);
  });

  it('cli reaches the APIs only through the clients: never the HTTP layer directly', () => {
    expect(offending('cli', ['core/http'])).toEqual([]);
  });

  it('core imports nothing above it', () => {
    expect(offending('core', ['cli', 'sync', 'sentos', 'shopify', 'sandbox', 'config'])).toEqual([]);
  });
});
