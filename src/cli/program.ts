import { Command, Help, Option } from 'commander';
import { COMMANDS, type LazyCommand, type Register } from './command-table.js';
import { addExamples } from './examples.js';
import type * as RuntimeModule from './runtime.js';
import type { Runtime, RuntimeOverrides } from './runtime.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0    success (everything synced or unchanged)
  1    failure: nothing could be synced, or the run could not start
  2    usage or configuration error (a flag, a key, a missing variable)
  3    authentication rejected by Sentos or Shopify
  4    a remote API failed in a way that stopped the run
  5    partial: some items failed, the others synced (see the report)
  6    another run of the same command and profile is in progress (lock held)
  130  interrupted (Ctrl-C / SIGTERM): the item in flight was finished and progress saved
`;

export interface ProgramHandle {
  program: Command;
  /** The runtime of the command that ran (for the exit code and error rendering). */
  lastRuntime: () => Runtime | undefined;
  /** Loads every command module (tests compare the table with what the modules register). */
  loadAll: () => Promise<void>;
}

/**
 * Builds the commander program; commands register themselves and stay thin (docs/house-style.md#1-thin-commands).
 *
 * Start-up: only commander, chalk and the command table load before parsing. Each command is a stub with its
 * name and description (enough for `--help` and `--version`); the module that defines it, and the runtime
 * (conf, zod …), are imported just before commander dispatches to it, so a run loads only what it uses and never
 * the sandbox unless it is `sandbox` or `demo`.
 */
export function createProgram(overrides: RuntimeOverrides = {}, hooks: { afterLoad?: () => void } = {}): ProgramHandle {
  let last: Runtime | undefined;
  let runtime: typeof RuntimeModule | undefined;
  const runtimeFor = (command: Command): Runtime => {
    if (!runtime) throw new Error(`sentos-sync bug: ${command.name()} ran before its module was loaded`);
    last = runtime.createRuntime(command.optsWithGlobals(), overrides);
    return last;
  };
  const program = new Command('sentos-sync')
    .description('Keep a Shopify store in step with Sentos: catalog and stock from Sentos, orders back to Sentos.')
    .version('0.1.0')
    .addOption(new Option('--profile <name>', 'keep several stores apart on one machine').env('SENTOS_SYNC_PROFILE'))
    .option('--json', 'print exactly one JSON document on stdout (implies no colour, no progress)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'only the result and errors')
    .option('-v, --verbose', 'one line per request on stderr (method, redacted URL, status, duration)')
    .option('--set <key=value>', 'override a setting for this run, repeatable (above env and stored config)', collect)
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.configureOutput({
    writeErr: (text) => (overrides.stderr ?? process.stderr).write(text),
    writeOut: (text) => (overrides.stdout ?? process.stdout).write(text),
  });
  const terms = new Map<Command, string>();
  program.configureHelp({
    subcommandTerm(command) {
      return terms.get(command) ?? Help.prototype.subcommandTerm.call(this, command);
    },
  });
  const stubs = new Map<string, Command>();
  for (const entry of COMMANDS) {
    const stub = program.command(entry.name).description(entry.description);
    stubs.set(entry.name, stub);
    terms.set(stub, entry.term);
  }
  // Register functions call `program.command(name)`: hand them the stub of that name to fill in.
  const host = new Proxy(program, {
    get: (target, key, receiver) =>
      key === 'command'
        ? (spec: string) => stubs.get(spec) ?? target.command(spec)
        : (Reflect.get(target, key, receiver) as unknown),
  });
  const loaded = new Set<Register>();
  const explained = new Set<Command>();
  const load = async (entry: LazyCommand) => {
    runtime ??= await import('./runtime.js');
    const register = await entry.load();
    if (!loaded.has(register)) {
      loaded.add(register);
      register(host, runtimeFor);
      hooks.afterLoad?.();
    }
    // One module may register several commands (products, orders, sync): each gets its examples once.
    const stub = stubs.get(entry.name);
    if (stub && !explained.has(stub)) {
      explained.add(stub);
      addExamples(stub);
    }
  };

  program.hook('preSubcommand', async (_program, command) => {
    const entry = COMMANDS.find((candidate) => candidate.name === command.name());
    if (entry) await load(entry);
  });
  return { program, lastRuntime: () => last, loadAll: () => Promise.all(COMMANDS.map(load)).then(() => undefined) };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
