import { systemClock, type Clock } from '../core/clock.js';
import { secrets } from '../core/redact.js';
import { RequestStats } from '../core/request-stats.js';
import { resolvePaths, type ToolPaths } from '../config/paths.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { ConfigStore } from '../config/store.js';
import { findConfigKey } from '../config/keys.js';
import { UsageError } from '../core/errors.js';
import { Output } from './output.js';
import { terminalPrompter, type Prompter } from './prompt.js';

/** Options every command shares (set on the root program). */
export interface GlobalOptions {
  profile?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** `--set key=value`, repeatable: the flags layer of the settings (above env and file). */
  set?: string[];
}

/** What a command needs from the outside world, built once per run and injectable in tests. */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  paths: ToolPaths;
  output: Output;
  clock: Clock;
  stats: RequestStats;
  store(): ConfigStore;
  /** Defaults < stored config < env < `--set` flags, with every resolved secret registered for redaction. */
  /** `lenient`: bad values are collected in `invalid` instead of thrown (for `status`). */
  config(options?: { lenient?: boolean }): ResolvedConfig;
  /** Aborted on the first Ctrl-C / SIGTERM: the engine finishes the item in flight and stops. */
  signal: AbortSignal;
  /** Who answers questions; only ask when `interactive` (never prompt without a TTY). */
  prompter: Prompter;
  interactive: boolean;
  /** Set by a command that finished with a non-zero outcome (partial, failed) without throwing. */
  exitCode: number;
}

export interface RuntimeOverrides {
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  clock?: Clock;
  signal?: AbortSignal;
  /** Scripted answers for `init` / `config map-warehouses` (tests); the default reads the terminal. */
  prompter?: Prompter;
  /** Whether a person can answer questions (default: stdin and stderr are terminals). */
  interactive?: boolean;
}

export function createRuntime(globals: GlobalOptions, overrides: RuntimeOverrides = {}): Runtime {
  const env = overrides.env ?? process.env;
  const paths = resolvePaths(env, globals.profile);
  const output = new Output({
    json: Boolean(globals.json),
    quiet: Boolean(globals.quiet),
    verbose: Boolean(globals.verbose),
    // chalk decides nothing by itself here: colour only for a person at a terminal
    // (docs/house-style.md#9-stdout-is-the-result).
    color:
      globals.color !== false &&
      !('NO_COLOR' in env) &&
      env.TERM !== 'dumb' &&
      Boolean((overrides.stdout ?? process.stdout).isTTY),
    stdout: overrides.stdout,
    stderr: overrides.stderr,
  });
  let store: ConfigStore | undefined;
  const getStore = () => (store ??= new ConfigStore(paths, env.SENTOS_SYNC_PASSPHRASE));
  return {
    env,
    paths,
    output,
    clock: overrides.clock ?? systemClock,
    stats: new RequestStats(),
    store: getStore,
    config: (options = {}) => {
      const resolved = resolveConfig({
        stored: getStore().readAll(),
        env,
        flags: settingFlags(globals.set),
        lenient: options.lenient,
      });
      const { shopify, sentos, serve } = resolved.settings;
      const secretValues = [shopify.accessToken, shopify.clientSecret, shopify.webhookSecret, sentos.apiKey];
      for (const value of [...secretValues, sentos.apiSecret, serve.dashboardToken])
        if (value !== undefined) secrets.add(value);
      if (sentos.apiKey !== undefined && sentos.apiSecret !== undefined)
        secrets.addBasic(sentos.apiKey, sentos.apiSecret);
      if (env.SENTOS_SYNC_PASSPHRASE) secrets.add(env.SENTOS_SYNC_PASSPHRASE);
      return resolved;
    },
    signal: overrides.signal ?? new AbortController().signal,
    prompter: overrides.prompter ?? terminalPrompter(),
    interactive: overrides.interactive ?? (Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY)),
    exitCode: 0,
  };
}

/** "products.priceList=b2c" pairs into a record by key; the resolver validates key and value. */
export function settingFlags(pairs: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!findConfigKey(key))
      throw new UsageError(`--set ${pair}: expected KEY=VALUE with a known key.`, {
        hint: 'Run `sentos-sync config --help` for the keys.',
      });
    out[key] = pair.slice(at + 1);
  }
  return out;
}
