import type { Command } from 'commander';

/**
 * Two or three examples at the end of every command's `--help`, in one table so they read alike and a test can
 * check none is missing. Keys are command paths ("config set").
 */
export const EXAMPLES: Readonly<Record<string, string[]>> = {
  init: [
    'sentos-sync init                              # at a terminal: asks, tests, saves',
    'sentos-sync --profile shop2 init              # a second store, kept apart',
    'sentos-sync init > setup.sh                   # no terminal: the config commands to edit and run',
  ],
  config: [
    'sentos-sync config list                       # what is stored, secrets masked',
    'sentos-sync config set products.priceList b2c',
    'sentos-sync config --help                     # every setting with its environment variable',
  ],
  'config set': [
    'sentos-sync config set products.warehouseMap "MERKEZ=Merkez Depo,DEPO=İstanbul Mağaza"',
    'sentos-sync config set sentos.apiSecret       # no value: typed hidden, out of shell history',
    'printf %s "$TOKEN" | sentos-sync config set shopify.accessToken',
  ],
  'config get': ['sentos-sync config get products.priceList', 'sentos-sync --json config get sentos.apiUrl'],
  'config list': ['sentos-sync config list', 'sentos-sync --profile shop2 config list'],
  'config unset': ['sentos-sync config unset products.notOwned'],
  'config map-warehouses': [
    'sentos-sync config map-warehouses             # at a terminal: review the proposal, accept or edit',
    'sentos-sync --json config map-warehouses      # the proposal as JSON',
  ],
  'config path': ['sentos-sync config path', 'sentos-sync --json config path'],
  products: [
    'sentos-sync products --dry-run                # the plan: every change old → new, stock by location',
    'sentos-sync products --sku STD-ELB-1042       # one product (and its variants) only',
    'sentos-sync products --limit 5 --output plan.txt',
  ],
  orders: [
    'sentos-sync orders --since 2d --dry-run       # what would be sent, order by order',
    "sentos-sync orders --order '#1042'            # one order",
    'sentos-sync orders --json | jq .summary',
  ],
  sync: [
    'sentos-sync sync --dry-run                    # both plans, nothing written',
    'sentos-sync sync --quiet                      # for cron: the summary and errors only',
    'sentos-sync sync --only orders',
  ],
  'test-connection': ['sentos-sync test-connection', 'sentos-sync --json test-connection | jq .ok'],
  sandbox: [
    'sentos-sync sandbox                           # then paste the export lines it prints',
    'sentos-sync sandbox --products 500 --plan plus --latency field',
    'sentos-sync sandbox --shoppers 0.5 --faults 0.1',
  ],
  demo: ['sentos-sync demo', 'sentos-sync --json demo | jq .steps'],
  status: ['sentos-sync status', 'sentos-sync --json status | jq .lastRuns'],
  logs: [
    'sentos-sync logs --type error --since 1d',
    'sentos-sync logs --run 20261127T101500-3fa2c1',
    'sentos-sync logs --follow',
  ],
  serve: [
    'sentos-sync serve                             # dashboard on http://127.0.0.1:8787',
    'sentos-sync serve --public-url https://sync.example.com --every 30m',
  ],
  webhooks: ['sentos-sync webhooks list', 'sentos-sync webhooks register --url https://sync.example.com'],
  'webhooks register': ['sentos-sync webhooks register --url https://sync.example.com'],
  'webhooks list': ['sentos-sync webhooks list', 'sentos-sync --json webhooks list'],
  'webhooks delete': ['sentos-sync webhooks delete --url https://sync.example.com'],
  completion: [
    'eval "$(sentos-sync completion bash)"         # in ~/.bashrc',
    'sentos-sync completion zsh > "${fpath[1]}/_sentos-sync"',
    'sentos-sync completion fish | source          # in ~/.config/fish/config.fish',
  ],
};

/** Adds the examples to a command and its subcommands (called once a command's module has registered it). */
export function addExamples(command: Command, prefix = ''): void {
  const path = prefix ? `${prefix} ${command.name()}` : command.name();
  const examples = EXAMPLES[path];
  if (examples) command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}`);
  for (const sub of command.commands) addExamples(sub, path);
}
