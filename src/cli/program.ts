import { Command, Option } from 'commander';
import { registerConfigCommand } from './commands/config.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerInitCommand } from './commands/init.js';
import { registerLogsCommand } from './commands/logs.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommands } from './commands/sync-commands.js';
import { registerTestConnectionCommand } from './commands/test-connection.js';
import { registerWebhooksCommand } from './commands/webhooks.js';
import { createRuntime, type Runtime, type RuntimeOverrides } from './runtime.js';

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
  lastRuntime(): Runtime | undefined;
}

/** Builds the commander program; commands register themselves and stay thin (design.md house style 1). */
export function createProgram(overrides: RuntimeOverrides = {}): ProgramHandle {
  let last: Runtime | undefined;
  const runtimeFor = (command: Command): Runtime => {
    last = createRuntime(command.optsWithGlobals(), overrides);
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
    .option(
      '--set <key=value>',
      'override a setting for this run, repeatable (above env and stored config)',
      collect,
      [],
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.configureOutput({
    writeErr: (text) => (overrides.stderr ?? process.stderr).write(text),
    writeOut: (text) => (overrides.stdout ?? process.stdout).write(text),
  });
  registerInitCommand(program, runtimeFor);
  registerConfigCommand(program, runtimeFor);
  registerSyncCommands(program, runtimeFor);
  registerTestConnectionCommand(program, runtimeFor);
  registerSandboxCommand(program, runtimeFor);
  registerDemoCommand(program, runtimeFor);
  registerStatusCommand(program, runtimeFor);
  registerLogsCommand(program, runtimeFor);
  registerServeCommand(program, runtimeFor);
  registerWebhooksCommand(program, runtimeFor);
  return { program, lastRuntime: () => last };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
