import { CliError, errorMessage } from '../../core/errors.js';
import type { Prompter } from '../prompt.js';
import type { Runtime } from '../runtime.js';
import { rememberAuth, sentosClientFor, shopifyClientFor } from '../services.js';
import { describeProposal, readWarehouseProposal } from './warehouses.js';

/**
 * `init`: the guided setup. Each answer is stored as soon as it is given (secrets encrypted, through the same
 * schema as `config set`), each connection is tested right after its credentials, and a failed test asks again,
 * so the admin leaves with a configuration that works or knows exactly which part does not.
 */
const ATTEMPTS = 3;

export interface WizardOutcome {
  shop?: string;
  sentosAuth?: string;
  warehouseMap: string;
  priceList: string;
}

export async function runWizard(runtime: Runtime): Promise<WizardOutcome> {
  const ask = runtime.prompter;
  const say = (text: string) => runtime.output.error(text);
  say('sentos-sync setup: answers are saved as you go (secrets encrypted). Ctrl-C stops; run `init` again later.\n');
  const shop = await untilConnected(
    runtime,
    'Shopify',
    () => askShopify(runtime, ask),
    async () => {
      const info = await shopifyClientFor(runtime, runtime.config(), () => {}).getShop();
      return `${info.name} (${info.myshopifyDomain})`;
    },
  );
  const sentosAuth = await untilConnected(
    runtime,
    'Sentos',
    () => askSentos(runtime, ask),
    async () => {
      const config = runtime.config();
      const client = sentosClientFor(runtime, config, () => {}, { detectFresh: true });
      const method = await client.detectAuth();
      rememberAuth(runtime, config, client);
      return `auth method ${method}`;
    },
  );
  const warehouseMap = await askWarehouseMap(runtime, ask);
  const priceList = await askPriceList(runtime, ask);
  say('\nSetup complete. Check the plan before anything is written:\n  sentos-sync sync --dry-run');
  return { shop, sentosAuth, warehouseMap, priceList };
}

async function untilConnected(
  runtime: Runtime,
  service: string,
  askCredentials: () => Promise<void>,
  check: () => Promise<string>,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await askCredentials();
    try {
      const what = await check();
      runtime.output.error(`✓ ${service}: connected, ${what}.\n`);
      return what;
    } catch (error) {
      const hint = error instanceof CliError && error.hint ? `\n  ${error.hint}` : '';
      runtime.output.error(`✗ ${service}: ${errorMessage(error)}${hint}`);
      if (attempt >= ATTEMPTS || !(await runtime.prompter.confirm(`Enter the ${service} settings again?`, true)))
        throw error;
    }
  }
}

async function askShopify(runtime: Runtime, ask: Prompter): Promise<void> {
  const store = runtime.store();
  const current = runtime.config().settings.shopify;
  store.set('shopify.store', await ask.ask('Shopify store (mystore.myshopify.com)', { default: current.store }));
  const token = await ask.ask('Admin API access token (shpat_…; leave empty to use an app client id + secret)', {
    secret: true,
  });
  if (token !== '') {
    store.set('shopify.accessToken', token);
    return;
  }
  store.unset('shopify.accessToken');
  store.set('shopify.clientId', await ask.ask('App client id', { default: current.clientId }));
  store.set('shopify.clientSecret', await ask.ask('App client secret', { secret: true }));
}

async function askSentos(runtime: Runtime, ask: Prompter): Promise<void> {
  const store = runtime.store();
  const current = runtime.config().settings.sentos;
  store.set('sentos.apiUrl', await ask.ask('Sentos API URL (firm name or panel URL)', { default: current.apiUrl }));
  store.set('sentos.apiKey', await ask.ask('Sentos "API Anahtar" (API key)', { secret: true }));
  store.set('sentos.apiSecret', await ask.ask('Sentos "API Şifre" (API secret)', { secret: true }));
}

/** Shows the proposal; the admin accepts it (Enter) or types another map. Stored only when not empty. */
export async function askWarehouseMap(runtime: Runtime, ask: Prompter): Promise<string> {
  const proposal = await readWarehouseProposal(runtime);
  runtime.output.error(describeProposal(proposal));
  if (proposal.mode !== 'by-name') {
    runtime.store().unset('products.warehouseMap');
    return '';
  }
  const value = await ask.ask('Warehouse map (Enter accepts; WAREHOUSE=Location, comma-separated)', {
    default: proposal.value,
  });
  if (value.trim() === '') runtime.store().unset('products.warehouseMap');
  else runtime.store().set('products.warehouseMap', value);
  return value;
}

/** Offers the price lists the catalog's first page uses; sale_price (the default rule) otherwise. */
async function askPriceList(runtime: Runtime, ask: Prompter): Promise<string> {
  const lists = await priceListsInCatalog(runtime);
  if (lists.length === 0) return runtime.config().settings.products.priceList;
  const value = await ask.ask(`Price list (sale_price, or one of: ${lists.join(', ')})`, {
    default: runtime.config().settings.products.priceList,
  });
  runtime.store().set('products.priceList', value);
  return value;
}

async function priceListsInCatalog(runtime: Runtime): Promise<string[]> {
  const client = sentosClientFor(runtime, runtime.config(), () => {});
  const lists = new Set<string>();
  for await (const page of client.listProducts()) {
    for (const product of page.products) for (const key of Object.keys(product.prices ?? {})) lists.add(key);
    break; // one page shows which lists the catalog uses; the whole catalog is the sync's job
  }
  return [...lists].sort();
}
