import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-table.js';
import { createProgram } from '../src/cli/program.js';

/**
 * Start-up stays small: what `--help` and `--version` load is the static import graph of src/cli/main.ts (tsup
 * bundles the same graph into the main chunk; everything else is behind a dynamic import()). Structure only:
 * the benchmark measures the time.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const pending = [path.join(src, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (target!.startsWith('.')) pending.push(path.resolve(path.dirname(file), target!.replace(/\.js$/, '.ts')));
      else packages.add(target!.startsWith('@') ? target! : target!.split('/')[0]!);
    }
  }
  return { files: files.map((file) => path.relative(src, file)), packages };
}

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);

describe('start-up (what --help and --version load)', () => {
  const graph = staticGraph('cli/main.ts');

  it('loads commander and nothing heavier from node_modules', () => {
    expect([...graph.packages].filter((name) => !isBuiltin(name))).toEqual(['commander']);
  });

  it('never reaches a command module, the runtime, the clients, sync or the sandbox', () => {
    const heavy = graph.files.filter((file) =>
      /^(sandbox|sentos|shopify|sync|config)\/|^cli\/(commands\/|runtime\.ts|services\.ts)/.test(file),
    );
    expect(heavy).toEqual([]);
  });

  it.each(['sync-commands', 'test-connection', 'status', 'config', 'init', 'serve', 'logs', 'webhooks'])(
    'a real run (%s) never loads the sandbox',
    (command) => {
      expect(staticGraph(`cli/commands/${command}.ts`).files.filter((file) => file.startsWith('sandbox/'))).toEqual([]);
    },
  );

  it('the command table matches what each command module registers', async () => {
    const { program, loadAll } = createProgram();
    await loadAll();
    const registered = program.commands.map((command) => ({
      name: command.name(),
      term: new Help().subcommandTerm(command),
      description: command.description(),
    }));
    // A mismatch means a command's name, flags or description changed: update src/cli/command-table.ts.
    expect(registered).toEqual(COMMANDS.map(({ name, term, description }) => ({ name, term, description })));
  }, 180_000); // transforms every command module: slow on a busy 2-core machine
});
