import type { Command } from 'commander';
import { ExitCode, UsageError } from '../../core/errors.js';
import { SUBSCRIBED_TOPICS } from '../../sync/serve/delivery.js';
import { webhookUrl } from '../../serve/start.js';
import { shopifyClientFor } from '../services.js';
import type { RuntimeFactory } from './config.js';

/** `webhooks register|list|delete`: the app's order webhook subscriptions (docs/shopify-api.md#webhooks). */
export function registerWebhooksCommand(program: Command, runtimeFor: RuntimeFactory): void {
  const webhooks = program.command('webhooks').description('Manage the Shopify webhook subscriptions `serve` receives');
  webhooks
    .command('register')
    .description(`Subscribe ${SUBSCRIBED_TOPICS.join(', ')} at --url (idempotent)`)
    .requiredOption('--url <url>', "serve's public HTTPS address (base or …/webhooks/shopify)")
    .action(async (flags: { url: string }, command: Command) => {
      const runtime = runtimeFor(command);
      const shopify = shopifyClientFor(runtime, runtime.config(), () => undefined);
      const result = await shopify.registerWebhooks(webhookUrl(flags.url), SUBSCRIBED_TOPICS);
      if (runtime.output.json) runtime.output.resultJson(result);
      else
        runtime.output.result(
          [
            ...result.created.map((s) => `created  ${s.topic.padEnd(18)} ${s.uri}  ${s.id}`),
            ...result.existing.map((s) => `exists   ${s.topic.padEnd(18)} ${s.uri}  ${s.id}`),
            ...result.failed.map(
              (f) => `FAILED   ${f.topic.padEnd(18)} ${f.userErrors.map((e) => e.message).join('; ')}`,
            ),
          ].join('\n'),
        );
      if (result.failed.length > 0)
        runtime.exitCode = result.created.length + result.existing.length > 0 ? ExitCode.partial : ExitCode.failure;
    });
  webhooks
    .command('list')
    .description('List the webhook subscriptions of this app')
    .action(async (_flags: unknown, command: Command) => {
      const runtime = runtimeFor(command);
      const list = await shopifyClientFor(runtime, runtime.config(), () => undefined).listWebhookSubscriptions();
      if (runtime.output.json) return runtime.output.resultJson({ subscriptions: list });
      runtime.output.result(
        list.length
          ? list.map((s) => `${s.topic.padEnd(18)} ${s.uri}  ${s.id}`).join('\n')
          : 'No webhook subscriptions.',
      );
    });
  webhooks
    .command('delete')
    .description('Delete the subscriptions at --url (all of this app when --url is not given needs --all)')
    .option('--url <url>', 'only the subscriptions delivering to this address')
    .option('--all', 'every subscription of this app')
    .action(async (flags: { url?: string; all?: boolean }, command: Command) => {
      const runtime = runtimeFor(command);
      if (!flags.url && !flags.all) throw new UsageError('webhooks delete needs --url <url> or --all.');
      const shopify = shopifyClientFor(runtime, runtime.config(), () => undefined);
      const uri = flags.url ? webhookUrl(flags.url) : undefined;
      const targets = (await shopify.listWebhookSubscriptions()).filter((s) => !uri || s.uri === uri);
      const lines: string[] = [];
      let failed = 0;
      for (const target of targets) {
        const result = await shopify.deleteWebhookSubscription(target.id);
        if (!result.ok) failed += 1;
        lines.push(
          `${result.ok ? 'deleted' : 'FAILED '}  ${target.topic.padEnd(18)} ` +
            `${target.uri}${result.ok ? '' : `  ${result.userErrors.map((e) => e.message).join('; ')}`}`,
        );
      }
      if (runtime.output.json) runtime.output.resultJson({ deleted: targets.length - failed, failed });
      else runtime.output.result(lines.length ? lines.join('\n') : 'Nothing to delete.');
      if (failed > 0) runtime.exitCode = failed < targets.length ? ExitCode.partial : ExitCode.failure;
    });
}
