import type { Command } from 'commander';
import type { Runtime } from './runtime.js';

/** How a command module registers itself on the program (commands/*.ts). */
export type Register = (program: Command, runtimeFor: (command: Command) => Runtime) => void;

/**
 * Every top-level command, as `--help` lists it, and the module that defines it. Start-up loads only this
 * table and commander: a command's module (and with it undici, conf, zod, the sandbox …) is imported when
 * that command is run or asked for its own help (program.ts). A test keeps the names, terms and descriptions
 * here equal to what the modules register.
 */
export interface LazyCommand {
  name: string;
  /** The term `--help` shows, e.g. "products [options]". */
  term: string;
  description: string;
  load(): Promise<Register>;
}

export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'init',
    term: 'init',
    description: 'Guided setup: both connections tested as you go, the warehouse map proposed, a price list offered',
    load: () => import('./commands/init.js').then((m) => m.registerInitCommand),
  },
  {
    name: 'config',
    term: 'config',
    description: 'Show and change stored settings (secrets are AES-256-GCM encrypted)',
    load: () => import('./commands/config.js').then((m) => m.registerConfigCommand),
  },
  {
    name: 'products',
    term: 'products [options]',
    description: 'Sentos → Shopify: catalog, prices and stock per location',
    load: () => import('./commands/sync-commands.js').then((m) => m.registerSyncCommands),
  },
  {
    name: 'orders',
    term: 'orders [options]',
    description: 'Shopify → Sentos: push orders exactly once, then keep their status in step',
    load: () => import('./commands/sync-commands.js').then((m) => m.registerSyncCommands),
  },
  {
    name: 'sync',
    term: 'sync [options]',
    description: 'Orders first, then products: the command for cron (never puts a sold unit back on sale)',
    load: () => import('./commands/sync-commands.js').then((m) => m.registerSyncCommands),
  },
  {
    name: 'test-connection',
    term: 'test-connection',
    description: 'Check both APIs: shop and API version for Shopify, auth method and warehouses for Sentos',
    load: () => import('./commands/test-connection.js').then((m) => m.registerTestConnectionCommand),
  },
  {
    name: 'sandbox',
    term: 'sandbox [options]',
    description: 'Start loopback simulators of Sentos and Shopify (no real store is touched) and serve until Ctrl-C',
    load: () => import('./commands/sandbox.js').then((m) => m.registerSandboxCommand),
  },
  {
    name: 'demo',
    term: 'demo [options]',
    description:
      'Try the tool end to end on the built-in sandbox: nothing real is touched (temporary home, loopback simulators)',
    load: () => import('./commands/demo.js').then((m) => m.registerDemoCommand),
  },
  {
    name: 'status',
    term: 'status',
    description:
      'Dashboard: what is configured, the last connection test and runs, the orders checkpoint, failing orders, ' +
      'held locks',
    load: () => import('./commands/status.js').then((m) => m.registerStatusCommand),
  },
  {
    name: 'logs',
    term: 'logs [options]',
    description: 'Show the activity log (every run appends to it), oldest first',
    load: () => import('./commands/logs.js').then((m) => m.registerLogsCommand),
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description:
      'Run continuously: Shopify order webhooks push orders to Sentos at once, a full sync runs on a schedule, ' +
      'and a dashboard shows it all',
    load: () => import('./commands/serve.js').then((m) => m.registerServeCommand),
  },
  {
    name: 'webhooks',
    term: 'webhooks',
    description: 'Manage the Shopify webhook subscriptions `serve` receives',
    load: () => import('./commands/webhooks.js').then((m) => m.registerWebhooksCommand),
  },
  {
    name: 'completion',
    term: 'completion <shell>',
    description: 'Print a shell completion script: bash, zsh or fish',
    load: () => import('./commands/completion.js').then((m) => m.registerCompletionCommand),
  },
];
