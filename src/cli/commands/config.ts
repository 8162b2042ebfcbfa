import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { CONFIG_KEYS, findConfigKey } from '../../config/keys.js';
import { displayValue, maskSecret } from '../../config/store.js';
import { settingsHelp } from '../../config/reference.js';
import { askWarehouseMap } from '../setup/wizard.js';
import { describeProposal, mapCommand, readWarehouseProposal } from '../setup/warehouses.js';
import type { Runtime } from '../runtime.js';
import { readSecretValue } from '../prompt.js';

export type RuntimeFactory = (command: Command) => Runtime;

/** `config set|get|list|unset|path`: thin; the store validates and encrypts. */
export function registerConfigCommand(program: Command, runtimeFor: RuntimeFactory): void {
  const config = program
    .command('config')
    .description('Show and change stored settings (secrets are AES-256-GCM encrypted)')
    .addHelpText('after', settingsHelp());

  config
    .command('set <key> [value]')
    .description(
      'Store a setting. Omit the value to type it hidden (TTY) or pipe it on stdin, so secrets stay out of ' +
        'shell history',
    )
    .action(async (key: string, value: string | undefined, _opts, command: Command) => {
      const runtime = runtimeFor(command);
      const entry = findConfigKey(key);
      const raw = value ?? (await readSecretValue(`${key}: `, { secret: entry?.secret ?? false }));
      runtime.store().set(key, raw);
      // Always shown (also with --json): the secret already left the tool's hands.
      if (value !== undefined && entry?.secret)
        runtime.output.error(
          `Warning: ${key} was typed on the command line, so it is now in your shell history and was visible to ` +
            `other users in \`ps\` while the command ran. Next time leave the value out: ` +
            `\`sentos-sync config set ${key}\` asks for it hidden, or reads it from stdin.`,
        );
      report(
        runtime,
        { ok: true, key, stored: entry?.secret ? 'encrypted' : 'plain' },
        `Saved ${key}${entry?.secret ? ' (encrypted)' : ''}.`,
      );
    });

  config
    .command('get <key>')
    .description('Print one setting (secrets are shown masked)')
    .action((key: string, _opts, command: Command) => {
      const runtime = runtimeFor(command);
      const entry = findConfigKey(key);
      if (!entry)
        throw new UsageError(`Unknown config key "${key}".`, {
          hint: `Known keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`,
        });
      const stored = runtime.store().get(key);
      const shown = stored === undefined ? undefined : entry.secret ? maskSecret() : stored;
      report(
        runtime,
        { key, value: shown ?? null, set: stored !== undefined },
        shown === undefined ? `${key} is not set` : displayValue(shown),
      );
    });

  config
    .command('list')
    .description('List stored settings, secrets masked, and which environment variable overrides each')
    .action((_opts, command: Command) => {
      const runtime = runtimeFor(command);
      const entries = runtime.store().list();
      const text =
        entries.length === 0
          ? 'Nothing stored yet.'
          : entries.map((e) => `${e.key.padEnd(28)} ${e.value}   (env ${e.env})`).join('\n');
      report(runtime, { path: runtime.store().path, entries }, text);
    });

  config
    .command('unset <key>')
    .description('Remove a stored setting')
    .action((key: string, _opts, command: Command) => {
      const runtime = runtimeFor(command);
      runtime.store().unset(key);
      report(runtime, { ok: true, key }, `Removed ${key}.`);
    });

  config
    .command('map-warehouses')
    .description('Propose products.warehouseMap from the Sentos warehouses and the Shopify locations, by name')
    .action(async (_opts, command: Command) => {
      const runtime = runtimeFor(command);
      if (runtime.interactive && !runtime.output.json) {
        const value = await askWarehouseMap(runtime, runtime.prompter);
        runtime.output.result(value ? `Saved products.warehouseMap = ${value}` : 'No map stored.');
        return;
      }
      const proposal = await readWarehouseProposal(runtime);
      if (runtime.output.json) runtime.output.resultJson(proposal);
      else
        runtime.output.result(
          `${describeProposal(proposal)}${proposal.value ? `\n\nTo store it:\n  ${mapCommand(proposal.value)}` : ''}`,
        );
    });

  config
    .command('path')
    .description('Print where the configuration is stored')
    .action((_opts, command: Command) => {
      const runtime = runtimeFor(command);
      report(
        runtime,
        { path: runtime.store().path, home: runtime.paths.home, keyFile: runtime.paths.keyFile },
        runtime.store().path,
      );
    });
}

function report(runtime: Runtime, json: unknown, text: string): void {
  if (runtime.output.json) runtime.output.resultJson(json);
  else runtime.output.result(text);
}
