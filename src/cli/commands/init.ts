import type { Command } from 'commander';
import { runWizard } from '../setup/wizard.js';
import type { RuntimeFactory } from './config.js';

/** What `init` prints where nobody can answer (no TTY): the same setup as commands to run. */
export const SETUP_COMMANDS = `sentos-sync config set shopify.store mystore.myshopify.com
sentos-sync config set shopify.accessToken      # no value: typed hidden, or piped on stdin
sentos-sync config set sentos.apiUrl firmam
sentos-sync config set sentos.apiKey
sentos-sync config set sentos.apiSecret
sentos-sync test-connection
sentos-sync config map-warehouses               # proposes products.warehouseMap from both lists
sentos-sync sync --dry-run`;

export function registerInitCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('init')
    .description('Guided setup: both connections tested as you go, the warehouse map proposed, a price list offered')
    .action(async (_flags, command: Command) => {
      const runtime = runtimeFor(command);
      if (!runtime.interactive || runtime.output.json) {
        runtime.output.error('init asks questions, so it needs a terminal. The same setup as commands:');
        runtime.output.result(SETUP_COMMANDS);
        return;
      }
      const outcome = await runWizard(runtime);
      runtime.output.result(`Saved to ${runtime.store().path}${outcome.shop ? ` for ${outcome.shop}` : ''}.`);
    });
}
