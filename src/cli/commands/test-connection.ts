import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import { checkSentos, checkShopify, type ConnectionResult } from '../../sync/connection.js';
import { RunRecords } from '../../sync/state/run-records.js';
import type { Runtime } from '../runtime.js';
import { rememberAuth, sentosClientFor, shopifyClientFor } from '../services.js';
import type { RuntimeFactory } from './config.js';

export type { ConnectionResult };

/** `test-connection`: both APIs, Connected ✅ / Failed ❌ each, with the reason and a hint. */
export function registerTestConnectionCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('test-connection')
    .description('Check both APIs: shop and API version for Shopify, auth method and warehouses for Sentos')
    .action(async (_flags, command: Command) => {
      const runtime = runtimeFor(command);
      const results = [
        await checkShopify(() => shopifyClientFor(runtime, runtime.config(), () => {})),
        await checkSentos(
          () => {
            const config = runtime.config();
            const client = sentosClientFor(runtime, config, () => {}, { detectFresh: true });
            return { client, authSetting: config.settings.sentos.authMethod };
          },
          (client) => rememberAuth(runtime, runtime.config(), client),
        ),
      ];
      new RunRecords(runtime.paths.stateDir).saveConnection({
        at: new Date(runtime.clock.now()).toISOString(),
        results,
      });
      const failed = results.find((r) => !r.ok);
      runtime.exitCode = failed ? failed.exitCode : ExitCode.ok;
      if (runtime.output.json) runtime.output.resultJson({ ok: !failed, results });
      else runtime.output.result(results.map((r) => render(runtime, r)).join('\n'));
    });
}

function render(runtime: Runtime, result: ConnectionResult): string {
  const c = runtime.output.chalk;
  const name = result.service === 'shopify' ? 'Shopify' : 'Sentos ';
  if (!result.ok) {
    const hint = result.error?.hint ? `\n          ${c.cyan('→')} ${result.error.hint}` : '';
    return `${name}  ${c.red('Failed ❌')}  ${result.error?.message ?? ''}${hint}`;
  }
  const d = result.details;
  if (result.service === 'shopify') {
    const version = d.apiVersionSupported
      ? `API ${d.apiVersion ?? '?'}`
      : c.yellow(`API ${d.apiVersion ?? '?'} is not supported by this shop any more: set SHOPIFY_API_VERSION`);
    const shop = `${d.shop ?? '?'} (${d.domain ?? '?'}, ${d.currency ?? '?'})`;
    return `${name}  ${c.green('Connected ✅')}  ${shop} · ${version}`;
  }
  const warehouses = (d.warehouses ?? []).map((w) => `${w.name} (${w.id})`).join(', ');
  return `${name}  ${c.green('Connected ✅')}  auth: ${d.authMethod ?? '?'} · warehouses: ${warehouses}`;
}
