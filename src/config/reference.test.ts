import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, describeDefault } from './keys.js';
import { settingsHelp, settingsTable } from './reference.js';

const root = new URL('../../', import.meta.url);
const read = (name: string) => fs.readFileSync(new URL(name, root), 'utf8');

describe('the settings schema is the one source of the key list', () => {
  it('the README table is exactly the generated one', () => {
    const readme = read('README.md');
    const between = /<!-- settings:start -->\n([\s\S]*?)\n<!-- settings:end -->/.exec(readme);
    expect(between, 'README.md needs <!-- settings:start --> … <!-- settings:end -->').not.toBeNull();
    // To refresh: paste the output of settingsTable() (src/config/reference.ts) between the markers.
    expect(between![1]).toBe(settingsTable());
  });

  it('.env.example names every variable once, with the default as its value', () => {
    const lines = read('.env.example').split('\n');
    for (const key of CONFIG_KEYS) {
      const matching = lines.filter((line) => line.startsWith(`${key.env}=`));
      expect(matching, key.env).toHaveLength(1);
      const value = matching[0]!.slice(key.env.length + 1);
      expect(value, `${key.env} in .env.example`).toBe(describeDefault(key));
    }
  });

  it('config --help lists every key with its variable', () => {
    const help = settingsHelp();
    for (const key of CONFIG_KEYS) expect(help).toMatch(new RegExp(`${key.key.replace('.', '\\.')}\\s+${key.env}`));
  });

  it('every default parses with its own setting (no default the schema would reject)', () => {
    for (const key of CONFIG_KEYS.filter((k) => k.fallback !== undefined && typeof k.fallback !== 'object'))
      expect(key.parse.safeParse(describeDefault(key)).success, key.key).toBe(true);
  });
});
