import { InvalidArgumentError, Option, type Command } from 'commander';
import { serve } from '../../serve/start.js';
import { parseDuration } from '../../sync/serve/duration.js';
import type { RuntimeFactory } from './config.js';

interface ServeFlags {
  host: string;
  port: number;
  publicUrl?: string;
  every: number;
}

/** `serve`: thin — flags in, the long-lived service runs until SIGTERM / Ctrl-C (src/serve/start.ts). */
export function registerServeCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('serve')
    .description(
      'Run continuously: Shopify order webhooks push orders to Sentos at once, a full sync runs on a schedule, ' +
        'and a dashboard shows it all',
    )
    .addOption(
      new Option('--host <address>', 'address to listen on (the dashboard is open on loopback only)').default(
        '127.0.0.1',
      ),
    )
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').argParser(port).default(8787))
    .option('--public-url <url>', 'the HTTPS address Shopify reaches serve at; its webhooks are registered on start')
    .addOption(
      new Option('--every <duration>', 'full sync interval (15m, 1h, 90s)')
        .argParser(every)
        .default(15 * 60_000, '15m'),
    )
    .action(async (flags: ServeFlags, command: Command) => {
      const runtime = runtimeFor(command);
      await serve(runtime, {
        host: flags.host,
        port: flags.port,
        publicUrl: flags.publicUrl,
        everyMs: flags.every,
        onListening: ({ url, shopDomain }) =>
          runtime.output.info(
            `serve: ${shopDomain}, dashboard ${url}/, webhooks POST ${url}/webhooks/shopify (Ctrl-C or SIGTERM ` +
              `to stop)`,
          ),
      });
    });
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) throw new InvalidArgumentError('expected a port, 0 to 65535');
  return Number(value);
}

function every(value: string): number {
  try {
    const ms = parseDuration(value);
    if (ms < 1000) throw new Error('at least 1s');
    return ms;
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
