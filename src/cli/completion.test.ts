import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandEntries, completionScript } from './completion.js';
import { createProgram } from './program.js';

async function wholeProgram() {
  const handle = createProgram();
  await handle.loadAll();
  return handle.program;
}

/** Runs the bash script's function for a command line being typed; the last word is the one completed. */
function complete(script: string, words: string[]): string[] {
  const array = words.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _sentos_sync; printf '%s\\n' ` +
        `"\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

describe('shell completion', () => {
  it.each([
    [['sentos-sync', 'pro'], ['products']],
    [['sentos-sync', '--json', 'sy'], ['sync']],
    [['sentos-sync', 'config', 'map'], ['map-warehouses']],
    [['sentos-sync', 'products', '--limit', '5', '--dr'], ['--dry-run']],
    [['sentos-sync', 'orders', '--fin'], ['--financial-status']],
  ])('bash: %j completes to %j', async (words, expected) => {
    expect(complete(completionScript('bash', await wholeProgram()), words)).toEqual(expected);
  });

  it('every command and subcommand is in each script', async () => {
    const program = await wholeProgram();
    const names = commandEntries(program).map((e) => e.path.split(' ').at(-1)!);
    expect(names).toEqual(expect.arrayContaining(['init', 'products', 'sync', 'completion', 'map-warehouses']));
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      const script = completionScript(shell, program);
      for (const name of names) expect(script, `${shell}: ${name}`).toContain(name);
    }
    expect(completionScript('zsh', program)).toMatch(/^#compdef sentos-sync\n/);
    expect(completionScript('fish', program)).toContain(
      "complete -c sentos-sync -f -n '__fish_use_subcommand' -a products",
    );
  });
});

describe('help examples', () => {
  it('every command and subcommand ends its --help with examples, once', async () => {
    const program = await wholeProgram();
    for (const entry of commandEntries(program)) {
      let command = program;
      for (const name of entry.path.split(' ')) command = command.commands.find((c) => c.name() === name)!;
      let help = '';
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      expect(help.match(/\nExamples:\n {2}\S/g), entry.path).toHaveLength(1);
    }
  });
});
