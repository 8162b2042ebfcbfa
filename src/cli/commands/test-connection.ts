import path from 'node:path';
import type { Command } from 'commander';
import { CliError, ExitCode, errorMessage } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import type { Runtime } from '../runtime.js';
import { rememberAuth, sentosClientFor, shopifyClientFor } from '../services.js';
import type { RuntimeFactory } from './config.js';

export interface ConnectionResult {
  service: 'shopify' | 'sentos';
  ok: boolean;
  details: Record<string, unknown>;
  error?: { message: string; hint?: string };
  exitCode: number;
}

/** `test-connection`: both APIs, Connected ✅ / Failed ❌ each, with the reason and a hint. */
export function registerTestConnectionCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('test-connection')
    .description('Check both APIs: shop and API version for Shopify, auth method and warehouses for Sentos')
    .action(async (_flags, command: Command) => {
      const runtime = runtimeFor(command);
      const results = [await checkShopify(runtime), await checkSentos(runtime)];
      writeFileAtomic(
        path.join(runtime.paths.stateDir, 'last-connection.json'),
        `${JSON.stringify({ at: new Date(runtime.clock.now()).toISOString(), results }, null, 2)}\n`,
      );
      const failed = results.find((r) => !r.ok);
      runtime.exitCode = failed ? failed.exitCode : ExitCode.ok;
      if (runtime.output.json) runtime.output.resultJson({ ok: !failed, results });
      else runtime.output.result(results.map((r) => render(runtime, r)).join('\n'));
    });
}

async function checkShopify(runtime: Runtime): Promise<ConnectionResult> {
  return attempt('shopify', async () => {
    const client = shopifyClientFor(runtime, runtime.config(), () => {});
    const shop = await client.getShop();
    const versions = await client.getPublicApiVersions();
    const pinned = versions.find((v) => v.handle === client.apiVersion);
    return {
      shop: shop.name,
      domain: shop.myshopifyDomain,
      currency: shop.currencyCode,
      apiVersion: client.apiVersion,
      apiVersionSupported: pinned?.supported ?? false,
    };
  });
}

async function checkSentos(runtime: Runtime): Promise<ConnectionResult> {
  return attempt('sentos', async () => {
    const config = runtime.config();
    const client = sentosClientFor(runtime, config, () => {}, { detectFresh: true });
    const configured = config.settings.sentos.authMethod;
    const authMethod = configured === 'auto' ? await client.detectAuth() : configured;
    rememberAuth(runtime, config, client);
    const warehouses = await client.listWarehouses();
    return { authMethod, warehouses: warehouses.map((w) => ({ id: w.id, name: w.name })) };
  });
}

async function attempt(
  service: ConnectionResult['service'],
  body: () => Promise<Record<string, unknown>>,
): Promise<ConnectionResult> {
  try {
    return { service, ok: true, details: await body(), exitCode: ExitCode.ok };
  } catch (error) {
    const hint = error instanceof CliError ? error.hint : undefined;
    return {
      service,
      ok: false,
      details: {},
      error: { message: errorMessage(error), hint },
      exitCode: error instanceof CliError ? error.exitCode : ExitCode.failure,
    };
  }
}

function render(runtime: Runtime, result: ConnectionResult): string {
  const c = runtime.output.chalk;
  const name = result.service === 'shopify' ? 'Shopify' : 'Sentos ';
  if (!result.ok)
    return `${name}  ${c.red('Failed ❌')}  ${result.error?.message}${result.error?.hint ? `\n          ${c.cyan('→')} ${result.error.hint}` : ''}`;
  const d = result.details;
  if (result.service === 'shopify') {
    const version = d.apiVersionSupported
      ? `API ${d.apiVersion}`
      : c.yellow(`API ${d.apiVersion} is not supported by this shop any more: set SHOPIFY_API_VERSION`);
    return `${name}  ${c.green('Connected ✅')}  ${d.shop} (${d.domain}, ${d.currency}) · ${version}`;
  }
  const warehouses = (d.warehouses as Array<{ id: string; name: string }>).map((w) => `${w.name} (${w.id})`).join(', ');
  return `${name}  ${c.green('Connected ✅')}  auth: ${d.authMethod} · warehouses: ${warehouses}`;
}
